"""`warta reextract`: the records of a crawl's own WARC are the records the crawl wrote; other
WARCs (WARC/1.0, response records only, as CC-NEWS) are read too; what is no article is
counted by reason; a broken file is named and the exit status says so."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import pty
import struct
import sys
import termios
import uuid
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import CORPUS, FIXTURES, REPO, run_warta
from tests.faults.site import FAST, site_routes, url_of
from tests.test_scheduled import SAMPLE_SLUG, TEMPLATE


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_the_records_of_a_crawls_warc_are_the_crawls_records(mockserver, tmp_path: Path) -> None:
    server = mockserver(site_routes(tmp_path, ["berita-satu", "berita-dua", "berita-tiga"]))
    crawled, warc = tmp_path / "crawled.jsonl", tmp_path / "warc"
    args = ["crawl", "fakta", "-o", str(crawled), "--state", str(tmp_path / "st.sqlite"), "--warc", str(warc)]
    assert run_warta(*args, *FAST, env=server.proxy_env).returncode == 0
    again = tmp_path / "again.jsonl"
    result = run_warta("reextract", str(warc), "-o", str(again))
    assert result.returncode == 0, result.stderr
    assert "3 written" in result.stderr and "not an article URL" in result.stderr
    by_id = {r["id"]: r for r in lines(crawled)}
    assert len(by_id) == 3 and {r["id"]: r for r in lines(again)} == by_id


def cc_news_warc(path: Path) -> Path:
    """A WARC/1.0 of response records only, as CC-NEWS: an article, a 404, an image, a
    revisit, a truncated one, and an article of a domain with no site file."""
    page = (FIXTURES / "fakta_sample" / "input.html").read_bytes()
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.0")

        def response(url: str, status: str, ctype: str, body: bytes, **extra: str) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": "2025-04-28T01:02:03Z", **extra}
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers, warc_headers_dict=warc_headers
            )
            writer.write_record(record)

        response(url_of("berita-satu"), "200 OK", "text/html; charset=utf-8", page)
        response(url_of("hilang"), "404 Not Found", "text/html", b"<html>tidak ada</html>")
        response("https://fakta.com/img/a.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff")
        response(url_of("berita-dua"), "200 OK", "text/html", page[:2000], **{"WARC-Truncated": "length"})
        response("https://contoh.id/berita/satu", "200 OK", "text/html", page)
    return path


def test_a_cc_news_warc_is_read_and_what_is_no_article_counted(tmp_path: Path) -> None:
    warc = cc_news_warc(tmp_path / "CC-NEWS-20250428.warc.gz")
    out = tmp_path / "out"
    result = run_warta("reextract", str(warc), "--out", str(out))
    assert result.returncode == 0, result.stderr
    [record] = lines(out / "CC-NEWS-20250428.jsonl")
    assert record["url"] == url_of("berita-satu") and record["fetched_at"] == "2025-04-28T01:02:03+00:00"
    for counted in ("1 HTTP 404", "1 not HTML", "1 truncated", "1 not an article URL"):
        assert counted in result.stderr, result.stderr
    again = run_warta("reextract", str(warc), "--out", str(out))  # done inputs are skipped
    assert again.returncode == 0 and "1 input already done" in again.stderr
    narrow = ["--all", "--domains", "contoh.id"]
    every = run_warta("reextract", str(warc), "-o", str(tmp_path / "all.jsonl"), *narrow)
    assert [r["url"] for r in lines(tmp_path / "all.jsonl")] == ["https://contoh.id/berita/satu"]
    assert every.returncode == 0 and "outside --domains" in every.stderr


def articles_warc(path: Path, count: int, gzip: bool = True, stem: str = "berita-nomor") -> list[int]:
    """A WARC of ``count`` article responses (``STEM-0``, ``STEM-1``, ...); the offset of each record."""
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip, warc_version="1.1")
        for i in range(count):
            slug = f"{stem}-{i}"
            body = BytesIO(TEMPLATE.replace(SAMPLE_SLUG, slug).encode())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            offsets.append(handle.tell())
            record = writer.create_warc_record(url_of(slug), "response", payload=body, http_headers=headers)
            writer.write_record(record)
    return offsets


def test_a_broken_record_is_named_and_reading_goes_on_after_it(tmp_path: Path) -> None:
    good = cc_news_warc(tmp_path / "good.warc.gz")
    broken = tmp_path / "broken.warc.gz"
    at = articles_warc(broken, 6)
    data = bytearray(broken.read_bytes())
    data[at[1] + 60 : at[1] + 260] = bytes(200)  # record 1: a bad gzip member
    data[at[3] : at[3]] = b"stray bytes between two members\n"  # record 3 is whole
    broken.write_bytes(data[: at[5] + 300])  # record 5: cut off
    result = run_warta("reextract", str(good), str(broken), "-o", str(tmp_path / "all.jsonl"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    named = [line for line in result.stderr.splitlines() if line.startswith(f"warta: broken WARC: {broken}")]
    assert len(named) == 3 and f"record at byte {at[1]}:" in named[0], result.stderr
    got = [r["url"] for r in lines(tmp_path / "all.jsonl")]
    assert got == [url_of("berita-satu")] + [url_of(f"berita-nomor-{i}") for i in (0, 2, 3, 4)]
    assert "3 broken records" in result.stderr
    assert run_warta("reextract", str(tmp_path / "nope.warc.gz"), "-o", "x.jsonl").returncode == 2


def test_an_uncompressed_warc_cut_inside_a_page_gives_no_half_page(tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc"
    at = articles_warc(plain, 3, gzip=False)
    data = plain.read_bytes()
    plain.write_bytes(data[: at[2] + 900])  # inside the last page's HTML
    result = run_warta("reextract", str(plain), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1 and f"broken WARC: {plain}: record at byte {at[2]}" in result.stderr
    assert len(lines(tmp_path / "out.jsonl")) == 2


def test_the_output_is_the_same_whatever_the_workers(tmp_path: Path) -> None:
    warc = tmp_path / "many.warc.gz"
    articles_warc(warc, 150)
    outputs = []
    for workers in ("1", "2"):
        target = tmp_path / f"w{workers}.jsonl"
        result = run_warta("reextract", str(warc), "-o", str(target), "--workers", workers)
        assert result.returncode == 0, result.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 150


SPLIT = "https://www.suara.com/news/2026/06/16/190533/lima-hal-yang-perlu-diketahui-soal-seleksi-sekolah-rakyat-2026"


def split_article_warc(path: Path, pages: tuple[int, ...]) -> Path:
    """suara's three-page article, as CC-NEWS may hold it: some of its pages, in this order."""
    folder = Path(__file__).resolve().parent / "sites" / "suara"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.0")
        for number in pages:
            url = SPLIT + (f"?page={number}" if number > 1 else "")
            body = BytesIO((folder / f"multipage_{number}.html").read_bytes())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=body, http_headers=headers)
            writer.write_record(record)
    return path


def test_a_split_article_is_joined_when_the_input_holds_its_pages(tmp_path: Path) -> None:
    whole = split_article_warc(tmp_path / "whole.warc.gz", (1, 2, 3))
    result = run_warta("reextract", str(whole), "-o", str(tmp_path / "whole.jsonl"))
    [record] = lines(tmp_path / "whole.jsonl")
    assert result.returncode == 0 and "split articles without" not in result.stderr, result.stderr
    assert record["url"] == SPLIT and record["pages"] == 3
    part = split_article_warc(tmp_path / "part.warc.gz", (1, 3))  # page 2 is not in the input
    result = run_warta("reextract", str(part), "-o", str(tmp_path / "part.jsonl"))
    [first] = lines(tmp_path / "part.jsonl")
    assert result.returncode == 0 and "1 split articles without every page" in result.stderr
    assert first["pages"] == 1 and first["text"] in record["text"]


def in_terminal(*args: str) -> str:
    """What ``warta ARGS`` shows on a terminal (a pseudo-terminal 100 columns wide)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdout and stderr are the terminal
        os.chdir(REPO)
        os.environ["PYTHONPATH"] = str(REPO)
        os.execv(sys.executable, [sys.executable, "-m", "crawler.cli", *args])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    shown = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child is gone
            break
        if not chunk:
            break
        shown += chunk
    os.waitpid(pid, 0)
    return shown.decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_and_none_with_q(tmp_path: Path) -> None:
    warc = tmp_path / "many.warc.gz"
    articles_warc(warc, 150)
    shown = in_terminal("reextract", str(warc), "-o", str(tmp_path / "a.jsonl"), "--workers", "1")
    assert "records/s" in shown and "B/s" in shown and "150 written from 1 file" in shown, shown
    quiet = in_terminal("reextract", str(warc), "-o", str(tmp_path / "b.jsonl"), "-q")
    assert "records/s" not in quiet and "150 written from 1 file" in quiet, quiet
    off = run_warta("reextract", str(warc), "-o", str(tmp_path / "c.jsonl"))
    assert off.stderr.splitlines() == ["warta: 150 written from 1 file"]


@pytest.mark.skipif(not (CORPUS / "truth").is_dir(), reason="../shared/corpus is not here")
def test_a_cc_news_file_of_real_pages_gives_every_article_and_no_noise(tmp_path: Path) -> None:
    """The corpus's real article pages among noise (its listings and feeds, an image, a 404, a
    revisit, another language, a damaged member): a record for every article, none for the rest."""
    truths = [json.loads(p.read_text("utf-8")) for p in sorted((CORPUS / "truth").glob("*.json"))]
    warc = tmp_path / "CC-NEWS-20250428000000-00001.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.0")

        def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html") -> int:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            at = handle.tell()
            writer.write_record(record)
            return at

        for truth in truths:
            if truth["kind"] in ("article", "listing", "rss"):
                response(truth["url"], (CORPUS / truth["page"]).read_bytes())
        response("https://www.kompas.com/img/foto.jpg", b"\xff\xd8\xff\xe0", ctype="image/jpeg")
        response("https://news.detik.com/berita/d-1/tidak-ada", b"<html>404</html>", status="404 Not Found")
        damaged = response("https://www.bbc.co.uk/news/world-1", TEMPLATE.encode())
        english = (
            '<html lang="en"><head><title>A story</title><meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2025-04-28T08:00:00+00:00"></head><body>'
            "<article><h1>A story</h1>"
            + "".join(f"<p>On day {i} the council met and agreed on part {i}.</p>" for i in range(12))
        )
        response("https://www.example.com/2025/04/28/a-long-story-about-things", english.encode())
    data = bytearray(warc.read_bytes())
    data[damaged + 40 : damaged + 90] = bytes(50)
    warc.write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = run_warta("reextract", str(warc), "-o", str(out), "--all", "--language", "id")
    assert result.returncode == 1 and f"broken WARC: {warc}: record at byte {damaged}" in result.stderr
    articles = {t["url"] for t in truths if t["kind"] == "article"}
    assert {r["url"] for r in lines(out)} == articles, result.stderr
    assert "1 another language" in result.stderr, result.stderr


def raw_member(url: str, payload: bytes) -> bytes:
    """A response record as bytes, whatever its payload (warcio's writer refuses a bad head)."""
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2025-04-28T01:02:03Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + payload + b"\r\n\r\n")


def test_a_record_whose_http_head_is_none_is_named_and_the_next_read(tmp_path: Path) -> None:
    def ok(slug: str) -> bytes:
        page = TEMPLATE.replace(SAMPLE_SLUG, slug).encode()
        return raw_member(url_of(slug), b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page)

    lying = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n<html>plain</html>"
    warc = tmp_path / "heads.warc.gz"
    members = [ok("berita-satu"), raw_member(url_of("berita-dua"), b"\x00\x01 no head at all")]
    members += [raw_member(url_of("berita-empat"), lying)]
    warc.write_bytes(b"".join([*members, ok("berita-tiga")]))
    result = run_warta("reextract", str(warc), "-o", str(tmp_path / "out.jsonl"))
    at = len(members[0])
    assert result.returncode == 1 and f"record at byte {at}: BrokenRecord: bad HTTP head" in result.stderr
    assert "the body is not what its Content-Encoding (br) says" in result.stderr
    assert [r["url"] for r in lines(tmp_path / "out.jsonl")] == [url_of("berita-satu"), url_of("berita-tiga")]
