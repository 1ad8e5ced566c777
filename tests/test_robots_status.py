"""What robots.txt said at crawl time: in the run summary, kept in the state's run history, and
in the dataset card `warta export` writes (under which rules a corpus was collected)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.crawling.robots import robots_status
from tests.conftest import run_warta
from tests.test_scheduled import build_site, crawl_args, finished_records

TEXT = {"Content-Type": "text/plain"}


def test_status_from_scrapy_stats() -> None:
    several = {
        "robotstxt/response_status_count/200": 2,
        "robotstxt/response_status_count/404": 1,
        "robotstxt/exception_count/<class 'twisted.internet.error.DNSLookupError'>": 1,
        "robotstxt/forbidden": 7,
    }
    assert robots_status(several, True) == {
        "obeyed": True,
        "status": "none (HTTP 404): every URL allowed; read (HTTP 200) (x2); unreachable: every URL allowed",
        "forbidden": 7,
    }
    assert robots_status({"robotstxt/response_status_count/503": 1}, True)["status"].startswith(
        "error (HTTP 503)"
    )
    assert robots_status({}, True)["status"].startswith("not fetched")
    assert robots_status(several, False) == {
        "obeyed": False,
        "status": "not obeyed (ROBOTSTXT_OBEY off)",
        "forbidden": 0,
    }


def _crawl(mockserver, tmp: Path, robots: dict | None, *extra: str) -> dict:
    """A crawl of a loopback fakta.com with this robots.txt route (None: no robots.txt, a 404);
    its summary's robots_txt."""
    routes = build_site(tmp, 3)
    del routes["fakta.com/robots.txt"]
    if robots is not None:
        routes["fakta.com/robots.txt"] = robots
    server = mockserver(routes)
    result = run_warta(*crawl_args(tmp, *extra), env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(next((tmp / "out").glob("*.summary.json")).read_text("utf-8"))
    return summary["sites"]["fakta"]["robots_txt"]


def _card(tmp: Path, *state: str) -> str:
    result = run_warta("export", str(tmp / "out"), "-o", str(tmp / "ds" / "a.parquet"), "-q", *state)
    assert result.returncode == 0, result.stderr
    return (tmp / "ds" / "README.md").read_text("utf-8")


def test_a_disallow_is_counted_and_reaches_the_card(mockserver, tmp_path: Path) -> None:
    robots = {"body": "User-agent: *\nDisallow: /news/nasional/berita-nomor-1-\n", "headers": TEXT}
    seen = _crawl(mockserver, tmp_path, robots)
    assert seen == {"obeyed": True, "status": "read (HTTP 200)", "forbidden": 1}
    assert len(finished_records(tmp_path / "out")) == 2
    card = _card(tmp_path, "--state", str(tmp_path / "state.sqlite"))
    row = next(line for line in card.splitlines() if line.startswith("| fakta | read"))
    assert row.split(" | ")[1:3] == ["read (HTTP 200)", "1"]


@pytest.mark.parametrize(
    ("robots", "extra", "expected"),
    [
        (None, [], "none (HTTP 404): every URL allowed"),
        ({"body": "sibuk", "status": 503, "headers": TEXT}, ["-s", "RETRY_TIMES=0"], "error (HTTP 503)"),
        (None, ["-s", "ROBOTSTXT_OBEY=False"], "not obeyed (ROBOTSTXT_OBEY off)"),
    ],
)
def test_missing_broken_or_ignored_robots_txt_is_said(mockserver, tmp_path, robots, extra, expected) -> None:
    seen = _crawl(mockserver, tmp_path, robots, *extra)
    assert seen["status"].startswith(expected) and seen["forbidden"] == 0
    assert len(finished_records(tmp_path / "out")) == 3  # from the home page's links
    assert expected in _card(tmp_path, "--state", str(tmp_path / "state.sqlite"))


def test_the_card_says_when_no_state_tells(mockserver, tmp_path: Path) -> None:
    _crawl(mockserver, tmp_path, None)
    other = tmp_path / "nothing-here"
    result = run_warta(
        "export",
        str(tmp_path / "out"),
        "-o",
        str(tmp_path / "ds" / "a.parquet"),
        "-q",
        env={"XDG_DATA_HOME": str(other)},
    )
    assert result.returncode == 0, result.stderr
    assert "Not recorded: no crawl state file was found" in (tmp_path / "ds" / "README.md").read_text("utf-8")
    missing = run_warta(
        "export", str(tmp_path / "out"), "-o", str(tmp_path / "b.parquet"), "--state", str(other)
    )
    assert missing.returncode == 2 and missing.stderr.strip() == f"warta: no state file {other}"
