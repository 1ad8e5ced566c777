"""The ``warta`` command, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, assert_valid, load_fixture, run_warta


def test_version_and_help() -> None:
    assert run_warta("--version").stdout.startswith("warta ")
    for verb in ("extract", "fetch", "crawl", "sites", "schema"):
        result = run_warta(verb, "--help")
        assert result.returncode == 0 and "usage: warta" in result.stdout


def test_schema_is_printed() -> None:
    schema = json.loads(run_warta("schema").stdout)
    assert "published_at" in schema["required"]


def test_sites_lists_fakta() -> None:
    result = run_warta("sites", "--json")
    sites = {s["key"]: s for s in json.loads(result.stdout)}
    assert sites["fakta"]["domains"] == ["fakta.com"]
    assert "generic" not in sites


@pytest.mark.parametrize(
    ("url", "site", "extractor"),
    [
        ("https://fakta.com/news/internasional/contoh-berita", "fakta", "site:fakta"),
        (
            "https://kabarnusantara.id/news/internasional/contoh-berita",
            "kabarnusantara.id",
            "generic",
        ),
    ],
    ids=["fakta", "unknown-domain"],
)
def test_extract_sample_under_two_urls(url: str, site: str, extractor: str) -> None:
    page = load_fixture("fakta_sample")
    result = run_warta("extract", str(page["path"]), "--url", url, "--now", "2025-04-28T05:00:00+00:00")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert_valid(record)
    assert (record["site"], record["extractor"]) == (site, extractor)
    assert record["published_at"] == "2025-04-28T10:15:00+07:00"
    assert record["embeds"][0]["kind"] == "twitter"
    assert record["images"][0]["caption"]
    for leak in page["expected"]["must_not_contain"]:
        assert leak not in record["text"]
    assert all(record[k] for k in ("dateline", "place", "credit", "section", "tags", "authors"))


def test_extract_uses_the_canonical_url_when_no_url_given() -> None:
    page = load_fixture("fakta_sample")
    record = json.loads(run_warta("extract", str(page["path"])).stdout)
    assert record["site"] == "fakta"


def test_extract_several_files_one_line_each() -> None:
    paths = [str(load_fixture(n)["path"]) for n in ("fakta_sample", "fakta_opini")]
    result = run_warta("extract", *paths)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, [], "cannot read"),
        (b"\x00\x01\x02binary\xff" * 20, ["--url", "https://fakta.com/news/a/b"], "not HTML"),
        (b"", ["--url", "https://fakta.com/news/a/b"], "empty page"),
        (b"plain words, no markup at all", ["--url", "https://x.id/2025/01/01/a-b"], "not HTML"),
        (
            b"<html><body><p>Hi</p></body></html>",
            ["--url", "https://x.id/2025/01/01/a-b"],
            "no article",
        ),
        (b"<html><body><p>Hi</p></body></html>", [], "no URL"),
        (b"<html></html>", ["--url", "ftp://x.id/a"], "not an http(s) URL"),
    ],
    ids=["missing", "binary", "empty", "not-html", "no-article", "no-url", "bad-url"],
)
def test_bad_input_one_line_nonzero(tmp_path, content, args, message) -> None:
    path = tmp_path / "page.html"
    if content is not None:
        path.write_bytes(content)
    result = run_warta("extract", str(path), *args)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


def test_fetch_rejects_non_http_url() -> None:
    result = run_warta("fetch", "file:///etc/passwd")
    assert result.returncode == 2
    assert result.stderr.strip() == "warta: not an http(s) URL: file:///etc/passwd"


def test_fetch_unknown_host() -> None:
    result = run_warta("fetch", "http://no-such-host.invalid/2025/01/01/a-b", "-s", "RETRY_TIMES=0")
    assert result.returncode == 1
    assert result.stderr.strip().endswith("DNS lookup failed (unknown host)")


def test_extract_starts_no_crawl_engine() -> None:
    """`warta extract` on a site page finds the site's rules without Scrapy or Twisted, and reads
    it without trafilatura: the one-page command stays cheap (benchmarks/one_page.py measures it)."""
    page = REPO / "tests" / "fixtures" / "fakta_sample" / "input.html"
    program = (
        "import sys, contextlib, io\n"
        "from crawler.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main(['extract', {str(page)!r}])\n"
        'assert status == 0 and \'"extractor":"site:fakta"\' in out.getvalue()\n'
        "print(sorted(m for m in ('scrapy', 'twisted', 'trafilatura') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "[]"


def test_extract_reads_standard_input() -> None:
    page = load_fixture("fakta_sample")["path"]
    url = "https://fakta.com/news/nasional/dari-pipa"
    with open(page, "rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "extract", "-", "--url", url],
            stdin=stdin, capture_output=True, text=True, cwd=REPO, timeout=120,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == url and record["text"]


@pytest.mark.parametrize("stdout", ["/dev/full", "closed"])
def test_a_stdout_that_cannot_be_written_is_one_line(stdout: str) -> None:
    """`warta extract page > /dev/full` (a full disk) or with stdout closed: one line, exit 1."""
    import os

    page = str(load_fixture("fakta_sample")["path"])
    if stdout == "/dev/full" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    target = open(stdout, "w") if stdout == "/dev/full" else None  # noqa: SIM115
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "extract", page],
        stdout=target, stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=120,
        preexec_fn=(lambda: os.close(1)) if target is None else None,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"warta: cannot write to standard output: {'No space left on device' if target else 'it is closed'}"
    ]
