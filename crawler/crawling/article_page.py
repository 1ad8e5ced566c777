"""What a crawl reads from one downloaded article page, as a pure function of plain values.

The spider (:class:`spiders.base.NewsSpider`) sends an :class:`ArticlePage` (the bytes, the URL,
the Content-Type, when it was fetched, the site) and acts on the :class:`PageReading` it gets
back: ask for every page at once, count a failure, follow the next page, or join the drafts. The
same function runs in the crawl's process or in an extraction worker
(:mod:`crawler.crawling.pool`): both are picklable, so the record is the same wherever it is made.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from crawler.crawling.domain import is_list_of_articles
from crawler.errors import ExtractionError
from crawler.extraction.dates import zone_named
from crawler.extraction.document import decode_page, parse
from crawler.extraction.extract import Draft, extract_article
from crawler.extraction.metadata import read_metadata
from crawler.site import Site

LIST_OF_ARTICLES = "no article: a list of articles"


@dataclass(frozen=True, slots=True)
class ArticlePage:
    body: bytes
    url: str
    content_type: str | None
    fetched_at: datetime
    site: bytes  # the Site, pickled once per spider (:func:`packed_site`): a domain's is made at run time
    home_zone: str | None = None  # WARTA_TIMEZONE, for a domain with no site file
    ask_all_pages: bool = False  # page 1, not yet asked for every page at once
    reject_lists: bool = False  # a domain crawl: a list of articles behind an article URL is no article


@dataclass(frozen=True, slots=True)
class PageReading:
    """One of: ``all_pages_url`` (fetch that instead, nothing extracted), ``error`` (the reason
    the page gives no draft), or ``draft`` with the next page's URL, if any."""

    all_pages_url: str | None = None
    draft: Draft | None = None
    error: str | None = None
    next_url: str | None = None
    charset_guessed: bool = False  # no charset said, not UTF-8: read as windows-1252


def packed_site(site: Site) -> bytes:
    """The site as the worker needs it (its rules and URL shapes; not its day index, which may
    be any callable)."""
    return pickle.dumps(replace(site, day_index=None) if site.day_index is not None else site)


@lru_cache(maxsize=64)
def _site(packed: bytes) -> Site:
    return pickle.loads(packed)


def read_article_page(page: ArticlePage) -> PageReading:
    """The page parsed once, then read in the spider's order: the all-pages switch, the draft
    (by the site's rules, or the generic path when it has none), a list of articles refused on
    a domain crawl, then the link to the next page."""
    site, guessed = _site(page.site), False
    try:
        decoded = decode_page(page.body, page.content_type)
        guessed = decoded.guessed
        doc = parse(decoded.text)
        again = site.all_pages_url(page.url, doc) if page.ask_all_pages else None
        if again is not None:
            return PageReading(all_pages_url=again, charset_guessed=guessed)
        zone = zone_named(page.home_zone) if page.home_zone else None
        rules = site if site.rules is not None else None
        draft = extract_article(doc, page.url, page.fetched_at, rules, home_zone=zone)
    except ExtractionError as exc:
        return PageReading(error=str(exc), charset_guessed=guessed)
    declared = not page.reject_lists or read_metadata(doc).declares_article
    if not declared and is_list_of_articles(doc, page.url, site):
        return PageReading(error=LIST_OF_ARTICLES, charset_guessed=guessed)
    return PageReading(draft=draft, next_url=site.next_article_page(page.url, doc), charset_guessed=guessed)
