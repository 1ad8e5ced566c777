"""WARC files other tools write are read as warta's own: wget's, made for real against a loopback
site, and files in the shapes Heritrix and browsertrix-crawler write (their quirks: URIs in angle
brackets, ``dns:`` records, bodies kept chunked or gzipped as sent, or decoded with the header
renamed, metadata and page-info records, revisits). Each article gives the record ``warta
extract`` gives for the same bytes, URL and fetch time."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import run_warta
from tests.faults.site import article_page, site_routes, url_of


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def assert_as_extract_gives(records: list[dict], pages: dict[str, Path]) -> None:
    """Every record is the one ``warta extract`` makes of its page at its fetch time."""
    assert sorted(r["url"] for r in records) == sorted(pages)
    for record in records:
        page = pages[record["url"]]
        alone = run_warta("extract", str(page), "--url", record["url"], "--now", record["fetched_at"])
        assert alone.returncode == 0, alone.stderr
        assert json.loads(alone.stdout) == record, record["url"]


@pytest.mark.skipif(shutil.which("wget") is None, reason="wget is not installed (.ci/run installs it)")
def test_a_warc_wget_wrote(mockserver, tmp_path: Path) -> None:
    packed = tmp_path / "padat.html.gz"  # sent gzipped, whatever was asked: wget keeps it so
    packed.write_bytes(gzip.compress(Path(article_page(tmp_path, "berita-padat")["file"]).read_bytes()))
    route = {"file": str(packed), "headers": {"Content-Encoding": "gzip", "Content-Type": "text/html"}}
    server = mockserver(
        site_routes(tmp_path, ["berita-satu", "berita-dua", "berita-padat"], {"berita-padat": route})
    )
    urls = [url_of(slug) for slug in ("berita-satu", "berita-dua", "berita-padat", "hilang")]
    wget = ["wget", "--warc-file", str(tmp_path / "wget"), "--no-check-certificate", "--tries=1", "-q"]
    wget += ["-P", str(tmp_path / "files"), "https://fakta.com/robots.txt", *urls]
    done = subprocess.run(wget, env={**os.environ, **server.proxy_env}, capture_output=True, timeout=60)
    assert done.returncode == 8, done.stderr  # 8: the server answered an error (the 404)
    out = tmp_path / "out.jsonl"
    result = run_warta("reextract", str(tmp_path / "wget.warc.gz"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "3 written" in result.stderr and "1 HTTP 404" in result.stderr, result.stderr
    pages = {
        url_of(slug): tmp_path / f"{slug}.html" for slug in ("berita-satu", "berita-dua", "berita-padat")
    }
    assert_as_extract_gives(lines(out), pages)


def _write(writer: WARCWriter, kind: str, uri: str, payload: bytes, **options: object) -> None:
    record = writer.create_warc_record(uri, kind, payload=BytesIO(payload), **options)  # type: ignore[arg-type]
    writer.write_record(record)


def _chunked(body: bytes, size: int = 1000) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def test_a_warc_in_heritrixs_shape(tmp_path: Path) -> None:
    """WARC/1.0; warcinfo, dns:, request, response (a body chunked as sent), metadata records."""
    pages = {
        url_of(slug): Path(article_page(tmp_path, slug)["file"]) for slug in ("berita-satu", "berita-dua")
    }
    warc = tmp_path / "heritrix.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.0")
        writer.write_record(writer.create_warcinfo_record("heritrix.warc.gz", {"software": "Heritrix/3.4"}))
        _write(writer, "response", "dns:fakta.com", b"20250428010203\nfakta.com.\t300\tIN\tA\t10.0.0.1\n",
               warc_content_type="text/dns")  # fmt: skip
        for url, page in pages.items():
            ask = StatusAndHeaders(f"GET {url.split('fakta.com')[1]} HTTP/1.0", [("Host", "fakta.com")],
                                   is_http_request=True)  # fmt: skip
            _write(writer, "request", url, b"", http_headers=ask)
            head = [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]
            sent = StatusAndHeaders("200 OK", head, protocol="HTTP/1.1")
            _write(writer, "response", url, _chunked(page.read_bytes()), http_headers=sent)
            fields = b"via: https://fakta.com/\noutlink: https://fakta.com/ L a/@href\n"
            _write(writer, "metadata", url, fields, warc_content_type="application/warc-fields")
    out = tmp_path / "out.jsonl"
    result = run_warta("reextract", str(warc), "-o", str(out))
    assert result.returncode == 0 and "1 not HTTP" in result.stderr, result.stderr
    assert_as_extract_gives(lines(out), pages)


def test_a_warc_in_browsertrixs_shape(tmp_path: Path) -> None:
    """WARC/1.1; page-info resource records, bodies kept decoded with the encoding header
    renamed, a revisit of a page seen before."""
    pages = {
        url_of(slug): Path(article_page(tmp_path, slug)["file"]) for slug in ("berita-satu", "berita-dua")
    }
    warc = tmp_path / "browsertrix.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        for url, page in pages.items():
            info = json.dumps({"url": url, "title": "x"}).encode()
            _write(writer, "resource", f"urn:pageinfo:{url}", info, warc_content_type="application/json")
            head = [("Content-Type", "text/html; charset=utf-8"), ("x-orig-content-encoding", "br")]
            sent = StatusAndHeaders("200 OK", head, protocol="HTTP/1.1")
            _write(writer, "response", url, page.read_bytes(), http_headers=sent)
        again = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        _write(writer, "revisit", url_of("berita-satu"), b"", http_headers=again)
    out = tmp_path / "out.jsonl"
    result = run_warta("reextract", str(warc), "-o", str(out))
    assert result.returncode == 0 and "1 revisit" in result.stderr, result.stderr
    assert_as_extract_gives(lines(out), pages)
