"""A domain nobody wrote a site file for, crawled like a declared site.

``warta crawl example.co.id`` (or a URL on it) becomes a :class:`~crawler.site.Site` made at run
time: named by its registered domain (the ``site`` its records carry), read by the generic path
(``rules=None``), its article URLs recognised by their shape on that domain. The crawl machinery
(seen-store, output files, summary, health, WARC) then applies unchanged. What a home page says
about the site (its feeds, its sections) is read here too, as plain functions over the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from parsel import Selector
from tld import get_fld

from crawler.extraction.urls import registered_domain
from crawler.site import Site
from crawler.sites import GENERIC, site_for_url, sites

# What an article path looks like on a site nobody described: a date (/2025/04/28/ then a slug
# or id), a numeric id of five digits or more, or a slug of four or more hyphenated words.
ARTICLE_SHAPE = (
    r"(?:[^?#]*/)?"
    r"(?:\d{4}/\d{1,2}/(?:\d{1,2}/)?(?=[^/?#]*[a-z])[^/?#]{3,}"
    r"|[^/?#]*\d{5,}"
    r"|[a-z0-9]+(?:-[a-z0-9]+){3,})"
)
ARTICLE_PATH = r"(?i)^https?://[^/?#]+/" + ARTICLE_SHAPE
# Paths that are never one article: taxonomy and people pages, search, paging, accounts, media
# and galleries, feeds, and static files.
SKIP_SEGMENTS = (
    "tag|tags|topik|topic|topics|author|authors|penulis|reporter|category|categories|kategori"
    "|label|search|cari|pencarian|page|login|masuk|register|daftar|logout|akun|account"
    "|video|videos|foto|photo|photos|galeri|gallery|feed|rss|wp-content|wp-admin|wp-json"
    "|wp-includes|static|assets|cdn-cgi"
)
STATIC_FILES = r"jpe?g|png|gif|webp|svg|ico|css|js|pdf|xml|json|txt|mp[34]|zip|rar|docx?|xlsx?|pptx?"
SKIP_URL = (
    rf"(?i)^https?://[^/?#]+(?:/[^?#]*)?/(?:{SKIP_SEGMENTS})(?:[/?#]|$)"
    rf"|\.(?:{STATIC_FILES})(?:[?#]|$)"
    r"|[?&](?:s|q|search|query|keyword)="
)
# Feeds and sitemaps many sites serve without naming them: tried when a domain is crawled.
COMMON_FEED_PATHS = (
    "/feed",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
)
_SECTION_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# Where a site's menu is: <nav>, the page header, or a block named menu/nav/navbar.
_MENU_LINKS = (
    "//nav//a/@href | //header//a/@href"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' menu')"
    " or contains(@class, 'nav') or contains(@id, 'menu') or contains(@id, 'nav')]//a/@href"
)


_EXAMPLE = "`warta crawl example.co.id`"


@dataclass(frozen=True)
class Target:
    """What one ``warta crawl`` argument names: a declared site, or a domain and the host given."""

    name: str
    host: str | None = None  # None: a declared site


def crawl_target(text: str) -> Target:
    """A site key, a domain (``example.co.id``) or a URL on it. A domain a site file covers is
    that site. Raises ValueError with the line to show for anything else."""
    if text in sites() and text != GENERIC:
        return Target(text)
    if "." not in text and "://" not in text:
        raise ValueError(f"unknown site {text} (see `warta sites`; any other domain works too: {_EXAMPLE})")
    url = text if "://" in text else f"https://{text}"
    host = (urlsplit(url).hostname or "").lower().rstrip(".") if _url_ok(url) else ""
    if not host or "." not in host or not get_fld(host, fix_protocol=True, fail_silently=True):
        raise ValueError(f"{text}: not a site key, a domain or a URL (a domain: {_EXAMPLE})")
    known = site_for_url(f"https://{host}/")
    return Target(known.name) if known else Target(registered_domain(f"https://{host}/"), host)


def _url_ok(url: str) -> bool:
    from crawler.options import url_problem

    return url_problem(url) is None


def section_problem(prefixes: Sequence[str]) -> str | None:
    """``--sections`` for a domain are path prefixes (``ekonomi``, ``berita/daerah``)."""
    bad = [p for p in prefixes if not _SECTION_KEY.fullmatch(p.strip("/").lower())]
    return f"--sections {', '.join(bad)}: a domain's sections are path prefixes like ekonomi" if bad else None


def domain_site(name: str, hosts: Sequence[str] = (), sections: Sequence[str] = ()) -> Site:
    """The site of a domain without a site file. ``hosts``: where its home pages are (default
    the domain itself); ``sections``: path prefixes its article URLs must start with, whose
    pages are listings too."""
    hosts = list(dict.fromkeys([*hosts] or [name]))
    prefixes = [p.strip("/").lower() for p in sections if p.strip("/")]
    under = f"(?:{'|'.join(re.escape(p) for p in prefixes)})/" if prefixes else ""
    generic = sites()[GENERIC]
    return Site(
        name=name,
        allowed_domains=tuple(dict.fromkeys([*hosts, name])),
        start_urls=tuple(f"https://{host}/" for host in hosts),
        sections={p: (f"https://{hosts[0]}/{p}/",) for p in prefixes},
        article_url=rf"(?i)^https?://(?:[^/?#@]+\.)?{re.escape(name)}(?::\d+)?/{under}{ARTICLE_SHAPE}",
        skip_url=generic.skip_url,
        drop_params=generic.drop_params,
        rules=None,  # the generic path reads every page
    )


def feed_links(page: Selector, url: str) -> list[str]:
    """The RSS and Atom feeds a page names with ``<link rel="alternate" type=...>``."""
    found = []
    for link in page.xpath("//link[@href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        kind = (link.attrib.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES:
            found.append(urljoin(url, link.attrib["href"].strip()))
    return list(dict.fromkeys(found))


def section_links(page: Selector, url: str, site: Site) -> list[str]:
    """The site's section pages as its menu links them: pages on the same host, one or two path
    segments deep, neither articles nor skipped pages (tags, authors, search, files)."""
    host = urlsplit(url).hostname
    found = []
    for href in page.xpath(_MENU_LINKS).getall():
        link = urljoin(url, href.strip()).split("#")[0]
        parts = urlsplit(link)
        segments = [s for s in parts.path.split("/") if s]
        if parts.scheme not in ("http", "https") or parts.hostname != host or parts.query:
            continue
        if not 1 <= len(segments) <= 2 or site.is_article_url(link) or site.skips(link):
            continue
        found.append(link)
    return list(dict.fromkeys(found))


def is_list_of_articles(page: Selector, url: str, site: Site) -> bool:
    """A page whose text is mostly teasers: paragraphs each in a small block with a headline
    linking another article of the site ("most read" and archive pages behind article-like
    URLs). An article's body paragraphs sit in a larger block, away from headline links;
    its related-article boxes have headlines without paragraphs."""
    teasers = others = 0
    for paragraph in page.xpath("//body//p"):
        if len(" ".join(paragraph.xpath(".//text()").getall()).split()) < 12:
            continue
        block = paragraph.xpath("..")
        heads = block.xpath("./*[self::h2 or self::h3 or self::h4]//a/@href").getall()
        small = len(block.xpath("./*")) <= 5
        if small and any(site.is_article_url(urljoin(url, h)) and urljoin(url, h) != url for h in heads):
            teasers += 1
        else:
            others += 1
    return teasers >= 3 and teasers >= others
