"""Discovery reads what an entry point lists from its content: sitemaps, news sitemaps, RSS,
Atom, JSON listings and HTML; compressed bodies only up to the size limit."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from crawler.crawling.discovery import (
    FeedRefused,
    FeedTooLarge,
    decompress,
    feed_limit,
    json_links,
    kind_of,
    read_feed,
)
from crawler.crawling.window import Window

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://x.id/read/1/a</loc><lastmod>2026-07-25T08:00:00+07:00</lastmod>
    <news:news><news:publication_date>2026-07-24T10:00:00+07:00</news:publication_date></news:news></url>
  <url><loc> https://x.id/read/2/b </loc></url>
</urlset>"""
INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://x.id/sitemap-1.xml</loc><lastmod>2026-07-24</lastmod></sitemap></sitemapindex>"""
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>A</title><link>https://x.id/read/3/c</link>
<pubDate>Fri, 24 Jul 2026 10:00:00 +0700</pubDate></item>
</channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.id/read/4/d"/>
<published>2026-07-20T10:00:00Z</published><updated>2026-07-24T10:00:00Z</updated></entry></feed>"""


def test_a_news_sitemap_gives_publication_and_change_times() -> None:
    feed = read_feed(NEWS_SITEMAP)
    assert feed is not None and not feed.is_index
    first, second = feed.entries
    assert (first.url, first.published, first.changed) == (
        "https://x.id/read/1/a",
        "2026-07-24T10:00:00+07:00",
        "2026-07-25T08:00:00+07:00",
    )
    assert (second.url, second.published, second.changed) == ("https://x.id/read/2/b", None, None)


def test_a_sitemap_index_lists_more_feeds() -> None:
    feed = read_feed(INDEX)
    assert feed is not None and feed.is_index and feed.entries[0].url == "https://x.id/sitemap-1.xml"


def test_rss_and_atom_entries() -> None:
    rss, atom = read_feed(RSS), read_feed(ATOM)
    assert rss is not None and rss.entries[0].url == "https://x.id/read/3/c"
    assert atom is not None and atom.entries[0].changed == "2026-07-24T10:00:00Z"
    assert atom.entries[0].published == "2026-07-20T10:00:00Z"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (NEWS_SITEMAP, "xml"),
        (INDEX, "xml"),
        (RSS, "xml"),
        (ATOM, "xml"),
        (b'\xef\xbb\xbf  {"data": ["politik/a-1"]}', "json"),
        (b"[1, 2]", "json"),
        (b"<!doctype html><html><body><a href='/x'>x</a></body></html>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "xml"),
    ],
)
def test_kind_is_read_from_the_content(body: bytes, kind: str) -> None:
    assert kind_of(body) == kind


def test_a_feed_url_that_serves_html_is_a_listing() -> None:
    """The URL says "sitemap", the bytes say HTML: the bytes win. An XHTML page is XML but no
    feed: read as a listing too."""
    assert kind_of(b"<html><body>Sitemap</body></html>") == "html"
    assert (
        read_feed(b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>') is None
    )
    assert read_feed(b"<?xml version='1.0'?><urlset><url><loc>") is not None  # truncated: what it holds


def test_gzip_bodies_are_decompressed_within_the_limit() -> None:
    assert decompress(gzip.compress(RSS), 10_000).body == RSS
    assert decompress(RSS, 10).body == RSS  # not compressed: untouched


def test_a_gzip_bomb_stops_at_the_limit() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000)
    with pytest.raises(FeedTooLarge):
        decompress(bomb, 1_000_000)


def test_a_truncated_gzip_gives_what_it_held_and_says_so() -> None:
    whole = gzip.compress(RSS * 50)
    unpacked = decompress(whole[: len(whole) // 2], 1_000_000)
    assert unpacked.truncated and 0 < len(unpacked.body) < len(RSS * 50)
    assert (RSS * 50).startswith(unpacked.body)
    assert not decompress(whole, 1_000_000).truncated
    assert decompress(gzip.compress(RSS) + gzip.compress(RSS), 1_000).body == RSS * 2  # two members
    with pytest.raises(FeedRefused, match="unreadable gzip"):
        decompress(b"\x1f\x8b\x08\x00garbage", 1_000)


def test_the_feed_limit_is_download_maxsize_at_most_50_mib() -> None:
    assert feed_limit(1_000) == 1_000
    assert feed_limit(1 << 30) == feed_limit(0) == 50 * 1024 * 1024


def test_a_cut_feed_leaves_out_its_last_entry() -> None:
    """The entry the document stops in may hold half a URL: it is left out, and the cut said."""
    cut = read_feed(NEWS_SITEMAP[: NEWS_SITEMAP.index(b"x.id/read/2") + 6])
    assert cut is not None and cut.cut and [e.url for e in cut.entries] == ["https://x.id/read/1/a"]
    whole = read_feed(NEWS_SITEMAP + b"\n<!-- generated in 0.1 s -->\n")
    assert whole is not None and not whole.cut and not whole.damaged and len(whole.entries) == 2


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>',
    ],
)
def test_a_feed_that_declares_entities_is_refused(doctype: str) -> None:
    body = RSS.replace(b"?>", b"?>" + doctype.encode(), 1).replace(b"/read/3/c", b"/read/3/&b;&x;")
    with pytest.raises(FeedRefused, match="XML entities declared"):
        read_feed(body)


def test_an_external_dtd_without_entities_is_read_without_loading_it() -> None:
    """RSS 0.91 names Netscape's DTD: nothing is fetched, the feed is read."""
    doctype = (
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss.dtd">'
    )
    feed = read_feed(RSS.replace(b"?>", b"?>" + doctype, 1))
    assert feed is not None and feed.entries[0].url == "https://x.id/read/3/c"


def test_json_strings_are_links_from_the_site_root() -> None:
    body = b'[{"a": "ekonomi/judul-berita-123"}, "/politik/lain-9", "https://x.id/abs", 7, null]'
    links = json_links(body, "https://www.tempo.co/politik/_payload.json")
    assert links == [
        "https://www.tempo.co/a",  # a key: not an article URL, dropped by the spider
        "https://www.tempo.co/ekonomi/judul-berita-123",
        "https://www.tempo.co/politik/lain-9",
        "https://x.id/abs",
    ]


def test_deeply_nested_json_costs_no_recursion() -> None:
    body = b"[" * 5000 + b'"a/b-1"' + b"]" * 5000
    assert json_links(body, "https://x.id/") == ["https://x.id/a/b-1"]


def test_truncated_json_still_gives_its_complete_strings() -> None:
    assert json_links(b'{"a": "b/c-1", "d": "e/f', "https://x.id/") == [
        "https://x.id/a",
        "https://x.id/b/c-1",
        "https://x.id/d",
    ]


def test_window_days_of_dated_indexes() -> None:
    today = date(2026, 7, 24)
    assert Window.of(None, None).index_days(today) == [today]
    assert Window.of("2026-07-22", None).index_days(today) == [
        date(2026, 7, 24),
        date(2026, 7, 23),
        date(2026, 7, 22),
    ]
    assert Window.of("2026-07-01", "2026-07-02").index_days(today) == [date(2026, 7, 2), date(2026, 7, 1)]
    assert Window.of("2026-07-22", None).holds("Rabu, 22 Juli 2026 10:00 WIB")
    assert not Window.of("2026-07-22", None).holds("2026-07-21")
    assert Window.of("2026-07-22", None).holds(None)


def test_an_empty_self_closed_sitemap_is_not_cut_short() -> None:
    """`<urlset/>` lists nothing and is whole; a feed cut just after a "/>" is still cut."""
    namespaced = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" />'
    for whole in (b"<urlset/>", namespaced):
        feed = read_feed(whole)
        assert feed is not None and feed.entries == [] and not feed.cut
    cut = read_feed(b'<rss><channel><item><link>https://a.id/x</link></item><item><link>https://a.id/y"/>')
    assert cut is not None and cut.cut and [e.url for e in cut.entries] == ["https://a.id/x"]
