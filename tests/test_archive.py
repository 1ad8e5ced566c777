"""The WARC archive of a crawl: every response as a WARC/1.1 record that warcio reads, the
record's fetched_at equal to its WARC-Date, files only under their final name, a file a killed
run left open cut at its last complete record."""

from __future__ import annotations

import json
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from crawler.crawling.archive import recover
from tests.conftest import run_warta
from tests.faults.site import FAST, site_routes, url_of


def warc_records(folder: Path) -> list:
    found = []
    for path in sorted(folder.rglob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                found.append(
                    (record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                     record.rec_headers.get_header("WARC-Date"), record.content_stream().read())
                )  # fmt: skip
    return found


def test_a_crawl_archives_every_response(mockserver, tmp_path: Path) -> None:
    slugs = ["berita-satu", "berita-dua"]
    routes = site_routes(tmp_path, slugs)
    routes["fakta.com/news/nasional/lama"] = {"status": 301, "headers": {"Location": url_of("berita-dua")}}
    server = mockserver(routes)
    warc = tmp_path / "warc"
    out = tmp_path / "out"
    args = ["crawl", "fakta", "--out", str(out), "--state", str(tmp_path / "st.sqlite"), "--warc", str(warc)]
    result = run_warta(*args, *FAST, env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    assert not list(warc.rglob("*.open")) and list((warc / "fakta").glob("*.warc.gz"))
    records = warc_records(warc)
    assert records[0][0] == "warcinfo" and b"warta/" in records[0][3]
    responses = {uri: (date, body) for kind, uri, date, body in records if kind == "response"}
    requests = {uri for kind, uri, _, _ in records if kind == "request"}
    assert {"https://fakta.com/robots.txt", "https://fakta.com/sitemap.xml"} <= set(responses)
    assert set(responses) <= requests
    written = [json.loads(line) for p in out.rglob("*.jsonl") for line in p.open()]
    assert len(written) == 2
    for record in written:
        date, body = responses[record["url"]]
        assert date == record["fetched_at"].replace("+00:00", "Z")
        assert record["title"].encode() in body or b"<html" in body.lower()


def test_a_warc_left_open_is_cut_at_its_last_complete_record(mockserver, tmp_path: Path) -> None:
    server = mockserver(site_routes(tmp_path, ["berita-satu"]))
    warc = tmp_path / "warc"
    args = ["crawl", "fakta", "--out", str(tmp_path / "out"), "--state", str(tmp_path / "st.sqlite")]
    assert run_warta(*args, "--warc", str(warc), *FAST, env=server.proxy_env).returncode == 0
    [done] = list(warc.rglob("*.warc.gz"))
    whole = done.read_bytes()
    count = len(warc_records(warc))
    left = done.with_name("20250101T000000Z-00001.warc.gz.open")
    left.write_bytes(whole[: len(whole) - 40])  # killed inside the last record
    done.unlink()
    [closed] = recover(warc)
    assert closed.name == "20250101T000000Z-00001.warc.gz" and not left.exists()
    assert len(warc_records(warc)) == count - 1


def test_files_rotate_at_the_size_and_fetch_archives_too(mockserver, tmp_path: Path) -> None:
    server = mockserver(site_routes(tmp_path, ["berita-satu", "berita-dua"]))
    warc = tmp_path / "warc"
    args = ["crawl", "fakta", "--out", str(tmp_path / "out"), "--state", str(tmp_path / "st.sqlite")]
    rotate = ["--warc", str(warc), "-s", "WARTA_WARC_MAX_BYTES=1"]
    result = run_warta(*args, *rotate, *FAST, env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    files = sorted((warc / "fakta").glob("*.warc.gz"))
    assert len(files) >= 4  # robots.txt, sitemap, two articles: one exchange a file
    for path in files:
        with path.open("rb") as handle:
            kinds = [r.rec_type for r in ArchiveIterator(handle)]
        assert kinds[0] == "warcinfo" and sorted(kinds[1:]) == ["request", "response"]
    fetched = tmp_path / "fetched"
    result = run_warta("fetch", url_of("berita-satu"), "--warc", str(fetched), *FAST, env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    dates = {uri: date for kind, uri, date, _ in warc_records(fetched) if kind == "response"}
    assert dates[url_of("berita-satu")] == record["fetched_at"].replace("+00:00", "Z")


def test_an_archive_that_cannot_be_written_fails_the_run(mockserver, tmp_path: Path) -> None:
    """A WARC write error happens in a Scrapy signal handler, where it would only be logged: it
    is named on stderr and the exit status is 1 (the record itself still comes out)."""
    server = mockserver(site_routes(tmp_path, ["berita-satu"]))
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the WARC folder should be", "utf-8")
    warc = ["--warc", str(blocker / "warc")]
    result = run_warta("fetch", url_of("berita-satu"), *warc, *FAST, env=server.proxy_env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["url"] == url_of("berita-satu")
    assert f"cannot write the WARC archive under {blocker / 'warc'}: Not a directory" in result.stderr
