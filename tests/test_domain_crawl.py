"""`warta crawl DOMAIN`: a news site with no site file, crawled for real through the loopback
server (tests/domain/pages.py). Discovery from robots.txt sitemaps, the home page's feeds and
menu, and common feed paths; article pages of several shapes written; tag, author, category,
about and "most read" pages never written; a second run writes nothing new."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.crawling.domain import crawl_target, domain_site, feed_links, is_list_of_articles, section_links
from crawler.extraction.document import parse
from tests.conftest import assert_valid, run_warta
from tests.domain.pages import (
    BASE,
    DOMAIN,
    HOST,
    Article,
    about_html,
    article_html,
    index,
    listing_html,
    most_read_html,
    route,
    rss,
    urlset,
)

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0", "-q"]
XML, TEXT = "application/xml", "text/plain"

A = {
    "panen": Article(
        "/2025/04/28/warga-desa-gelar-panen-raya-padi/", "Warga Desa Gelar Panen Raya Padi", "jsonld"
    ),
    "jembatan": Article(
        "/nasional/read/123456/pemkot-resmikan-jembatan",
        "Pemkot Resmikan Jembatan Baru",
        "meta",
        date="2025-03-10T09:00:00+07:00",
    ),
    "cabai": Article(
        "/ekonomi/harga-cabai-merah-turun-jelang-akhir-bulan.html", "Harga Cabai Merah Turun", "byline"
    ),
    "voli": Article(
        "/olahraga/tim-voli-putri-juara-turnamen-provinsi", "Tim Voli Putri Juara", "blogposting"
    ),
    "pasar": Article("/2025/04/28/pedagang-pasar-pindah-ke-gedung-baru/", "Pedagang Pasar Pindah", "byline"),
    "sekolah": Article("/nasional/read/223344/sekolah-baru-dibuka", "Sekolah Baru Dibuka", "meta"),
    "bus": Article("/nasional/read/334455/rute-bus-kota-bertambah", "Rute Bus Kota Bertambah", "jsonld"),
    "pajak": Article("/ekonomi/pendapatan-pajak-daerah-naik-tajam-tahun-ini", "Pajak Daerah Naik", "byline"),
    "lari": Article("/olahraga/lomba-lari-pagi-diikuti-ribuan-warga", "Lomba Lari Pagi", "blogposting"),
}
ABOUT = "/tentang-kami-dan-redaksi-kontak"
MOST_READ = "/berita-terpopuler-hari-ini-pilihan"
NEVER = [
    "/tag/banjir-besar-di-kota-lama",
    "/penulis/dodi-prasetyo-wibowo-putra",
    "/kategori/berita-daerah-terkini-hari",
]


def _teasers(*keys: str) -> list[tuple[str, str]]:
    return [(A[k].path, A[k].title) for k in keys]


def _articles(routes: dict[str, Any], *keys: str) -> None:
    for key in keys:
        routes[HOST + A[key].path] = route(article_html(A[key]))


def full_site() -> dict[str, Any]:
    """Everything a news site offers: robots sitemaps (an index, a news sitemap), an RSS feed
    named by the home page, a menu of sections (one paginated), and pages that are not articles."""
    feed = "<link rel='alternate' type='application/rss+xml' href='/rss/terbaru.xml'>"
    home_links = _teasers("panen", "pasar") + [(ABOUT, "Tentang Kami"), (MOST_READ, "Terpopuler")]
    home_links += [(path, "Lainnya") for path in NEVER]
    home_links += [("https://www.media-lain.com/nasional/read/999999/berita-media-lain", "Media lain")]
    routes = {
        **_moved({}),
        f"{HOST}/robots.txt": route(
            f"User-agent: *\nDisallow: /cari\nSitemap: {BASE}/sitemap_index.xml\n", TEXT
        ),
        f"{HOST}/sitemap_index.xml": route(index(["/news-sitemap.xml", "/post-sitemap.xml"]), XML),
        f"{HOST}/news-sitemap.xml": route(urlset([A["panen"], A["jembatan"]], news=True), XML),
        f"{HOST}/post-sitemap.xml": route(urlset([A["cabai"]]), XML),
        f"{HOST}/rss/terbaru.xml": route(rss([A["voli"]]), XML),
        f"{HOST}/": route(listing_html("Kabar Contoh", home_links, extra_head=feed)),
        f"{HOST}/nasional": route(listing_html("Nasional", _teasers("sekolah"), more="/nasional?page=2")),
        f"{HOST}/nasional?page=2": route(listing_html("Nasional", _teasers("bus"))),
        f"{HOST}/ekonomi/": route(listing_html("Ekonomi", _teasers("cabai", "pajak"))),
        f"{HOST}/olahraga": route(listing_html("Olahraga", _teasers("lari"))),
        HOST + ABOUT: route(about_html()),
        HOST + MOST_READ: route(most_read_html(_teasers("panen", "pasar", "sekolah", "bus"))),
    }
    for path in NEVER:
        routes[HOST + path] = route(listing_html("Arsip", _teasers("panen")))
    _articles(routes, *A)
    return routes


def _moved(routes: dict[str, Any]) -> dict[str, Any]:
    """The bare domain sends its home page to www., as most sites do."""
    return {f"{DOMAIN}/": {"status": 301, "headers": {"Location": f"{BASE}/"}}, **routes}


def _crawl(server: Any, tmp_path: Path, *args: str, state: str = "state.sqlite") -> tuple[int, str]:
    result = run_warta(
        "crawl", *args, "--state", str(tmp_path / state), *FAST, env=server.proxy_env, timeout=300
    )
    return result.returncode, result.stderr


def _records(path: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for file in [path] if path.is_file() else sorted(path.rglob("*.jsonl")):
        for line in file.read_text("utf-8").splitlines():
            record = json.loads(line)
            found[record["url"]] = record
    return found


def _summary(folder: Path) -> dict[str, Any]:
    latest = sorted(folder.glob("*.summary.json"))[-1]
    return json.loads(latest.read_text("utf-8"))["sites"][DOMAIN]


def _fetched(server: Any) -> set[str]:
    return {url.split("://", 1)[1] for _, url in server.requests()}


def test_a_news_site_without_a_site_file_is_crawled_completely(mockserver, tmp_path: Path) -> None:
    server = mockserver(full_site())
    out = tmp_path / "out"
    status, stderr = _crawl(server, tmp_path, DOMAIN, "--out", str(out))
    assert status == 0, stderr[-3000:]
    records = _records(out / DOMAIN)
    assert sorted(records) == sorted(a.url for a in A.values())
    for key, article in A.items():
        record = records[article.url]
        assert_valid(record)
        assert (record["site"], record["extractor"]) == (DOMAIN, "generic"), key
        assert record["title"] == article.title, key
        assert record["published_at"] == article.date, key
        assert article.text()[1] in record["text"], key
    summary = _summary(out)
    assert summary["dropped"] == {}
    assert summary["not_articles"] == {
        "no article: a list of articles": 1,
        "no article: no date and no article metadata": 1,
    }
    assert summary["discovery"]["feeds named by the home page"] == 1
    assert summary["discovery"]["section pages from the menu"] == 3
    assert not [w for w in summary["warnings"] if "generic" in w]  # a domain has only the generic path
    fetched = _fetched(server)
    assert not {HOST + path for path in NEVER} & fetched
    assert not [url for url in fetched if "media-lain" in url]

    again = tmp_path / "again"
    status, stderr = _crawl(server, tmp_path, f"https://{HOST}/", "--out", str(again))
    assert status == 0, stderr[-3000:]
    assert not list(again.rglob("*.jsonl"))
    # every article seen again but the one on the section's page 2: page 1 had nothing new
    assert _summary(again)["written"] == 0 and _summary(again)["skipped_seen"] == len(A) - 1
    assert "not articles" in stderr


def test_since_uses_the_dates_discovery_gives(mockserver, tmp_path: Path) -> None:
    server = mockserver(full_site())
    target = tmp_path / "since.jsonl"
    status, stderr = _crawl(server, tmp_path, DOMAIN, "-O", str(target), "--since", "2025-04-01")
    assert status == 0, stderr[-3000:]
    assert A["jembatan"].url not in _records(target)
    assert len(_records(target)) == len(A) - 1
    assert HOST + A["jembatan"].path not in _fetched(server)  # the news sitemap dated it


def feed_only_site() -> dict[str, Any]:
    """No sitemap in robots.txt, no feed named on a home page without a menu: only /feed."""
    routes = {
        f"{HOST}/robots.txt": route("User-agent: *\nDisallow: /cari\n", TEXT),
        f"{HOST}/": route(
            "<html><head><title>Kabar Contoh</title></head><body><p>Selamat datang.</p></body></html>"
        ),
        f"{HOST}/feed": route(rss([A["panen"], A["cabai"], A["voli"]]), "application/rss+xml"),
    }
    _articles(routes, "panen", "cabai", "voli")
    return routes


def test_a_feed_at_a_common_path_is_found(mockserver, tmp_path: Path) -> None:
    server = mockserver(feed_only_site())
    target = tmp_path / "one.jsonl"
    status, stderr = _crawl(server, tmp_path, f"https://{HOST}/", "-o", str(target))
    assert status == 0, stderr[-3000:]
    assert sorted(_records(target)) == sorted(A[k].url for k in ("panen", "cabai", "voli"))
    summary = json.loads((tmp_path / "one.jsonl.summary.json").read_text("utf-8"))["sites"][DOMAIN]
    assert summary["discovery"]["common paths with a feed"] == 1
    assert summary["discovery"]["common paths absent"] == 8
    assert summary["failed"] == {}  # a guessed path that is not there is no failure


SHORT = Article("/berita/banjir-surut", "Banjir Surut", "byline")  # no shape of an article
SHORT_LINKED = Article("/berita/jalan-rusak", "Jalan Rusak", "byline")


def test_a_feed_item_is_an_article_whatever_its_path(mockserver, tmp_path: Path) -> None:
    """A feed or news sitemap says which pages are articles: a short slug listed there is
    followed (and written, as its page shows it is one); the same shape linked only from a page
    is not."""
    routes = {
        f"{HOST}/robots.txt": route("User-agent: *\n", TEXT),
        f"{HOST}/": route(listing_html("Kabar Contoh", [(SHORT_LINKED.path, SHORT_LINKED.title)])),
        f"{HOST}/feed": route(rss([A["panen"], SHORT]), "application/rss+xml"),
        HOST + SHORT.path: route(article_html(SHORT)),
        HOST + SHORT_LINKED.path: route(article_html(SHORT_LINKED)),
    }
    for section in ("/nasional", "/ekonomi/", "/olahraga"):  # the menu's section pages
        routes[HOST + section] = route(listing_html(section, []))
    _articles(routes, "panen")
    server = mockserver(routes)
    target = tmp_path / "one.jsonl"
    status, stderr = _crawl(server, tmp_path, HOST, "-o", str(target))
    assert status == 0, stderr[-3000:]
    assert sorted(_records(target)) == sorted([A["panen"].url, SHORT.url])
    assert HOST + SHORT_LINKED.path not in _fetched(server)


def home_only_site() -> dict[str, Any]:
    """No robots.txt, no feed, no sitemap: the home page and its menu's section pages."""
    routes = {
        f"{HOST}/": route(listing_html("Kabar Contoh", _teasers("panen"))),
        f"{HOST}/nasional": route(listing_html("Nasional", _teasers("sekolah", "bus"))),
        f"{HOST}/ekonomi/": route(listing_html("Ekonomi", _teasers("cabai", "pajak"))),
        f"{HOST}/olahraga": route(listing_html("Olahraga", _teasers("lari"))),
    }
    _articles(routes, "panen", "sekolah", "bus", "cabai", "pajak", "lari")
    return routes


def test_home_page_and_sections_only(mockserver, tmp_path: Path) -> None:
    server = mockserver(home_only_site())
    out = tmp_path / "out"
    status, stderr = _crawl(server, tmp_path, HOST, "--out", str(out))
    assert status == 0, stderr[-3000:]
    keys = ("panen", "sekolah", "bus", "cabai", "pajak", "lari")
    assert sorted(_records(out)) == sorted(A[k].url for k in keys)


def test_sections_of_a_domain_are_path_prefixes(mockserver, tmp_path: Path) -> None:
    server = mockserver(home_only_site())
    out = tmp_path / "out"
    status, stderr = _crawl(server, tmp_path, HOST, "--sections", "ekonomi", "--out", str(out))
    assert status == 0, stderr[-3000:]
    assert sorted(_records(out)) == sorted(A[k].url for k in ("cabai", "pajak"))
    assert f"{HOST}/nasional" not in _fetched(server)


@pytest.mark.parametrize(
    ("given", "line"),
    [
        ("kabarkota", "unknown site kabarkota"),
        ("ftp://kabarcontoh.co.id/", "not a site key, a domain or a URL"),
        ("kabar contoh.co.id", "not a site key, a domain or a URL"),
        ("kabarcontoh.invalidtld", "not a site key, a domain or a URL"),
    ],
)
def test_what_is_not_a_site_or_domain_is_one_line(given: str, line: str, tmp_path: Path) -> None:
    result = run_warta("crawl", given, "--state", str(tmp_path / "s.sqlite"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and line in result.stderr


def test_bad_section_prefix_is_a_usage_error(tmp_path: Path) -> None:
    result = run_warta("crawl", DOMAIN, "--sections", "eko nomi", "--state", str(tmp_path / "s.sqlite"))
    assert result.returncode == 2 and "path prefixes" in result.stderr


@pytest.mark.parametrize(
    ("given", "name", "host"),
    [
        ("fakta", "fakta", None),
        ("fakta.com", "fakta", None),  # a known site's domain is that site
        ("https://www.fakta.com/news/", "fakta", None),
        ("kabarcontoh.co.id", DOMAIN, DOMAIN),
        ("https://www.kabarcontoh.co.id/", DOMAIN, HOST),
        ("WWW.KabarContoh.co.id", DOMAIN, HOST),
        ("berita.pemda.go.id", "pemda.go.id", "berita.pemda.go.id"),
    ],
)
def test_crawl_target(given: str, name: str, host: str | None) -> None:
    target = crawl_target(given)
    assert (target.name, target.host) == (name, host)


SITE = domain_site(DOMAIN, [HOST])


@pytest.mark.parametrize(
    ("url", "article"),
    [
        (f"{BASE}/2025/04/28/warga-desa-gelar-panen/", True),  # dated path
        (f"{BASE}/read/2025/04/28/123456/banjir", True),
        (f"{BASE}/nasional/read/123456/x", True),  # numeric id
        (f"{BASE}/berita/d-7123456/judul", True),
        (f"{BASE}/ekonomi/harga-cabai-merah-turun-lagi.html", True),  # long slug
        (f"https://m.{DOMAIN}/ekonomi/harga-cabai-merah-turun-lagi", True),  # another host, same domain
        (f"{BASE}/2025/04/28/", False),  # a day's archive
        (f"{BASE}/2025/04/", False),
        (f"{BASE}/ekonomi", False),
        (f"{BASE}/ekonomi/pasar-modal", False),  # a short slug: a section
        (f"{BASE}/tag/banjir-besar-di-kota-lama", False),
        (f"{BASE}/topik/banjir-besar-di-kota-lama", False),
        (f"{BASE}/penulis/dodi-prasetyo-wibowo-putra", False),
        (f"{BASE}/author/dodi-prasetyo-wibowo-putra/page/2", False),
        (f"{BASE}/kategori/berita-daerah-terkini-hari", False),
        (f"{BASE}/search?q=banjir-besar-di-kota-lama", False),
        (f"{BASE}/?s=banjir-besar-di-kota-lama", False),
        (f"{BASE}/login-untuk-pembaca-setia-kami", True),  # a slug: the page must say what it is
        (f"{BASE}/masuk/pembaca-setia-kami-hari-ini", False),
        (f"{BASE}/wp-content/uploads/2025/04/foto-panen-raya-padi.jpg", False),
        (f"{BASE}/gambar/foto-panen-raya-padi-123456.webp", False),
        (f"{BASE}/video/warga-desa-gelar-panen-raya", False),
        (f"{BASE}/feed/warga-desa-gelar-panen-raya", False),
        ("https://www.media-lain.com/nasional/read/999999/berita", False),  # another domain
        (f"https://not{DOMAIN}/nasional/read/999999/berita", False),
    ],
)
def test_article_url_shape(url: str, article: bool) -> None:
    assert SITE.is_article_url(url) is article


def test_sections_of_a_domain_narrow_the_shape() -> None:
    site = domain_site(DOMAIN, [HOST], ["ekonomi", "berita/daerah"])
    assert site.is_article_url(f"{BASE}/ekonomi/harga-cabai-merah-turun-lagi")
    assert site.is_article_url(f"{BASE}/berita/daerah/123456/banjir")
    assert not site.is_article_url(f"{BASE}/olahraga/tim-voli-putri-juara-lagi")
    assert site.entry_points(["ekonomi"]) == [f"{BASE}/ekonomi/"]


def test_home_page_feeds_and_sections() -> None:
    head = (
        "<link rel='alternate' type='application/rss+xml' href='/rss/terbaru.xml'>"
        "<link rel='Alternate' type='application/atom+xml; charset=utf-8' href='https://www.kabarcontoh.co.id/atom'>"
        "<link rel='alternate' hreflang='en' href='/en/'>"
        "<link rel='stylesheet' type='text/css' href='/a.css'>"
    )
    page = parse(listing_html("Kabar Contoh", _teasers("panen"), extra_head=head))
    assert feed_links(page, BASE + "/") == [f"{BASE}/rss/terbaru.xml", f"{BASE}/atom"]
    menu = (
        "<div id='menu-utama'><a href='/daerah/jawa-timur'>Jatim</a><a href='/daerah/a/b'>deep</a>"
        "<a href='/ekonomi?page=2'>q</a><a href='/nasional#top'>again</a></div>"
    )
    page = parse(listing_html("Kabar Contoh", [], extra_head="").replace("<main>", menu + "<main>"))
    assert section_links(page, BASE + "/", SITE) == [
        f"{BASE}/nasional",
        f"{BASE}/ekonomi/",
        f"{BASE}/olahraga",
        f"{BASE}/daerah/jawa-timur",
    ]


def test_a_list_of_articles_is_told_from_an_article() -> None:
    most_read = parse(most_read_html(_teasers("panen", "pasar", "sekolah", "bus")))
    assert is_list_of_articles(most_read, BASE + MOST_READ, SITE)
    related = (
        "<div class='terkait'>"
        + "".join(f"<h3><a href='{p}'>{t}</a></h3>" for p, t in _teasers(*A))
        + "</div>"
    )
    for shape in ("jsonld", "meta", "byline", "blogposting"):
        page = article_html(Article("/ekonomi/harga-cabai-merah-turun-lagi", "Harga Cabai", shape))
        assert not is_list_of_articles(parse(page.replace("<footer>", related + "<footer>")), BASE, SITE), (
            shape
        )
    two = parse(most_read_html(_teasers("panen", "pasar")))
    assert not is_list_of_articles(two, BASE + MOST_READ, SITE)  # two teasers prove nothing


def test_scrapy_loads_a_domain_as_a_spider() -> None:
    """`scrapy crawl example.co.id` and `warta crawl` load the same spider for a domain; the
    declared sites stay the only ones listed."""
    from scrapy.settings import Settings

    from crawler.crawling.project import SiteLoader, project_settings

    settings: Settings = project_settings().copy()
    settings.set("WARTA_DOMAINS", {DOMAIN: {"hosts": [HOST], "sections": ["ekonomi"]}})
    loader = SiteLoader(settings)
    spider = loader.load(DOMAIN)
    site = spider.site  # type: ignore[attr-defined]
    assert (spider.name, site.start_urls, site.rules) == (DOMAIN, (f"{BASE}/",), None)
    assert list(site.sections) == ["ekonomi"]
    assert loader.load("fakta.com").name == "fakta"
    assert DOMAIN not in loader.list()
    with pytest.raises(KeyError):
        loader.load("not a domain")


def test_sites_says_any_other_domain_works() -> None:
    result = run_warta("sites")
    assert result.returncode == 0
    assert "any other domain or URL: `warta crawl example.co.id`" in result.stdout.splitlines()[-1]
