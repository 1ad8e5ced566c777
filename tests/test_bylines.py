"""Invented pages for bylines no rule was written for: names in capitals kept as printed, the
reporter's name alone at the end of the body, two author links with nothing between them, a
photo credit in a box classed "author", a labelled "Kontributor Town, Name" credit, and a byline
that shows one of the writers the page declares. Each page is read at an unknown domain (the
generic path) and at a URL of a site with a file (liputan6.com, whose body markup the pages
use); both give the same authors, and the text keeps none of the names."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from crawler.extraction.names import sign_off
from crawler.extraction.steps import build_record
from crawler.sites import site_for_url
from tests.quality_gate import FETCHED_AT

PARAGRAPHS = [
    "Harga gabah kering panen di tingkat petani naik dalam dua pekan terakhir setelah panen raya"
    " berakhir di sebagian besar kecamatan.",
    "Ketua kelompok tani setempat, Bambang Widodo, mengatakan tengkulak kini membeli gabah dengan"
    " harga lebih tinggi dari awal bulan.",
    "Kenaikan harga itu membuat petani memilih menjual gabah secara bertahap sambil menunggu harga"
    " yang lebih baik pada akhir musim.",
]


@dataclass
class Page:
    name: str
    authors: list[str]
    before: list[str]  # paragraphs printed before the article's own
    after: list[str]  # and after them
    header: str = ""  # byline markup above the body
    ld_authors: tuple[str, ...] = ()
    credit: str | None = None

    def html(self) -> str:
        paras = "".join(f"<p>{p}</p>" for p in [*self.before, *PARAGRAPHS, *self.after])
        people = ", ".join(f'{{"@type": "Person", "name": "{a}"}}' for a in self.ld_authors)
        ld = (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harga Gabah Naik",'
            f' "author": [{people}]}}</script>'
            if self.ld_authors
            else ""
        )
        return (
            "<html><head><title>Harga Gabah Naik di Tingkat Petani</title>"
            '<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="2025-03-04T10:00:00+07:00">{ld}</head>'
            f"<body><article><h1>Harga Gabah Naik di Tingkat Petani</h1>{self.header}"
            f'<div class="article-content-body">{paras}</div></article></body></html>'
        )


PAGES = [
    Page("oleh-in-capitals", ["RINA WULANDARI"], ["OLEH RINA WULANDARI"], []),
    Page("oleh-two", ["BAYU SAPUTRA", "RINA WULANDARI"], ["Oleh BAYU SAPUTRA dan RINA WULANDARI"], []),
    Page("sign-off-capitals", ["BAYU SAPUTRA"], [], ["BAYU SAPUTRA"]),
    Page("sign-off-one-word", ["MASRUDIN"], [], ["MASRUDIN"]),
    Page("sign-off-title-case", ["Rina Wulandari"], [], ["Rina Wulandari"]),
    Page("sign-off-after-desk-tag", ["BAYU SAPUTRA"], [], ["(bys/rin)", "BAYU SAPUTRA"], credit="bys/rin"),
    Page(
        "two-links-no-separator", ["Nama Satu Putra", "Dewi Lestari"], [], [],
        header='<div class="byline">Oleh <a href="/profil/1">Nama Satu Putra</a>'
        '<a href="/profil/2">Dewi Lestari</a></div>',
    ),
    Page(
        "photo-credit-classed-author-and-contributor-table", ["Andi Rahman"], [], [],
        header='<div class="photo"><img src="/a.jpg"><span class="author">KABAR.COM/ANDI RAHMAN</span>'
        "Petani menjemur gabah.</div>"
        '<table><tr><td>Penulis</td><td>: Kontributor Palu, Andi Rahman</td></tr>'
        "<tr><td>Editor</td><td>: Sri Hartati</td></tr></table>",
    ),
    Page(
        "byline-shows-first-of-declared", ["Nama Satu Putra", "Dewi Lestari"], [], [],
        header='<a class="article-header__author-link" href="/profil/1">Nama Satu Putra</a>',
        ld_authors=("Nama Satu Putra", "Dewi Lestari"),
    ),
    # The JSON-LD "author" is the account that edited the page; the page labels it as editor.
    Page(
        "declared-author-is-editor-colon-label", ["Rina Wulandari"], [], [],
        header='<div class="author-box">Rina Wulandari</div>'
        '<div class="info">Editor : <a class="author" href="/author/9/sri">Sri Hartati</a></div>',
        ld_authors=("Sri Hartati",),
    ),
    Page(
        "declared-author-is-editor-role-card", ["Rina Wulandari"], [], [],
        header='<div class="credit"><div class="author-name">Sri Hartati</div><div>Editor</div>'
        '<div class="author-name">Rina Wulandari</div><div>Penulis</div></div>',
        ld_authors=("Sri Hartati",),
    ),
    Page(
        "declared-author-is-editor-outlet-byline", ["Kabar Sawah"], [], [],
        header='<div class="author">Kabar Sawah</div><p class="ed">Editor : Sri Hartati</p>',
        ld_authors=("Sri Hartati",),
    ),
    Page(
        "writer-is-also-editor", ["Rina Wulandari"], [], [],
        header='<p class="ed">Editor : Rina Wulandari</p>', ld_authors=("Rina Wulandari",),
    ),
]  # fmt: skip


@pytest.mark.parametrize("path", ["generic", "site"])
@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_authors_as_printed(page: Page, path: str) -> None:
    if path == "site":
        url = "https://news.liputan6.com/read/6001234/harga-gabah-naik"
    else:
        url = "https://kabar-sawah.id/2025/03/04/harga-gabah-naik/"
    site = site_for_url(url) if path == "site" else None
    record = build_record(page.html().encode(), url, FETCHED_AT, site)
    assert record["authors"] == page.authors
    assert record["text"].split("\n\n") == PARAGRAPHS
    if page.credit:
        assert record["credit"] == page.credit


@pytest.mark.parametrize(
    "line",
    [
        "Harga Gabah Naik",  # a headline of words the body writes in small letters
        "Petani menjual gabah secara bertahap.",  # a sentence
        "ANTARA",  # an agency's credit
        "Tahun 2025 Panen Raya",  # digits
        "Menurut Bambang Widodo Harga Gabah Naik",  # too many words
        "Panen",  # one word in title case
        "BERSAMBUNG",  # the article goes on in the next part
        "Semoga Bermanfaat",  # a closing wish
        "BERITA TERKAIT",  # a box's label
    ],
)
def test_not_a_sign_off(line: str) -> None:
    assert sign_off(line, PARAGRAPHS) is None


@pytest.mark.parametrize("line", ["DINI TEJA", "Rina Wulandari", "Agus S.", "MASRIADI"])
def test_sign_off(line: str) -> None:
    assert sign_off(line, PARAGRAPHS) == line
