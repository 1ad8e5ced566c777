"""Output faults a cron job meets: `-o` adds and `-O` replaces, a write that fails fails the
run and marks nothing seen, a killed run's files are finished at any step, recovery touches
only warta's own files, another program's SQLite file is refused untouched."""

from __future__ import annotations

import gzip
import json
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.crawling.output import AtomicFileStorage, commit, read_records, recover_target
from crawler.crawling.state import SeenStore
from tests.conftest import REPO, run_warta
from tests.faults.site import FAST, lines_of, site_routes, summary_of, url_of


def crawl(server, tmp: Path, *target: str) -> subprocess.CompletedProcess:
    args = ["crawl", "fakta", *target, "--state", str(tmp / "st.sqlite"), "--stats", str(tmp / "s.json")]
    return run_warta(*args, *FAST, env=server.proxy_env, timeout=300)


def test_o_adds_to_the_file_and_O_replaces_it(mockserver, tmp_path: Path) -> None:
    slugs = [f"berita-{i}" for i in range(5)]
    server = mockserver(site_routes(tmp_path, slugs[:3]))
    target = tmp_path / "all.jsonl"
    assert crawl(server, tmp_path, "-o", str(target)).returncode == 0
    assert len(lines_of(target)) == 3
    server.stop()
    server = mockserver(site_routes(tmp_path, slugs))
    assert crawl(server, tmp_path, "-o", str(target)).returncode == 0
    assert sorted(r["url"] for r in lines_of(target)) == sorted(url_of(s) for s in slugs)
    server.stop()
    server = mockserver(site_routes(tmp_path, [*slugs, "berita-baru"]))
    result = crawl(server, tmp_path, "-O", str(target))
    assert result.returncode == 0, result.stderr
    assert [r["url"] for r in lines_of(target)] == [url_of("berita-baru")]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("all.jsonl")) == [
        "all.jsonl",
        "all.jsonl.summary.json",
    ]


def limited(kib: int):
    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (kib * 1024, kib * 1024))

    return set_limit


def test_a_run_that_cannot_write_fails_and_the_rerun_writes_each_once(mockserver, tmp_path: Path) -> None:
    """A file-size limit (as a full disk would) stops the output file: exit 1, one line naming
    the path and the OS error, the records counted as not written, no id marked seen."""
    slugs = [f"berita-{i}" for i in range(30)]
    server = mockserver(site_routes(tmp_path, slugs[:2]))
    out = tmp_path / "out"
    assert crawl(server, tmp_path, "--out", str(out)).returncode == 0
    server.stop()
    server = mockserver(site_routes(tmp_path, slugs))
    args = ["crawl", "fakta", "--out", str(out), "--state", str(tmp_path / "st.sqlite"), "--stats",
            str(tmp_path / "s.json"), *FAST]  # fmt: skip
    env = {**os.environ, **server.proxy_env, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=300, preexec_fn=limited(48),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if "cannot write" in line]
    assert len(errors) == 1 and str(out / "fakta") in errors[0] and "File too large" in errors[0]
    assert "Traceback" not in result.stderr
    summary = summary_of(tmp_path / "s.json")
    assert summary["written"] == 0 and summary["failed"]["not written"] == 28
    with SeenStore(tmp_path / "st.sqlite") as store:
        assert store.count() == 2
    assert crawl(server, tmp_path, "--out", str(out)).returncode == 0
    urls = [r["url"] for p in sorted(out.rglob("*.jsonl")) for r in read_records(p)]
    assert sorted(urls) == sorted(url_of(s) for s in slugs)  # every article, each once
    assert not [p for p in out.rglob("*") if p.name.endswith((".partial", ".staging", ".committed"))]


def record(i: int) -> str:
    return json.dumps({"id": f"{i:016x}", "url": f"https://x.id/{i}", "canonical_url": f"https://x.id/{i}"})


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("killed_after", ["writing", "staging", "committing", "replacing"])
def test_a_killed_addition_is_finished_once_at_any_step(tmp_path: Path, killed_after: str, gz: bool) -> None:
    """An addition killed at each step: the next run's recovery leaves the old lines and the
    new complete lines exactly once, and the new ids seen."""
    final = tmp_path / ("all.jsonl.gz" if gz else "all.jsonl")
    state = str(tmp_path / "st.sqlite")
    old = "".join(record(i) + "\n" for i in range(2)).encode()
    final.write_bytes(gzip.compress(old) if gz else old)
    lines = final.with_name(final.name + ".addition.partial")
    lines.write_bytes(("".join(record(i) + "\n" for i in range(2, 5)) + '{"id": "half').encode())
    if killed_after != "writing":
        committed = commit(lines)  # runs to the end; undo the later steps to stage each crash
        finished = final.read_bytes()
        if killed_after == "staging":  # staging built, lines not yet committed
            committed.rename(lines)
            final.with_name(final.name + ".staging").write_bytes(finished[: len(finished) // 2])
            final.write_bytes(gzip.compress(old) if gz else old)
        elif killed_after == "committing":  # committed, staging not yet in place
            final.with_name(final.name + ".staging").write_bytes(finished)
            final.write_bytes(gzip.compress(old) if gz else old)
    assert recover_target(final, state) == [final]
    assert [r["id"] for r in read_records(final)] == [f"{i:016x}" for i in range(5)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("all")) == [final.name]
    with SeenStore(state) as store:
        assert store.count() == 3 and store.seen("https://x.id/4") and not store.seen("https://x.id/0")


def test_pieces_to_be_joined_mark_nothing_seen(tmp_path: Path) -> None:
    state = str(tmp_path / "st.sqlite")
    for name, mark in (("piece.jsonl", False), ("whole.jsonl", True)):
        storage = AtomicFileStorage(str(tmp_path / name), feed_options={"warta_mark_seen": mark}, state=state)
        handle = storage.open(None)
        handle.write((record(len(name)) + "\n").encode())
        storage.store(handle)
    with SeenStore(state) as store:
        assert store.count() == 1 and store.seen(f"https://x.id/{len('whole.jsonl')}")


def test_recovery_touches_only_files_warta_made(mockserver, tmp_path: Path) -> None:
    server = mockserver(site_routes(tmp_path, ["berita-satu"]))
    strangers = {
        tmp_path / "nested" / "notes.jsonl.partial": b'{"mine": 1}\n{"half',
        tmp_path / "all.jsonl.summary.json.partial": b'{"not": "json lines"',
        tmp_path / "other.jsonl.partial": b'{"id": "x"}\n',
        tmp_path / "out" / "fakta" / "mine.jsonl.partial": b'{"id": "y"}\n',
    }
    for path, data in strangers.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    left = tmp_path / "out" / "fakta" / "20250101T000000Z.jsonl.partial"
    left.write_text(record(7) + "\n" + '{"half', "utf-8")
    assert crawl(server, tmp_path, "-o", str(tmp_path / "all.jsonl")).returncode == 0
    result = crawl(server, tmp_path, "--out", str(tmp_path / "out"))
    assert result.returncode == 0 and "20250101T000000Z.jsonl left by an interrupted run" in result.stderr
    assert {p: p.read_bytes() for p in strangers} == strangers
    assert lines_of(left.with_name("20250101T000000Z.jsonl")) == [json.loads(record(7))]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    theirs = tmp_path / "app.db"
    db = sqlite3.connect(theirs)
    db.execute("CREATE TABLE users (name TEXT)")
    db.execute("INSERT INTO users VALUES ('ani')")
    db.commit()
    db.close()
    before = theirs.read_bytes()
    result = run_warta("crawl", "fakta", "--state", str(theirs), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"warta: --state {theirs}: another program's SQLite database (tables users); left untouched"
    ]
    assert theirs.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "app.db.lock"]


def test_an_unwritable_stats_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", "utf-8")
    args = ["crawl", "fakta", "--state", str(tmp_path / "st.sqlite"), "--out", str(tmp_path / "out")]
    result = run_warta(*args, "--stats", str(blocker / "s.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    expected = f"warta: cannot write output under {blocker}: it is a file, not a folder"
    assert result.stderr.strip().splitlines() == [expected]
    result = run_warta(*args, "--stats", str(tmp_path))
    assert result.returncode == 2 and "--stats" in result.stderr and "is a folder" in result.stderr


@pytest.mark.parametrize("flag", ["-o", "-O"])
def test_standard_output_is_not_a_crawl_target(tmp_path: Path, flag: str) -> None:
    """Records printed to a pipe could be lost after they are marked seen: refused, with the way."""
    result = run_warta("crawl", "fakta", "--state", str(tmp_path / "st.sqlite"), flag, "-")
    assert result.returncode == 2 and "warta fetch" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["st.sqlite", "st.sqlite.lock"]


@pytest.mark.parametrize("tail", [b"", b'{"id": "half', b"x" * 200_000])
def test_a_half_written_last_line_is_cut_reading_from_the_end(tmp_path: Path, tail: bytes) -> None:
    """Lines longer than the block read at a time, and a half line after them: only the half
    line goes (the file is read backwards, a block at a time, never whole)."""
    from crawler.crawling.output import CUT_BLOCK, _cut

    whole = b"".join(b'{"id": "%d", "text": "%s"}\n' % (i, b"a" * CUT_BLOCK) for i in range(3))
    lines = tmp_path / "out.jsonl.partial"
    lines.write_bytes(whole + tail)
    _cut(lines)
    assert lines.read_bytes() == whole
    lines.write_bytes(b"no newline at all" * 10_000)
    _cut(lines)
    assert lines.read_bytes() == b""
