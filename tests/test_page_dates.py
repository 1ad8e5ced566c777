"""A page's own date, never another day: pages written here (invented text) in the shapes old
and regional templates print dates in, each with variants.

Sidebars and "today" bars print other days before and after the article; related boxes print
their items' times between the headline and the body; meta says UTC while the page shows WIB or
WITA; outlets in Makassar print "10:15" and mean WITA. The record keeps the date in the
article's own header, byline or metadata, with the zone the reader sees, or no date at all.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.errors import WartaError
from crawler.extraction.datefields import agreeing_zone
from crawler.extraction.dates import WIB, WIT, WITA, zone_named
from crawler.extraction.steps import build_record
from crawler.site import Rules, Site, css
from crawler.sites import site_for_url
from tests.conftest import REPO, fixture_names, load_fixture, run_warta

NOW = datetime(2026, 11, 27, tzinfo=UTC)
URL = "https://kabarpesisir.id/ekonomi/2017/01/30/pedagang-sayur-ramaikan-pasar-terapung"
TITLE = "Pedagang Sayur Kembali Ramaikan Pasar Terapung Lok Baintan"
BYLINE = '<div class="info">Oleh: Rahmat Saputra | Senin, 30 Januari 2017 | 16:08 WIB</div>'
BYLINE_DAY = '<div class="info">Oleh: Rahmat Saputra | Senin, 30 Januari 2017</div>'
BODY = """<div class="isi-berita">
<p>Pasar terapung di muara sungai kembali ramai sejak subuh. Puluhan jukung berisi sayur, buah
dan ikan asin berdesakan di tepian, sementara pembeli menawar dari atas perahu kecil mereka.</p>
<p>Seorang pedagang, Siti Aminah, mengatakan hasil panen kebun warga tahun ini lebih baik dari
tahun lalu. Harga terong dan kacang panjang pun turun sehingga pembeli datang lebih banyak.</p>
<p>Pengelola pasar berharap jumlah wisatawan terus bertambah menjelang libur sekolah, karena
perahu wisata kini berangkat setiap setengah jam dari dermaga kota.</p>
</div>"""


def page(
    byline: str = BYLINE,
    *,
    top: str = "",
    above: str = "",
    between: str = "",
    after: str = "",
    side: str = "",
    meta: str = "",
    flat: bool = False,
) -> str:
    """An article page; ``top`` sits before the article's block, ``side`` after it."""
    article = f"{above}<h1>{TITLE}</h1>{byline}{between}{BODY}{after}"
    if not flat:
        article = f'<div class="konten"><div class="artikel">{article}</div>{side}</div>'
    return (
        f'<html><head><title>{TITLE} | Kabar Pesisir</title><meta property="og:type" content="article">'
        f"{meta}</head><body>{top}{article}</body></html>"
    )


def dated_list(label: str, *dates: str, tag: str = "div", cls: str = "box") -> str:
    """A box of other articles' linked headlines, each with its date."""
    items = "".join(
        f'<li><a href="https://kabarpesisir.id/berita/{i}">Harga Beras di Pasar Induk Kembali Naik {i}</a>'
        f" <span>{date}</span></li>"
        for i, date in enumerate(dates)
    )
    return f'<{tag} class="{cls}"><h3>{label}</h3><ul>{items}</ul></{tag}>'


def published(html: str, site: Site | None = None, home_zone: str | None = None) -> str | None:
    zone = zone_named(home_zone) if home_zone else None
    return build_record(html, URL, NOW, site, home_zone=zone)["published_at"]


SIDEBAR_DATES = ("Senin, 20 Februari 2017 | 05:13 WIB", "Minggu, 19/02/2017 21:40", "18 Feb 2017 10:00 WIB")
TODAY = "Senin, 20 Februari 2017"
MEANT = "2017-01-30T16:08:00+07:00"

# --- dates that belong to the page's furniture ------------------------------------------------

FURNITURE = [
    ("sidebar before, in an aside", {"top": dated_list("Terpopuler", *SIDEBAR_DATES, tag="aside")}),
    ("sidebar before, by class", {"top": dated_list("Populer", *SIDEBAR_DATES, cls="sidebar-kiri")}),
    ("sidebar after the article", {"side": dated_list("Berita Terbaru", *SIDEBAR_DATES, cls="kolom")}),
    ("list of links after, no class", {"side": dated_list("Lainnya", *SIDEBAR_DATES, cls="k2")}),
    ("today in the page header", {"top": f"<header><div class='tgl'>{TODAY}</div></header>"}),
    ("today in a top bar", {"top": f"<div class='top-bar'><span>{TODAY} | 05:13 WIB</span></div>"}),
    ("today in a menu", {"top": f"<nav><ul><li>{TODAY}</li><li><a href='/'>Beranda</a></li></ul></nav>"}),
    ("today above a flat page", {"top": f"<div class='x'>{TODAY} 05:13 WIB</div>", "flat": True}),
    ("related box between headline and body", {"between": dated_list("Berita Terkait", *SIDEBAR_DATES)}),
    ("related list, no label or class", {"between": dated_list("", *SIDEBAR_DATES, cls="k3")}),
    (
        "teaser card between headline and body",
        {
            "between": '<div class="k4"><a href="https://kabarpesisir.id/berita/9">Nelayan Muara Kembali'
            " Melaut Setelah Cuaca Membaik</a><small>Minggu, 29 Januari 2017 20:00 WIB</small></div>"
        },
    ),
    ("related box after the body", {"after": dated_list("Baca Juga", *SIDEBAR_DATES, cls="k5")}),
    (
        "photo caption with another day",
        {
            "between": '<figure><img src="/foto/dermaga.jpg"><figcaption>Warga antre di dermaga, Minggu'
            " (29/1/2017).</figcaption></figure>"
        },
    ),
    (
        "caption box with another day",
        {
            "between": '<div class="foto"><img src="/foto/dermaga.jpg"><div class="keterangan">Jukung'
            " pedagang, 29/01/2017 (Foto: Kabar Pesisir)</div></div>"
        },
    ),
    (
        "update stamp after the byline",
        {"between": "<div>Diperbarui: Selasa, 31 Januari 2017 08:00 WIB</div>"},
    ),
]


@pytest.mark.parametrize(("case", "parts"), FURNITURE, ids=[c for c, _ in FURNITURE])
def test_furniture_dates_are_not_the_article_date(case: str, parts: dict) -> None:
    assert published(page(**parts)) == MEANT


@pytest.mark.parametrize(("case", "parts"), FURNITURE, ids=[c for c, _ in FURNITURE])
def test_furniture_dates_beside_a_byline_without_time(case: str, parts: dict) -> None:
    """The byline names only the day: a sidebar's time of day must not win over it."""
    assert published(page(BYLINE_DAY, **parts)) == "2017-01-30"


@pytest.mark.parametrize(("case", "parts"), FURNITURE, ids=[c for c, _ in FURNITURE])
def test_furniture_dates_alone_give_no_date(case: str, parts: dict) -> None:
    """No byline and nothing declared: the page's furniture gives no date at all."""
    assert published(page("", **parts)) is None


@pytest.mark.parametrize(
    "byline",
    [
        "<time>Senin, 30 Januari 2017 16:08 WIB</time>",
        '<p class="tanggal"><time datetime="2017-01-30T16:08:00+07:00">Senin, 30 Jan 2017</time></p>',
        "<div><span>Rahmat Saputra</span> - <span>30/01/2017, 16:08 WIB</span></div>",
        "<div><b>Rahmat Saputra</b><br>Senin, 30 Januari 2017 16:08 WIB</div>",
    ],
)
def test_byline_shapes_below_the_headline(byline: str) -> None:
    html = page(byline, top=dated_list("Terpopuler", *SIDEBAR_DATES, tag="aside"))
    assert published(html) == MEANT


def test_published_and_updated_on_one_line() -> None:
    line = '<div class="info">Senin, 30/01/2017 16:08 WIB | Diperbarui: Selasa, 31/01/2017 08:00 WIB</div>'
    assert published(page(line)) == MEANT
    assert published(page('<div class="info">Diperbarui: Selasa, 31/01/2017 08:00 WIB</div>')) is None


@pytest.mark.parametrize(
    "above",
    ['<div class="tanggal">Senin, 30 Januari 2017 16:08 WIB</div>', "<span>30/01/2017 16:08</span>"],
)
def test_date_printed_just_above_the_headline(above: str) -> None:
    html = page("", above=above, top=f"<header><div>{TODAY}</div></header>")
    assert published(html) == MEANT


def test_headline_set_in_no_heading() -> None:
    """Old templates set the headline in a div ("judul"); the date beside it is still found."""
    html = page().replace(f"<h1>{TITLE}</h1>", f'<div class="judul">{TITLE}</div>')
    html = html.replace("<body>", f"<body><header><h1>Kabar Pesisir</h1><div>{TODAY}</div></header>")
    assert published(html) == MEANT


def test_headline_byline_and_text_in_one_block() -> None:
    """One element holds the headline, the date line and the paragraphs (the generic path reads
    that element as the body): the date line is found, dates in the text are not."""
    html = page("", side=dated_list("Terpopuler", *SIDEBAR_DATES, cls="kolom")).replace(
        '<div class="isi-berita">', '<p class="tgl">Senin, 30/01/2017 16:08 WIB</p>'
    )
    html = html.replace("Pasar terapung di muara", "Sejak Minggu (29/1/2017) pasar terapung di muara")
    html = html.replace("</p>\n</div>", "</p>", 1)
    assert published(html) == MEANT


# --- candidates that disagree -------------------------------------------------------------------

DISAGREEING = [
    ("another day above the headline", {"above": "<div>Minggu, 29 Januari 2017</div>"}),
    ("another day below the byline", {"between": "<div><span>Selasa, 31/01/2017 09:00</span></div>"}),
    ("two times in the header", {"between": '<p><time datetime="2017-01-31T09:00:00+07:00"></time></p>'}),
]


@pytest.mark.parametrize(("case", "parts"), DISAGREEING, ids=[c for c, _ in DISAGREEING])
def test_disagreeing_dates_give_none(case: str, parts: dict) -> None:
    assert published(page(**parts)) is None


@pytest.mark.parametrize(("case", "parts"), DISAGREEING, ids=[c for c, _ in DISAGREEING])
def test_disagreeing_dates_with_a_declared_one(case: str, parts: dict) -> None:
    """The declared date decides between them; the visible one that agrees gives the zone."""
    meta = '<meta property="article:published_time" content="2017-01-30T09:08:00Z">'
    assert published(page(meta=meta, **parts)) == MEANT


def test_one_day_in_two_shapes_agrees() -> None:
    """A time and the same day as a bare date, or the same instant in UTC, are one date."""
    between = '<p><time datetime="2017-01-30T09:08:00Z">30/01/2017</time></p>'
    assert published(page(between=between)) == MEANT


# --- the zone the reader sees -----------------------------------------------------------------

ZONES = [
    # (declared, shown, published_at)
    ("2025-03-14T03:30:00+00:00", "Jumat, 14 Maret 2025 10:30 WIB", "2025-03-14T10:30:00+07:00"),
    ("2025-03-14T10:30:00Z", "Jumat, 14 Maret 2025 10:30 WIB", "2025-03-14T10:30:00+07:00"),
    ("2025-03-14T10:30:00+00:00", "14/03/2025 10:30", "2025-03-14T10:30:00+07:00"),
    ("2025-03-14T02:30:00+00:00", "Jumat, 14/03/2025 10:30", "2025-03-14T10:30:00+08:00"),
    ("2025-03-14T01:30:00Z", "Jumat, 14 Maret 2025 - 10:30", "2025-03-14T10:30:00+09:00"),
    ("2025-03-14T02:30:00+00:00", "Jumat, 14 Maret 2025 10:30 WITA", "2025-03-14T10:30:00+08:00"),
    ("2017-01-29T20:00:46Z", "30 Jan 2017, 03:00 WIB", "2017-01-30T03:00:00+07:00"),
    ("2025-03-14T10:30:00+07:00", "Jumat, 14 Maret 2025 10:30", "2025-03-14T10:30:00+07:00"),
    ("2025-03-14", "Jumat, 14 Maret 2025 | 10:30", "2025-03-14T10:30:00+07:00"),
    ("2025-03-14", "Jumat, 14 Maret 2025 | 10:30 WITA", "2025-03-14T10:30:00+08:00"),
    ("2025-03-14", "Sabtu, 15 Maret 2025 | 10:30", "2025-03-14"),
    ("2025-03-14T03:30:00+07:00", "Jumat, 14 Maret 2025 10:30 WIB", "2025-03-14T03:30:00+07:00"),
]


@pytest.mark.parametrize(("declared", "shown", "expected"), ZONES)
@pytest.mark.parametrize("where", ["meta", "json-ld"])
def test_declared_utc_and_the_time_shown(declared: str, shown: str, expected: str, where: str) -> None:
    if where == "meta":
        meta = f'<meta property="article:published_time" content="{declared}">'
    else:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE}
        meta = (
            f'<script type="application/ld+json">{json.dumps({**data, "datePublished": declared})}</script>'
        )
    html = page(f'<div class="info">Oleh: Rahmat Saputra | {shown}</div>', meta=meta)
    assert published(html) == expected


@pytest.mark.parametrize(
    ("shown", "declared", "expected"),
    [
        ("2025-03-14T10:30:00+07:00", "2025-03-14T03:30:00+00:00", WIB),  # the same instant
        ("2025-03-14T10:30:00+07:00", "2025-03-14T02:30:00+00:00", WITA),  # shown in WITA
        ("2025-03-14T10:30:00+07:00", "2025-03-14T10:30:00+00:00", WIB),  # a false UTC
        ("2025-03-14T10:30:00+07:00", "2025-03-14", WIB),  # a declared day
        ("2025-03-15T10:30:00+07:00", "2025-03-14", None),  # another day
        ("2025-03-14T10:30:00+07:00", "2025-03-14T08:00:00+07:00", None),  # another time
        ("2025-03-14", "2025-03-14T08:00:00+07:00", None),  # a bare day says no time
    ],
)
def test_agreeing_zone(shown: str, declared: str, expected: object) -> None:
    assert agreeing_zone("14/03/2025 10:30", shown, declared, NOW, WIB) == expected


def test_a_zone_the_text_names_is_never_shifted() -> None:
    """ "10:30 WIB" against 02:30 UTC is not a WITA page: the page says WIB; "10:30" is."""
    meta = '<meta property="article:published_time" content="2025-03-14T02:30:00Z">'
    html = page('<div class="info">Jumat, 14 Maret 2025 10:30 WIB</div>', meta=meta)
    assert published(html) == "2025-03-14T10:30:00+07:00"
    assert published(html.replace("10:30 WIB", "10:30")) == "2025-03-14T10:30:00+08:00"
    assert (
        agreeing_zone("14/03/2025 10:30", "2025-03-14T10:30:00+07:00", "2025-03-14T01:30:00Z", NOW, WIB)
        == WIT
    )


# --- a site's home zone -------------------------------------------------------------------------

MAKASSAR = Site(
    name="kabarpesisir",
    allowed_domains=("kabarpesisir.id",),
    timezone="WITA",
    rules=Rules(title=css("h1"), published=css("div.info"), body=css("div.isi-berita")),
)


@pytest.mark.parametrize(
    ("byline", "meta", "expected"),
    [
        ("Senin, 28 April 2025 10:15", "", "2025-04-28T10:15:00+08:00"),
        (
            "28/04/2025 10:15",
            '<meta property="article:published_time" content="2025-04-28T02:15:00Z">',
            "2025-04-28T10:15:00+08:00",
        ),
        ("Senin, 28 April 2025 10:15 WIB", "", "2025-04-28T10:15:00+07:00"),  # the page names WIB
        ("Senin, 28 April 2025", "", "2025-04-28"),
    ],
)
def test_a_site_in_wita(byline: str, meta: str, expected: str) -> None:
    html = page(f'<div class="info">{byline}</div>', meta=meta)
    assert published(html, MAKASSAR) == expected


def test_a_site_in_wita_whose_date_selector_moved() -> None:
    html = page('<p class="meta-baru">Senin, 28 April 2025 10:15</p>')
    assert published(html, MAKASSAR) == "2025-04-28T10:15:00+08:00"


@pytest.mark.parametrize(("zone", "expected"), [(None, "+07:00"), ("WITA", "+08:00"), ("+09:00", "+09:00")])
def test_home_zone_of_a_domain_with_no_site_file(zone: str | None, expected: str) -> None:
    html = page('<div class="info">Senin, 28 April 2025 10:15</div>')
    assert published(html, None, zone) == "2025-04-28T10:15:00" + expected


def test_home_zone_does_not_override_a_site_file() -> None:
    html = page('<div class="info">Senin, 28 April 2025 10:15</div>')
    assert published(html, MAKASSAR, "WIT") == "2025-04-28T10:15:00+08:00"


@pytest.mark.parametrize("name", ["PST", "+25:00", "8", ""])
def test_a_zone_no_one_can_read_fails_where_it_is_written(name: str) -> None:
    with pytest.raises(ValueError, match="not a time zone"):
        Site(name="x", timezone=name)


@pytest.mark.parametrize(
    ("name", "offset"),
    [("WIB", 7), ("wita", 8), ("WIT", 9), ("+08:00", 8), ("+0800", 8), ("UTC+9", 9), ("GMT+07:00", 7)],
)
def test_zone_names(name: str, offset: int) -> None:
    assert zone_named(name).utcoffset(None).total_seconds() == offset * 3600  # type: ignore[union-attr]


# --- a site's date selector that finds nothing --------------------------------------------------

OLD_TEMPLATE_SITE = Site(
    name="kabarpesisir",
    allowed_domains=("kabarpesisir.id",),
    rules=Rules(title=css("h1"), published=css("time[datetime]"), body=css("div.isi-berita")),
)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({"byline": "<time>Senin, 30 Januari 2017 16:08 WIB</time>"}, MEANT),  # no datetime attribute
        ({"byline": BYLINE, "top": f"<header><div>{TODAY}</div></header>"}, MEANT),
        ({"byline": "", "top": f"<header><div>{TODAY}</div></header>"}, None),
        ({"byline": "", "meta": '<meta name="pubdate" content="2017-01-30T16:08:00+07:00">'}, MEANT),
    ],
)
def test_date_selector_finding_nothing_falls_back_to_the_page(parts: dict, expected: str | None) -> None:
    record = build_record(page(**parts), URL, NOW, OLD_TEMPLATE_SITE)
    assert record["extractor"] == "site:kabarpesisir"
    assert record["published_at"] == expected


@pytest.mark.parametrize(
    ("declared", "shown", "expected"),
    [
        # Real UTC late in the evening: the page shows the next day, the reader's day.
        ("2017-01-29T20:00:00+00:00", "30 Januari 2017", "2017-01-30T03:00:00+07:00"),
        # The same day either way: the instant, in the zone the reader is shown.
        ("2017-01-30T08:15:00+00:00", "30 Januari 2017", "2017-01-30T15:15:00+07:00"),
        ("2017-01-30T08:15:00Z", "", "2017-01-30T15:15:00+07:00"),
        # A local time stamped as UTC: the page shows the UTC day, which is not the WIB day of
        # that instant; only the day is sure.
        ("2017-01-30T20:00:00+00:00", "30 Januari 2017", "2017-01-30"),
    ],
)
def test_a_declared_utc_time_is_given_in_the_readers_zone(declared: str, shown: str, expected: str) -> None:
    """WordPress pages declare +00:00 (in meta and in <time datetime>) and show a day: the
    record keeps the reader's zone, and never names a day the page does not show."""
    time = f'<time datetime="{declared}">{shown}</time>' if shown else ""
    meta = f'<meta property="article:published_time" content="{declared}">'
    assert published(page(f'<div class="info">Oleh: Rahmat Saputra {time}</div>', meta=meta)) == expected


# --- the command line ---------------------------------------------------------------------------


def test_extract_with_a_timezone(tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(page('<div class="info">Senin, 28 April 2025 10:15</div>'), "utf-8")
    result = run_warta("extract", str(saved), "--url", URL, "--timezone", "WITA")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["published_at"] == "2025-04-28T10:15:00+08:00"
    bad = run_warta("extract", str(saved), "--url", URL, "--timezone", "Mars")
    assert bad.returncode == 2
    assert "not a time zone" in bad.stderr


def test_fetch_with_a_timezone(mockserver) -> None:
    server = mockserver(
        {
            "127.0.0.1/ekonomi/2025/04/28/pasar": {
                "body": page('<div class="info">Senin, 28 April 2025 10:15</div>')
            }
        }
    )
    result = run_warta("fetch", f"{server.url}/ekonomi/2025/04/28/pasar", "--timezone", "+09:00")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["published_at"] == "2025-04-28T10:15:00+09:00"


def test_reextract_with_a_timezone(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "wita.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        body = page('<div class="info">Senin, 28 April 2025 10:15</div>').encode()
        head = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(URL, "response", payload=BytesIO(body), http_headers=head)
        writer.write_record(record)
    out = tmp_path / "out.jsonl"
    args = ["-o", str(out), "--all", "--timezone", "WITA", "--workers", "2"]
    result = run_warta("reextract", str(warc), *args)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["published_at"] == "2025-04-28T10:15:00+08:00"


# --- never another day --------------------------------------------------------------------------

CORPORA = [REPO.parent / "shared" / "corpus", REPO.parent / "shared" / "corpus-more"]


def _truths() -> list:
    cases = []
    for corpus in CORPORA:
        for path in sorted((corpus / "truth").glob("*.json")) if corpus.is_dir() else []:
            truth = json.loads(path.read_text("utf-8"))
            if truth.get("published_at") and truth.get("kind") in (
                "article",
                "gallery",
                "video",
                "duplicate",
            ):
                cases.append(pytest.param(corpus, truth, id=f"{corpus.name}/{truth['page']}"))
    return cases


@pytest.mark.parametrize(("corpus", "truth"), _truths())
@pytest.mark.parametrize("path", ["site", "generic"])
def test_no_real_page_gets_another_day(corpus: Path, truth: dict, path: str) -> None:
    site = site_for_url(truth["url"]) if path == "site" else None
    try:
        got = build_record((corpus / truth["page"]).read_bytes(), truth["url"], NOW, site)["published_at"]
    except WartaError:
        return  # no record, so no date
    assert got is None or got[:10] == truth["published_at"][:10]


@pytest.mark.parametrize("name", fixture_names("article"))
@pytest.mark.parametrize("path", ["site", "generic"])
def test_no_fixture_gets_another_day(name: str, path: str) -> None:
    fixture = load_fixture(name)
    want = fixture["expected"].get("published_at")
    site = site_for_url(fixture["url"]) if path == "site" else None
    try:
        got = build_record(fixture["html"], fixture["url"], fixture["now"], site)["published_at"]
    except WartaError:
        return
    assert got is None or (want is not None and got[:10] == want[:10])
