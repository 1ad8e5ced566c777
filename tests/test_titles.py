"""Invented pages for headlines on themes no rule was written for: the site's name set as the
headline (a logo <h1>, an og:title or <title> that is only the brand), titles decorated with the
site's name in every usual shape ("Headline - Site", "Site | Headline", "Headline | Site -
Tagline", "Headline – Site", "Headline : Site", "Site: Headline"), an og:title that is the home
page's title on every page, and a declared title cut short by a broken attribute. Each page is
read at an unknown domain (the generic path) and at a URL of a site with a file (tempo.co,
whose body markup the pages use), and must give the headline as the site shows it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from crawler.extraction.names import is_site_name, strip_title
from crawler.extraction.steps import build_record
from crawler.sites import site_for_url
from tests.quality_gate import FETCHED_AT

BODY = (
    "<p>KOTA BARU - Hujan deras yang turun sejak Senin sore membuat sungai di pinggir kota meluap"
    " dan merendam ratusan rumah warga di tiga kelurahan.</p>"
    "<p>Kepala dinas setempat, Rudi Hartanto, mengatakan petugas sudah dikerahkan untuk membantu"
    " warga memindahkan barang ke tempat yang lebih tinggi sejak malam hari.</p>"
    "<p>Warga berharap pemerintah segera memperbaiki tanggul yang jebol agar banjir serupa tidak"
    " terulang pada musim hujan tahun depan.</p>"
)


@dataclass
class Page:
    """One invented page: its <head> bits, what its header shows, where its headline sits."""

    name: str
    slug: str
    title: str  # the <title>
    want: str
    og_title: str | None = None
    site_name: str | None = None
    header: str = ""  # the logo or site title above the article
    heading: str | None = None  # the headline element inside the article, e.g. "<h1>..</h1>"
    domain: str = "kabarkota.com"
    ld_headline: str | None = None

    def html(self) -> str:
        og = f'<meta property="og:title" content="{self.og_title}">' if self.og_title else ""
        brand = f'<meta property="og:site_name" content="{self.site_name}">' if self.site_name else ""
        ld = (
            '<script type="application/ld+json">'
            f'{{"@type": "NewsArticle", "headline": "{self.ld_headline}"}}</script>'
            if self.ld_headline
            else ""
        )
        return (
            f"<html><head><title>{self.title}</title>{og}{brand}{ld}"
            '<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2025-05-12T09:30:00+07:00">'
            f"</head><body><header>{self.header}</header>"
            f"<article>{self.heading or ''}<div class='artikel entry-content'>{BODY}</div></article>"
            "<aside><h2>Berita Terpopuler Hari Ini</h2></aside></body></html>"
        )


LOGO_H1 = '<h1 class="site-title"><a href="/" rel="home">Kabar Kota</a></h1>'
LOGO_IMG = '<div class="logo"><a href="/"><img src="/logo.png" alt="Kabar Baru Kita"></a></div>'
HEADLINE = "Banjir Rendam Ratusan Rumah di Kota Baru"

PAGES = [
    Page(
        "logo-h1-og-title-is-site-name", "banjir-rendam-ratusan-rumah-di-kota-baru",
        title=f"{HEADLINE} – Kabar Kota", og_title="Kabar Kota", site_name="Kabar Kota",
        header=LOGO_H1, heading=f'<h1 class="entry-title">{HEADLINE}</h1>', want=HEADLINE,
    ),
    Page(
        "site-pipe-headline-entry-h2", "banjir-rendam-ratusan-rumah-di-kota-baru",
        title=f"Kabar Kota | {HEADLINE}", og_title="Kabar Kota", site_name="Kabar Kota",
        header=LOGO_H1, heading=f'<h2 class="entry-title">{HEADLINE}</h2>', want=HEADLINE,
    ),
    Page(
        "headline-site-tagline-no-heading", "banjir-rendam-ratusan-rumah-di-kota-baru",
        title=f"{HEADLINE} | Kabar Kota - Portal Berita Terkini Sulawesi", header=LOGO_H1,
        want=HEADLINE,
    ),
    Page(
        "spaced-colon-site-suffix", "wali-kota-tinjau-tanggul-jebol",
        title="Wali Kota Tinjau Tanggul Jebol : KabarKota.com", site_name="KabarKota.com",
        want="Wali Kota Tinjau Tanggul Jebol",
    ),
    Page(
        "site-colon-headline", "wali-kota-tinjau-tanggul-jebol",
        title="Kabar Kota: Wali Kota Tinjau Tanggul Jebol",
        og_title="Kabar Kota: Wali Kota Tinjau Tanggul Jebol",
        header=LOGO_H1, want="Wali Kota Tinjau Tanggul Jebol",
    ),
    Page(
        "quoted-colon-stays", "menteri-kami-siap-hadapi-banjir",
        title="Menteri: 'Kami Siap Hadapi Banjir' - Kabar Kota", site_name="Kabar Kota",
        og_title="Menteri: 'Kami Siap Hadapi Banjir'", want="Menteri: 'Kami Siap Hadapi Banjir'",
    ),
    Page(
        "og-title-is-home-title", "banjir-rendam-ratusan-rumah-di-kota-baru",
        title=f"{HEADLINE} - Kabar Kota", og_title="Kabar Kota - Portal Berita Terkini Sulawesi",
        header=LOGO_H1, want=HEADLINE,
    ),
    Page(
        "broken-quote-attribute-full-h2", "saksi-sebut-janji-tanggul-baru",
        # og:title's quotes close its attribute: it reads "Saksi Sebut Janji Pembangunan "
        title='Saksi Sebut Janji Pembangunan "Tanggul Baru Tahun Ini" | Kabar Kota',
        og_title='Saksi Sebut Janji Pembangunan "Tanggul Baru Tahun Ini" | Kabar Kota',
        heading="<div class='judul'><h2>Saksi Sebut Janji Pembangunan \"Tanggul Baru Tahun Ini\"</h2></div>",
        want='Saksi Sebut Janji Pembangunan "Tanggul Baru Tahun Ini"',
    ),
    Page(
        "brand-only-in-logo", "banjir-rendam-ratusan-rumah-di-kota-baru", domain="kbk-news.id",
        title=f"{HEADLINE} - Kabar Baru Kita", og_title="Kabar Baru Kita", header=LOGO_IMG,
        heading=f"<h1>{HEADLINE}</h1>", want=HEADLINE,
    ),
    Page(
        "everything-is-the-brand", "banjir-rendam-ratusan-rumah-di-kota-baru",
        title="Kabar Kota", og_title="Kabar Kota", site_name="Kabar Kota", header=LOGO_H1,
        heading=f'<h2 class="entry-title">{HEADLINE}</h2>', want=HEADLINE,
    ),
    Page(
        "ld-headline-without-punctuation", "raja-ampat-apa-iya-dicabut",
        title="Raja Ampat: Apa Iya Izinnya Dicabut? - Kabar Kota",
        ld_headline="Raja Ampat Apa Iya Izinnya Dicabut", header=LOGO_H1,
        heading="<h1>Raja Ampat: Apa Iya Izinnya Dicabut?</h1>", want="Raja Ampat: Apa Iya Izinnya Dicabut?",
    ),
]  # fmt: skip


def _url(page: Page, path: str) -> str:
    if path == "site":
        return f"https://gaya.tempo.co/read/news/2025/05/12/060716001/{page.slug}"
    return f"https://{page.domain}/2025/05/12/{page.slug}/"


@pytest.mark.parametrize("path", ["generic", "site"])
@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_headline_as_shown(page: Page, path: str) -> None:
    url = _url(page, path)
    site = site_for_url(url) if path == "site" else None
    if path == "site":
        assert site is not None
    record = build_record(page.html().encode(), url, FETCHED_AT, site)
    assert record["title"] == page.want


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("Harga Cabai Naik - detikNews - detik.com", "Harga Cabai Naik"),
        ("Harga Cabai Naik | Kabar Kota - Berita Terkini", "Harga Cabai Naik"),
        ("Harga Cabai Naik – Kabar Kota", "Harga Cabai Naik"),
        ("Kabar Kota: Harga Cabai Naik", "Harga Cabai Naik"),
        ("Kabar Kota | Harga Cabai Naik", "Harga Cabai Naik"),
        ("Menteri: 'Harga Cabai Naik' - Kabar Kota", "Menteri: 'Harga Cabai Naik'"),
        ("Pedagang: Harga Cabai Naik", "Pedagang: Harga Cabai Naik"),
        ("Harga Cabai Naik - Pasar Kota Sepi Pembeli", "Harga Cabai Naik - Pasar Kota Sepi Pembeli"),
    ],
)
def test_strip_title(title: str, want: str) -> None:
    assert strip_title(title, ["Kabar Kota", "kabarkota.com", "kabarkota", "detik.com", "detik"]) == want


@pytest.mark.parametrize(
    ("text", "site"),
    [("Kabar Kota", True), ("KABARKOTA.COM", True), ("Kabar Kota Online", True), ("Kota Hari Ini", False)],
)
def test_is_site_name(text: str, site: bool) -> None:
    assert is_site_name(text, ["kabarkota.com", "kabarkota"]) is site
