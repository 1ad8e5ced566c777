"""Faults that must end with a clear reason, not a crash or a silent drop (issue 9): language
codes the record cannot hold, pages in UTF-16 or undeclared windows-1252, a site asking to
come back in days (Retry-After), malformed URLs, redirects and unknown hosts, bad option values,
and listeners nobody asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extraction.document import decode_page
from crawler.extraction.language import detect_language
from tests.conftest import assert_valid, run_warta

PARAGRAPHS = (
    "Ratusan warga Kota Bandung menanam seribu pohon di tepi sungai pada Minggu pagi. Kafé “Kopi"
    " Kita” mengajak pelanggannya ikut serta — sebuah ide yang disambut hangat oleh warga.",
    "Menurut panitia, pohon yang ditanam terdiri atas mahoni, trembesi, dan ketapang. Mereka"
    " berharap bantaran sungai menjadi lebih teduh dan tidak mudah longsor ketika hujan tiba.",
    "Wali kota menyampaikan terima kasih kepada semua pihak yang terlibat dan berjanji merawat"
    " pohon-pohon tersebut bersama dinas lingkungan hidup setempat.",
)
# Acehnese, which py3langid labels "ace" (ISO 639-3; there is no ISO 639-1 code for it).
ACEHNESE = (
    "Ureueng Aceh jeut keu ureueng nyang meuseuraya, teuma lam buleuen puasa jipeugot kuah"
    " beulangong bak meunasah gampong.",
    "Nanggroe Aceh nakeuh saboh nanggroe nyang na di ujong pulo Sumatra, ibukota jih Banda Aceh.",
    "Bahasa Acèh nakeuh bahasa nyang geupeugah lé ureuëng Acèh di Nanggroë Acèh.",
)


def article(paragraphs: tuple[str, ...] = PARAGRAPHS, head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head>{head}<title>Warga Menanam Pohon</title>"
        '<meta property="article:published_time" content="2025-03-14T08:30:00+07:00"></head>'
        f"<body><article><h1>Warga Menanam Pohon</h1>{body}</article></body></html>"
    )


def one_record(result) -> dict:
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    record = json.loads(lines[0])
    assert_valid(record)
    return record


# -- language codes outside ISO 639-1 --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [" ".join(ACEHNESE), "xxxxx yyyyy zzzzz wwwww qqqqq", "12345 67890 11111 22222 33333"],
    ids=["ace", "zxx-letters", "zxx-digits"],
)
def test_a_three_letter_model_answer_is_no_language(text: str) -> None:
    from py3langid import langid

    assert len(langid.classify(text)[0]) == 3  # the model answers a code the record cannot hold
    assert detect_language(text) is None


def test_a_page_in_acehnese_is_written_with_language_null(tmp_path: Path) -> None:
    page = tmp_path / "aceh.html"
    page.write_text(article(ACEHNESE), "utf-8")
    record = one_record(run_warta("extract", str(page), "--url", "https://contoh.example/aceh/1"))
    assert record["language"] is None
    assert "Nanggroe Aceh" in record["text"]


# -- encodings -------------------------------------------------------------------------------
PAGE = article()
META_UTF16 = article(head='<meta charset="utf-16">')
ENCODED = {
    "utf-16 bom": (PAGE.encode("utf-16"), "text/html"),
    "utf-16-le no bom, undeclared": (PAGE.encode("utf-16-le"), "text/html"),
    "utf-16-be no bom, undeclared": (PAGE.encode("utf-16-be"), "text/html"),
    "utf-16-be no bom, header": (PAGE.encode("utf-16-be"), "text/html; charset=utf-16"),
    "utf-16-le no bom, header says utf-16": (PAGE.encode("utf-16-le"), "text/html; charset=UTF-16"),
    "utf-16-le no bom, meta": (META_UTF16.encode("utf-16-le"), "text/html"),
    "windows-1252 undeclared": (PAGE.encode("cp1252"), "text/html"),
    "windows-1252 declared latin-1": (PAGE.encode("cp1252"), "text/html; charset=iso-8859-1"),
}


@pytest.mark.parametrize("name", list(ENCODED))
def test_a_page_is_read_in_its_encoding(name: str) -> None:
    body, content_type = ENCODED[name]
    page = decode_page(body, content_type)
    assert "Kafé “Kopi Kita” mengajak" in page.text
    assert "\ufffd" not in page.text
    assert page.guessed == (name == "windows-1252 undeclared")


def test_binary_is_still_refused() -> None:
    from crawler.errors import ExtractionError

    with pytest.raises(ExtractionError, match="binary"):
        decode_page(bytes(range(256)) * 20, "text/html")


@pytest.mark.parametrize("name", ["utf-16 bom", "utf-16-le no bom, meta", "windows-1252 undeclared"])
def test_extract_reads_utf16_and_windows_1252_files(tmp_path: Path, name: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(ENCODED[name][0])
    record = one_record(run_warta("extract", str(page), "--url", "https://contoh.example/berita/1"))
    assert "Kafé “Kopi Kita” mengajak" in record["text"]
    assert "\ufffd" not in record["text"]


def test_fetch_reads_utf16_and_windows_1252_pages(mockserver, tmp_path: Path) -> None:
    routes = {}
    for i, (body, content_type) in enumerate(ENCODED.values()):
        (tmp_path / f"{i}.html").write_bytes(body)
        routes[f"127.0.0.1/berita/{i}"] = {
            "file": str(tmp_path / f"{i}.html"),
            "headers": {"Content-Type": content_type},
        }
    server = mockserver(routes)
    urls = [f"{server.url}/berita/{i}" for i in range(len(ENCODED))]
    result = run_warta("fetch", *urls)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in records] == urls
    for record in records:
        assert_valid(record)
        assert "Kafé “Kopi Kita” mengajak" in record["text"]
        assert "\ufffd" not in record["text"]


def test_a_guessed_charset_is_counted_in_the_run_summary(mockserver, tmp_path: Path) -> None:
    from tests.test_scheduled import build_site, crawl_args

    routes = build_site(tmp_path, 3)
    first = tmp_path / "article-0.html"  # one page in windows-1252, with no charset anywhere
    html = first.read_text("utf-8").replace('charset="utf-8"', "").replace("charset=utf-8", "")
    first.write_bytes(html.replace("Nomor 0", "Nomor 0 di kafé").encode("cp1252", "xmlcharrefreplace"))
    key = next(k for k, v in routes.items() if v.get("file") == str(first))
    routes[key]["headers"] = {"Content-Type": "text/html"}
    server = mockserver(routes)
    stats = tmp_path / "s.json"
    result = run_warta(*crawl_args(tmp_path, "--stats", str(stats)), env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(stats.read_text("utf-8"))["sites"]["fakta"]
    assert summary["written"] == 3
    assert summary["charset_guessed"] == 1
    records = [json.loads(line) for path in (tmp_path / "out").rglob("*.jsonl") for line in path.open()]
    assert any("Nomor 0 di kafé" in r["title"] for r in records)
