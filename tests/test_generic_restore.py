"""What the generic path puts back after trafilatura's precise reading drops it: a subheading
above a paragraph that opens with a link, and web addresses printed on their own lines between
paragraphs it kept. trafilatura's choices vary with the page, so the repair steps are given its
output as it was seen on real pages (the heading, the address lines missing)."""

from __future__ import annotations

from lxml import html

from crawler.extraction.generic import _fill_gaps, _restore_headings

P1 = "Indeks saham ditutup melemah pada perdagangan sore setelah sempat menguat pada sesi pertama hari ini."
P2 = "Pelemahan IHSG hari ini terutama dipicu oleh koreksi pada sektor bahan baku yang turun tajam."
P3 = "Sektor transportasi justru menguat dan menahan pelemahan indeks lebih dalam pada akhir perdagangan."


def test_heading_above_a_paragraph_opening_with_a_link_is_put_back() -> None:
    body = html.fromstring(
        f"<div><p>{P1}</p><h2>Tekanan Sektor Bahan Baku</h2>"
        '<p>Pelemahan <a href="/tag/ihsg">IHSG hari ini</a> terutama dipicu oleh koreksi pada sektor'
        ' bahan baku yang turun tajam.</p><div class="tags"><a href="/tag/ihsg">IHSG</a></div></div>'
    )
    assert _restore_headings(body, [P1, P2]) == [P1, "Tekanan Sektor Bahan Baku", P2]


def test_linked_heading_is_not_put_back() -> None:
    body = html.fromstring(
        f'<div><p>{P1}</p><h2><a href="/x/1">Berita Lain Hari Ini</a></h2><p>{P2}</p><p>{P3}</p></div>'
    )
    assert _restore_headings(body, [P1, P2, P3]) == [P1, P2, P3]


def test_address_lines_between_kept_paragraphs_are_put_back() -> None:
    page = html.fromstring(
        f"<html><body><div id='nav'><a href='/'>Beranda</a></div><div class='isi'><p>{P1}</p>"
        "<p>Informasi lebih lanjut:</p>"
        '<p><a href="https://bursa.example.go.id/">https://bursa.example.go.id/</a></p>'
        '<p><a href="https://www.instagram.com/bursa">www.instagram.com/bursa</a></p>'
        '<p><a href="mailto:humas@bursa.example.go.id">humas@bursa.example.go.id</a></p>'
        f"<p>{P3}</p></div><div id='footer'>Hak cipta dilindungi</div></body></html>"
    )
    kept = [P1, "Informasi lebih lanjut:", P3, "Editor: Nama", "COPYRIGHT © 2026"]
    assert _fill_gaps(page, kept) == [
        P1,
        "Informasi lebih lanjut:",
        "https://bursa.example.go.id/",
        "www.instagram.com/bursa",
        "humas@bursa.example.go.id",
        P3,
        "Editor: Nama",
        "COPYRIGHT © 2026",
    ]


def test_linked_headlines_between_kept_paragraphs_stay_out() -> None:
    page = html.fromstring(
        f"<html><body><div class='isi'><p>{P1}</p><p>{P2}</p>"
        '<p><a href="/x/2">Harga Emas Naik Lagi</a></p>'
        f"<p>{P3}</p></div></body></html>"
    )
    assert _fill_gaps(page, [P1, P2, P3]) == [P1, P2, P3]
