"""Shared test helpers: fixture folders, the corpus, a loopback server, running ``warta``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.extraction.record import validation_errors

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(os.environ.get("WARTA_CORPUS", REPO.parent / "shared" / "corpus"))


def load_fixture(name: str) -> dict[str, Any]:
    folder = FIXTURES / name
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    page = (folder / meta.get("input", "input.html")).resolve()  # the same page under another URL
    return {
        "name": name,
        "html": page.read_bytes(),
        "path": page,
        "url": meta["url"],
        "now": datetime.fromisoformat(meta["frozen_time"]),
        "expected": json.loads((folder / "expected.json").read_text("utf-8")),
    }


def record_of(name: str) -> dict[str, Any]:
    """The record warta makes of a fixture page (a fresh dict each time), by its site's rules."""
    from crawler.extraction.steps import build_record
    from crawler.sites import site_for_url

    page = load_fixture(name)
    return dict(build_record(page["html"], page["url"], page["now"], site_for_url(page["url"])))


def fixture_names(kind: str | None = None) -> list[str]:
    names = []
    for folder in sorted(FIXTURES.iterdir()):
        if not (folder / "expected.json").exists():
            continue
        found = json.loads((folder / "expected.json").read_text("utf-8")).get("kind", "article")
        if kind is None or found == kind:
            names.append(folder.name)
    return names


def assert_valid(record: dict[str, Any]) -> None:
    errors = validation_errors(record)
    assert not errors, errors


def run_warta(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=timeout,
    )


class MockServer:
    """tests/mockserver.py in a subprocess; routes are ``host/path`` -> route dicts."""

    def __init__(self, routes: dict[str, Any], workdir: Path) -> None:
        n = len(list(workdir.glob("routes-*.json")))
        self.routes_path = workdir / f"routes-{n}.json"
        self.log_path = workdir / f"requests-{n}.log"
        self.routes_path.write_text(json.dumps(routes), "utf-8")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "tests" / "mockserver.py"),
                str(self.routes_path),
                "--log",
                str(self.log_path),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.url = self.proc.stdout.readline().strip()
        assert self.url.startswith("http://127.0.0.1:"), "mock server did not start"

    @property
    def proxy_env(self) -> dict[str, str]:
        return {
            "http_proxy": self.url, "https_proxy": self.url,
            "HTTP_PROXY": self.url, "HTTPS_PROXY": self.url,
            "no_proxy": "", "NO_PROXY": "",
        }  # fmt: skip

    def requests(self) -> list[tuple[int, str]]:
        if not self.log_path.exists():
            return []
        lines = self.log_path.read_text("utf-8").splitlines()
        return [(int(s), u) for s, u in (line.split(" ", 1) for line in lines)]

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture
def mockserver(tmp_path: Path) -> Iterator:
    servers: list[MockServer] = []

    def start(routes: dict[str, Any]) -> MockServer:
        server = MockServer(routes, tmp_path)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def many_records(path: Path, records: list[dict[str, Any]], count: int) -> Path:
    """``count`` records in a JSON Lines file, the given ones over and over, each with its own id
    (enough of them that reading outlasts a progress bar's first redraw)."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(
                json.dumps({**records[n % len(records)], "id": f"{n:016x}"}, ensure_ascii=False) + "\n"
            )
    return path
