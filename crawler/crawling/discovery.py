"""Discovery: what an entry point lists, read from its content.

A sitemap index, a urlset (news sitemaps too), RSS or Atom is read into entries (location,
published, changed); a JSON document (a site's own listing API) gives the strings in it; any
other page is an HTML listing. Which of these a response is comes from its bytes, not its URL.
Compressed bodies are decompressed only up to the crawl's size limit (``DOWNLOAD_MAXSIZE``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin

from lxml import etree
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import sitemap_urls_from_robots

_JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
Kind = Literal["xml", "json", "html"]


class FeedTooLarge(ValueError):
    """A compressed body that grows past the size limit."""


@dataclass(frozen=True)
class Entry:
    url: str
    published: str | None = None  # places the article in the --since/--until window
    changed: str | None = None  # compared with the copy written, for --refresh-updated


@dataclass(frozen=True)
class Feed:
    is_index: bool  # a sitemap index: its entries are more feeds
    entries: list[Entry]


def decompress(body: bytes, max_size: int) -> bytes:
    """The body, gunzipped when it is gzip (a ``.xml.gz`` sitemap), never past ``max_size``."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        return gunzip(body, max_size=max_size)
    except ValueError as exc:  # scrapy's size-limit error is a ValueError
        raise FeedTooLarge(f"larger than {max_size} bytes once decompressed") from exc


def kind_of(body: bytes) -> Kind:
    """What the first bytes say: "json", "xml" (a sitemap or feed, or an XHTML page: only
    :func:`read_feed` can tell), else "html". Nothing is parsed here."""
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head[:1] in (b"{", b"["):
        return "json"
    if head.startswith((b"<?xml", b"<urlset", b"<sitemapindex", b"<rss", b"<feed", b"<rdf")):
        return "xml"
    return "html"


def _parse_xml(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None


def _text(element: etree._Element, *names: str) -> str | None:
    """The text of the first descendant with one of these local names (any namespace)."""
    for name in names:
        for found in element.iter(f"{{*}}{name}", name):
            value = (found.text or found.get("href") or "").strip()
            if value:
                return value
    return None


def read_feed(body: bytes) -> Feed | None:
    """The entries of a sitemap index, urlset, RSS or Atom document; None when it is none (an
    XHTML page, or XML too broken to read), so the caller reads it as a listing page."""
    root = _parse_xml(body)
    if root is None:
        return None
    kind = etree.QName(root).localname.lower()
    if kind == "sitemapindex":
        items = [
            (s, _text(s, "loc"), _text(s, "lastmod"), _text(s, "lastmod")) for s in _children(root, "sitemap")
        ]
    elif kind == "urlset":
        items = [
            (
                u,
                _text(u, "loc"),
                _text(u, "publication_date", "lastmod"),
                _text(u, "lastmod", "publication_date"),
            )
            for u in _children(root, "url")
        ]
    elif kind in ("rss", "rdf", "feed"):
        items = []
        for item in [*root.iter("{*}item", "item"), *root.iter("{*}entry", "entry")]:
            published = _text(item, "pubDate", "published", "date")
            items.append(
                (item, _text(item, "link"), published, _text(item, "updated", "modified") or published)
            )
    else:
        return None
    entries = [Entry(url, published, changed) for _, url, published, changed in items if url]
    return Feed(is_index=kind == "sitemapindex", entries=entries)


def _children(root: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in root if isinstance(c.tag, str) and etree.QName(c).localname == name]


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The "Sitemap:" lines of a robots.txt."""
    return list(sitemap_urls_from_robots(body, base_url=base_url))


def json_links(body: bytes, page_url: str) -> list[str]:
    """Every string of a JSON document, read as a link from the site's root ("ekonomi/slug-1" in a
    listing API), in document order; the caller keeps those that are article URLs. The string
    literals are scanned rather than the document parsed: no nesting depth can exhaust the stack,
    and a truncated document still gives its complete strings."""
    root = urljoin(page_url, "/")
    links = []
    for literal in _JSON_STRING.findall(body.decode("utf-8", "replace")):
        try:
            text = json.loads(literal).strip()
        except ValueError:
            continue
        if 0 < len(text) <= 500:
            links.append(urljoin(root, text))
    return links
