"""Site files are checked data: a misspelt rule or a broken selector fails when the file is
imported; the site knobs (split articles, listing pagination) do what the site files rely on."""

from __future__ import annotations

import dataclasses
import sys
import textwrap
from pathlib import Path

import pytest
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from crawler.crawling.project import spider_loader
from crawler.site import AllPages, OffsetPager, Query, Rules, Site, css, xpath
from crawler.sites import ENGINE_MODULES, GENERIC, site_for_url, sites

SPIDERS = Path(__file__).resolve().parent.parent / "spiders"


def _package(tmp_path: Path, name: str, source: str) -> str:
    package = tmp_path / f"sites_{name}"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "example.py").write_text(textwrap.dedent(source))
    sys.path.insert(0, str(tmp_path))
    return package.name


def test_every_site_file_declares_a_site() -> None:
    files = {p.stem for p in SPIDERS.glob("*.py") if p.stem not in ("__init__", *ENGINE_MODULES)}
    assert set(sites()) == files
    assert all(site.name == key for key, site in sites().items())


def test_a_misspelt_rule_fails_at_import(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        "misspelt",
        """
        from crawler.site import Rules, Site, css
        SITE = Site(name="example", rules=Rules(title=css("h1"), author=css(".byline")))
        """,
    )
    with pytest.raises(TypeError, match="author"):
        sites((package,))


def test_a_misspelt_site_knob_fails_at_import(tmp_path: Path) -> None:
    package = _package(
        tmp_path, "knob", 'from crawler.site import Site\nSITE = Site(name="x", start_url=("a",))\n'
    )
    with pytest.raises(TypeError, match="start_url"):
        sites((package,))


@pytest.mark.parametrize(
    "declare",
    [
        lambda: css("//div[@class='a']"),  # XPath declared as CSS
        lambda: xpath("div#main p"),  # CSS declared as XPath
        lambda: css("div[class=unclosed"),
        lambda: xpath("(//div"),
    ],
)
def test_a_selector_of_the_wrong_kind_fails_when_declared(declare) -> None:
    with pytest.raises(ValueError, match="not a valid"):
        declare()


def test_a_broken_url_pattern_fails_when_declared() -> None:
    with pytest.raises(Exception, match="unterminated|missing"):
        Site(name="x", article_url=r"^https://x\.id/(\d+")


def test_every_declared_selector_was_checked() -> None:
    """Each selector of each site is a Query: CSS or XPath said once, checked once."""
    for site in sites().values():
        rules = site.rules or Rules()
        for name in ("title", "published", "modified", "authors", "editors", "section", "tags", "body"):
            assert all(isinstance(q, Query) for q in getattr(rules, name)), (site.name, name)


def test_scrapy_sees_the_same_sites() -> None:
    assert sorted(spider_loader().list()) == sorted(sites())
    assert spider_loader().load("kompas").site is sites()["kompas"]


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://nasional.kompas.com/read/2025/05/28/13300711/x", "kompas"),
        ("https://m.liputan6.com/news/read/123/x", "liputan6"),
        ("https://example.id/2025/05/28/x", None),
        ("https://notkompas.com/read/x", None),
    ],
)
def test_the_site_of_a_url(url: str, key: str | None) -> None:
    site = site_for_url(url)
    assert (site.name if site else None) == key
    assert spider_loader().find_by_request(__import__("scrapy").Request(url)) == ([key] if key else [])


def test_skip_url_is_part_of_the_one_definition_of_an_article_url() -> None:
    detik = sites()["detik"]
    assert detik.is_article_url("https://news.detik.com/berita/d-6453785/judul-berita")
    assert not detik.is_article_url("https://20.detik.com/berita/d-6453785/judul-berita")


def test_generic_declaration_has_no_rules_and_no_domains() -> None:
    assert sites()[GENERIC].rules is None and not sites()[GENERIC].allowed_domains


@pytest.mark.parametrize(
    ("site", "url", "expected"),
    [
        (
            "okezone",
            "https://news.okezone.com/indeks/2026/07/24",
            "https://news.okezone.com/indeks/2026/07/24/10",
        ),
        (
            "okezone",
            "https://news.okezone.com/indeks/2026/07/24/10",
            "https://news.okezone.com/indeks/2026/07/24/20",
        ),
        (
            "republika",
            "https://republika.co.id/index/0/2026/07/24",
            "https://republika.co.id/index/50/2026/07/24",
        ),
        (
            "sindonews",
            "https://www.sindonews.com/indeks/5/0?t=2026-07-24",
            "https://www.sindonews.com/indeks/5/20?t=2026-07-24",
        ),
        ("mediaindonesia", "https://mediaindonesia.com/indeks", "https://mediaindonesia.com/indeks/20/20"),
        (
            "mediaindonesia",
            "https://mediaindonesia.com/ekonomi/20/40",
            "https://mediaindonesia.com/ekonomi/20/60",
        ),
        ("fakta", "https://fakta.com/", "https://fakta.com/?berita-terbaru=2"),
        ("fakta", "https://fakta.com/?berita-terbaru=2", "https://fakta.com/?berita-terbaru=3"),
    ],
)
def test_next_listing_page(site: str, url: str, expected: str) -> None:
    assert sites()[site].next_listing_url(url, Selector(text="<html><body></body></html>")) == expected


def test_offset_pager_without_a_match_gives_nothing() -> None:
    pager = OffsetPager(r"/index/(?P<offset>\d+)/", "/index/{offset}/", 50)
    assert pager.next_url("https://x.id/other/page") is None


SPLIT = "<html><head><meta name='content_total_pages' content='{}'></head><body><p>x</p></body></html>"


def test_a_page_that_says_it_is_split_is_asked_for_all_pages() -> None:
    kompas = sites()["kompas"]
    url = "https://nasional.kompas.com/read/2025/05/28/13300711/x#top"
    assert kompas.all_pages_url(url, Selector(text=SPLIT.format(3))) == url.split("#")[0] + "?page=all"
    assert kompas.all_pages_url(url, Selector(text=SPLIT.format(1))) is None
    assert kompas.all_pages_url(url.split("#")[0] + "?page=all", Selector(text=SPLIT.format(3))) is None


def test_the_split_marker_may_name_the_page_s_own_path() -> None:
    """viva: a link to page 2 of this very article says it is split; a link to page 2 of another does not."""
    viva = sites()["viva"]
    url = "https://www.viva.co.id/berita/nasional/123-judul"
    own = Selector(text='<a href="/berita/nasional/123-judul?page=2">2</a>')
    other = Selector(text='<a href="/berita/nasional/999-lain?page=2">2</a>')
    assert viva.all_pages_url(url, own) == url + "?page=all"
    assert viva.all_pages_url(url, other) is None


def test_every_article_asked_for_all_pages_up_front() -> None:
    site = Site(name="x", all_pages=AllPages(("showpage", "all")))
    assert site.fetch_url("https://x.id/read/1/2/a") == "https://x.id/read/1/2/a?showpage=all"
    assert site.fetch_url("https://x.id/read/1/2/a?showpage=2") == "https://x.id/read/1/2/a?showpage=2"


def test_whole_query_dropped_from_article_links() -> None:
    liputan6 = sites()["liputan6"]
    link = "https://www.liputan6.com/news/read/123/judul?medium=Headline&campaign=x#comments"
    assert liputan6.article_link(link) == "https://www.liputan6.com/news/read/123/judul"


def test_unknown_sections_are_named() -> None:
    with pytest.raises(ValueError, match="has no section sport"):
        sites()["kompas"].check_sections(["sport"])


# -- class steps tested on the class attributes --------------------------------------------
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASS_PAGE = """<html><body>
<div class="a"><p class="b">one</p><p class=" b  x ">two</p><span class="bb">three</span></div>
<div class="a\tb\nc"><p class="b" id="k">four</p><p>five</p><p class="b">six</p></div>
<section class="ab"><div class="a"><div class="a"><p class="b"><a href="/author/x">seven</a></p>
</div></div></section>
<ul class="list"><li class="a">1</li><li class="a b">2</li><li>3</li><li class="b">4</li></ul>
<p class="">empty</p><p class="   ">blank</p><div class="A">upper</div>
</body></html>"""
CLASS_SHAPES = [
    ".a", ".b", "div.a", ".a .b", ".a > .b", ".a + .b", ".a ~ .b", ".a.b", ".b::text", ".a .b::text",
    "p.b::attr(id)", ".a, .b", ".a *", "div .a", ".a:first-child", "li.a:nth-child(2)", ":not(.a)",
    ".a:has(.b a)", "section.ab .a .a p.b a[href*='/author/']", "ul.list li.b", ".ab", ".bb", ".A", ".c",
]


def _selected(scope: Selector, compiled: str) -> list[tuple[str, str]]:
    """What an XPath selects, each node by where it is (and a string by its value)."""
    tree = scope.root.getroottree()
    found = []
    for node in scope.root.xpath(compiled):
        if isinstance(node, str):
            found.append((tree.getpath(node.getparent()), str(node)))
        else:
            found.append((tree.getpath(node), ""))
    return found


def _css_queries(value: object) -> list[Query]:
    """Every CSS query a site declares, in its rules or its own knobs."""
    if isinstance(value, Query):
        return [] if value.is_xpath else [value]
    if isinstance(value, tuple):
        return [q for item in value for q in _css_queries(item)]
    if dataclasses.is_dataclass(value):
        return [q for f in dataclasses.fields(value) for q in _css_queries(getattr(value, f.name))]
    return []


@pytest.mark.parametrize("shape", CLASS_SHAPES)
def test_a_class_step_on_the_attributes_selects_what_cssselect_does(shape: str) -> None:
    page = Selector(text=CLASS_PAGE)
    ours, theirs = Query(shape).compiled, HTMLTranslator().css_to_xpath(shape)
    assert _selected(page, ours) == _selected(page, theirs)


def test_some_class_steps_are_rewritten_and_position_tests_are_not() -> None:
    assert "/@class[" in Query(".a .b").compiled
    assert "/@class[" not in Query(".a:first-child").compiled  # the class test is not the whole predicate
    assert "position() = 1" in Query(".a + .b").compiled


def test_every_site_query_selects_on_every_fixture_page_what_cssselect_does() -> None:
    queries = {q.text: q for site in sites().values() for q in _css_queries(site)}
    assert sum("/@class[" in q.compiled for q in queries.values()) > 50
    for path in sorted(FIXTURES.glob("*/input.html")):
        page = Selector(text=path.read_text("utf-8", errors="replace"))
        for text, query in queries.items():
            theirs = HTMLTranslator().css_to_xpath(text)
            assert _selected(page, query.compiled) == _selected(page, theirs), (path.parent.name, text)
