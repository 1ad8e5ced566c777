"""One article from pages in a WARC, as a crawl makes it: page 1 swapped for its every-pages
version, or followed by its next pages, when the site says so and the input holds them, then
joined by the crawl's own join (:func:`crawler.extraction.pages.merge_pages`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

from crawler.corpus.warcs import Page
from crawler.errors import ExtractionError, WartaError
from crawler.extraction.pages import MAX_ARTICLE_PAGES, Draft, merge_pages
from crawler.extraction.record import Record

Lookup = Callable[[str], Page | None]  # a page of the same input by its URL


@dataclass(frozen=True)
class Article:
    """The record of one page (or why there is none) and what else it was made from."""

    result: Record | str
    used: tuple[str, ...] = ()  # the URLs of the other pages read into it
    incomplete: bool = False  # a page the site links is not in the input


def article(page: Page, lookup: Lookup, home_zone: tzinfo | None = None) -> Article:
    """The record of ``page`` with the pages it continues into; never raises. ``home_zone``: of
    times printed without one, on a domain with no site file (as ``--timezone``)."""
    from crawler.extraction.steps import finish_record

    try:
        drafts, used, incomplete = _drafts(page, lookup, home_zone)
        draft = merge_pages(drafts) if len(drafts) > 1 else drafts[0]
        return Article(finish_record(draft), tuple(used), incomplete)
    except WartaError as exc:
        return Article(exc.reason)
    except Exception as exc:  # a bug on a hostile page: counted, as a crawl counts it, not fatal
        return Article(f"extraction error ({type(exc).__name__})")


def _drafts(page: Page, lookup: Lookup, zone: tzinfo | None) -> tuple[list[Draft], list[str], bool]:
    """The drafts of every page of the article, as ``NewsSpider.parse_article`` gathers them."""
    from crawler.extraction.document import parse
    from crawler.extraction.extract import extract_article
    from crawler.sites import site_for_url

    site = site_for_url(page.url)
    rules = site if site is not None and site.rules is not None else None  # as the spider reads
    doc, used = parse(page.body, page.content_type), []
    every = site.all_pages_url(page.url, doc) if site else None
    whole = lookup(every) if every is not None else None
    if every is not None and whole is not None:
        page, doc, used = whole, parse(whole.body, whole.content_type), [every]
    drafts = [extract_article(doc, page.url, page.fetched_at, rules, page.content_type, zone)]
    while site is not None and len(drafts) < MAX_ARTICLE_PAGES:
        next_url = site.next_article_page(page.url, doc)
        if not next_url or next_url in {d["url"] for d in drafts}:
            break
        found = lookup(next_url)
        try:
            if found is None:
                raise ExtractionError("not in the input")
            page, doc = found, parse(found.body, found.content_type)
            drafts.append(extract_article(doc, page.url, page.fetched_at, rules, page.content_type, zone))
        except ExtractionError:  # as a crawl does: the earlier pages still make the article
            return drafts, used, True
        used.append(next_url)
    return drafts, used, every is not None and whole is None
