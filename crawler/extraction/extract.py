"""extract_article: one page in, one draft record out. Pure: no Scrapy engine, no clock.

The draft carries what the page says (raw dates, the body's paragraphs, metadata); the steps
in :mod:`crawler.extraction.steps` then normalise dates, clean the text, give the record its identity
and validate it. A site's rules are tried first; when they find nothing the generic path
(trafilatura tuned for precision plus warta's cleanup) takes over and says so in
``extractor``. The reading goes parse -> metadata (:mod:`.metadata`) -> body (:func:`read_body`)
-> fields (:mod:`.fields`, :mod:`.datefields`) -> draft.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, tzinfo

from parsel import Selector

from crawler.errors import ExtractionError
from crawler.extraction.body import Body, page_count, read_site_body, site_body_node
from crawler.extraction.datefields import resolve_modified, resolve_published
from crawler.extraction.dates import WIB, offset_text
from crawler.extraction.document import parse
from crawler.extraction.fields import (
    resolve_authors,
    resolve_canonical,
    resolve_description,
    resolve_editors,
    resolve_images,
    resolve_section,
    resolve_tags,
    resolve_title,
)
from crawler.extraction.generic import generic_text
from crawler.extraction.media import unique_by_url
from crawler.extraction.metadata import Metadata, read_metadata
from crawler.extraction.record import DATE_ZONE, Draft, empty_record
from crawler.extraction.urls import registered_domain
from crawler.site import Site

MIN_GENERIC_WORDS = 20
SHORT_SITE_TEXT = 80  # words: below this, a site body is checked against the generic reading


def _iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def read_body(doc: Selector, url: str, site: Site | None, meta: Metadata) -> Body:
    """The article body: the site's reading when its body selector finds the article, else the
    generic one. Raises ExtractionError when the page holds no article to read."""
    rules = site.rules if site else None
    node = site_body_node(doc, rules) if rules else None
    generic = None
    if site and rules and node is not None:
        body = read_site_body(doc, node, rules, url, f"site:{site.name}")
        if body.words < SHORT_SITE_TEXT:
            # A body selector that now matches a small box (the site's markup moved): when the
            # page holds far more article text, the generic path reads it instead.
            generic = generic_text(doc, url)
        if body.paragraphs and (generic is None or generic.words < max(3 * body.words, 2 * SHORT_SITE_TEXT)):
            return replace(body, pages=page_count(doc, rules))
    # Neither the site's URL shape nor its body markup nor the page itself says "article".
    # A page that declares itself one (og:type, JSON-LD) is read: the site may have moved
    # both its URLs and its markup, and someone with that one URL still wants the article.
    off_pattern = site and site.article_url is not None and not site.is_article_url(url)
    if off_pattern and node is None and not meta.declares_article:
        raise ExtractionError("no article", "not an article page of this site")
    body = generic or generic_text(doc, url)
    if not body.paragraphs:
        raise ExtractionError("no article text")
    return body


def _require_article(body: Body, published: str | None, meta: Metadata) -> None:
    """A page read by the generic path is an article only if it is dated or says it is one,
    and holds more than a few words: index pages and teasers are not."""
    if not (published or meta.declares_article):
        raise ExtractionError("no article", "no date and no article metadata")
    if body.words < MIN_GENERIC_WORDS:
        raise ExtractionError("no article text", "too little text")


def extract_article(
    body: bytes | str | Selector,
    url: str,
    fetched_at: datetime,
    site: Site | None = None,
    content_type: str | None = None,
    home_zone: tzinfo | None = None,
) -> Draft:
    """The draft record of one page; raises ExtractionError with a reason when there is no article.
    A parsed page may be given instead of its bytes; it is read, never changed. ``home_zone``:
    the zone of times printed without one on a page of a domain with no site file (a site file
    names its own); WIB when not given."""
    doc = body if isinstance(body, Selector) else parse(body, content_type)
    meta = read_metadata(doc)
    found = read_body(doc, url, site, meta)
    # The site's selectors for the other fields count only where its body selector read the body.
    rules = site.rules if site and found.extractor != "generic" else None
    title = resolve_title(doc, url, meta, rules)
    zone = site.zone if site else home_zone or WIB
    published = resolve_published(doc, meta, rules, found.node, fetched_at, title, zone)
    modified = resolve_modified(doc, meta, rules, fetched_at, zone)
    if rules is None:
        _require_article(found, published.raw, meta)
    authors = resolve_authors(doc, url, meta, rules)
    record = empty_record()
    record.update(
        url=url,
        canonical_url=resolve_canonical(url, meta, site),
        site=site.name if site else registered_domain(url),
        title=title,
        description=resolve_description(meta, site, title),
        authors=authors,
        editors=resolve_editors(doc, meta, rules, authors),
        published_raw=published.raw,
        modified_raw=modified,
        section=resolve_section(doc, meta, rules, title),
        tags=resolve_tags(doc, meta, rules, site),
        text="\n\n".join(found.paragraphs),
        images=resolve_images(found.images, meta),
        embeds=unique_by_url(found.embeds),
        pages=found.pages,
        fetched_at=_iso_utc(fetched_at),
        extractor=found.extractor,
    )
    record[DATE_ZONE] = offset_text(published.zone)
    return record
