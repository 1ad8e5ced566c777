"""extract_article: one page in, one draft record out. Pure: no Scrapy engine, no clock.

The draft carries what the page says (raw dates, the body's paragraphs, metadata); the steps
in :mod:`crawler.extraction.steps` then normalise dates, clean the text, give the record its identity
and validate it. A site's rules are tried first; when they find nothing the generic path
(trafilatura tuned for precision plus warta's cleanup) takes over and says so in
``extractor``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import html
from parsel import Selector

from crawler.errors import ExtractionError
from crawler.extraction.body import Body, page_count, read_site_body, site_body_node
from crawler.extraction.dates import normalise_date
from crawler.extraction.document import clean_space, node_text, parse
from crawler.extraction.generic import (
    breadcrumb,
    generic_authors,
    generic_editors,
    generic_tags,
    generic_text,
)
from crawler.extraction.indonesian import (
    BYLINE_LABEL_RE,
    BYLINE_ROLE_RE,
    BYLINE_SUFFIX_RE,
)
from crawler.extraction.media import unique_by_url
from crawler.extraction.metadata import Metadata, read_metadata
from crawler.extraction.record import empty_record
from crawler.extraction.urls import registered_domain, same_site
from crawler.site import Queries, Rules, Site, drop_params, first_match

_DATE_HINT_RE = re.compile(
    r"\d{1,4}\s*[/.-]\s*\d{1,2}|\b\d{1,2}\s+[A-Za-z]{3,}\.?\s+\d{4}\b|\d{4}-\d{2}-\d{2}"
)
_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|\-–—:»]|::)\s+")
MIN_GENERIC_WORDS = 20
SHORT_SITE_TEXT = 80  # words: below this, a site body is checked against the generic reading


def _iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _texts(scope: Selector, selectors: Queries) -> list[str]:
    values = []
    for found in first_match(scope, selectors):
        root = found.root
        text = node_text(root) if isinstance(root, html.HtmlElement) else clean_space(str(found.get()))
        if text and text not in values:
            values.append(text)
    return values


def clean_names(values: list[str]) -> list[str]:
    """Author names without labels ("Oleh", "Penulis:") and channel suffixes (" - detikNews")."""
    names: list[str] = []
    for value in values:
        value = BYLINE_SUFFIX_RE.sub("", BYLINE_LABEL_RE.sub("", clean_space(value)))
        value = BYLINE_ROLE_RE.sub("", value)
        value = re.sub(r"^[\w-]+\.(?:com|co\.id|id)\s*/\s*", "", value, flags=re.I)  # "KOMPAS.com/Nama"
        for name in re.split(r"\s*(?:,|;|\s&\s|\sdan\s|\sand\s)\s*", value):
            name = clean_space(BYLINE_LABEL_RE.sub("", name)).strip(" -|·")
            code = re.fullmatch(r"[A-Z]{1,3}\d{2,3}", name)  # reporter codes such as "C31"
            if (
                name
                and len(name.split()) <= 6
                and (code or not re.search(r"\d{2}", name))
                and name not in names
            ):
                names.append(name)
    return names


def strip_title(title: str, site_names: list[str]) -> str:
    """Headline without " - Site" / "Site | " decorations."""
    tokens = [s.lower() for s in site_names if s]
    parts = _TITLE_SEPARATORS_RE.split(title)

    def is_site(part: str) -> bool:
        low = part.lower().strip()
        squashed = re.sub(r"[\s.]", "", low)
        return (
            bool(low)
            and (
                any(t in low or re.sub(r"[\s.]", "", t) in squashed for t in tokens)
                or bool(re.fullmatch(r"[\w-]+\.(?:com|co\.id|id|net|co)", low))
            )
            and len(part.split()) <= 4
        )

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATORS_RE.split(title)):
        return clean_space(title)
    # Rejoin with the original separators by slicing the original string.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return clean_space(title[start:end])


def _is_publisher(name: str, site_names: list[str]) -> bool:
    """ "Kompas Cyber Media", "PT. VIVA MEDIA BARU", a profile URL: the publisher, not a writer."""
    low = name.lower()
    if re.match(r"tim\s", low):  # a desk credit ("Tim detikBali", "Tim Redaksi") is kept as it is
        return False
    if low.startswith(("http://", "https://", "www.")) or re.match(r"pt\.?\s", low):
        return True
    if low in ("facebook", "twitter", "x", "whatsapp", "instagram", "line", "telegram", "email", "share"):
        return True
    labels = {n.lower().split(".")[0] for n in site_names if n}
    return any(label and label in low.replace(" ", "") for label in labels) and not re.search(
        r"\.(com|co\.id|id)\b", low
    )


def _site_names(url: str, meta: Metadata) -> list[str]:
    domain = registered_domain(url)
    label = domain.split(".")[0]
    return [n for n in (meta.site_name, domain, label) if n]


def _choose_title(sel: Selector, url: str, meta: Metadata, rules: Rules | None) -> str | None:
    if rules:
        found = _texts(sel, rules.title)
        if found:
            return found[0]
    names = _site_names(url, meta)
    candidates = [strip_title(t, names) for t in meta.titles]
    headings = [node_text(s.root) for s in sel.xpath("//h1")[:5]]
    squashed = {_squash(c) for c in candidates}
    for heading in headings:
        if len(heading.split()) < 3:  # "Regional": a section label in an <h1>, not the headline
            continue
        if _squash(heading) in squashed or any(heading in t for t in meta.titles):
            return heading
    return candidates[0] if candidates else next((h for h in headings if h), None)


def _squash(text: str) -> str:
    """Letters and digits only: "Raja Ampat: Apa Iya?" and "Raja Ampat Apa Iya" are one title."""
    return re.sub(r"\W+", "", text).lower()


def _choose_canonical(url: str, meta: Metadata, site: Site | None) -> str:
    url = drop_params(url, site.drop_params) if site else url
    for candidate in meta.canonical:
        candidate = candidate.strip()
        if not candidate.startswith(("http://", "https://")) or not same_site(candidate, url):
            continue
        if site and site.article_url is not None:
            if site.is_article_url(candidate):
                return drop_params(candidate, site.drop_params)
        elif urlsplit(candidate).path.strip("/"):
            return candidate
    return url


def _visible_dates(sel: Selector, content: html.HtmlElement | None) -> list[str]:
    """Short text nodes that look like dates, outside the body text: those after the headline
    first, then the few just above it (a date line printed over the title)."""
    root = sel.root
    h1 = next(iter(root.xpath("//h1")), None)
    before: list[str] = []
    found: list[str] = []
    target = before if h1 is not None else found
    # Inside the headline or the body text: skipped (a set, not an ancestor walk per element).
    inside = set(h1.iterdescendants()) if h1 is not None else set()
    if content is not None:
        inside.update(content.iter())
    for el in root.iter():
        if el is h1:
            target = found
            if h1.tail and 6 <= len(clean_space(h1.tail)) <= 100 and _DATE_HINT_RE.search(h1.tail):
                found.append(clean_space(h1.tail))
            continue
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el in inside:
            continue
        for text in (el.text, el.tail):
            text = clean_space(text)
            if 6 <= len(text) <= 100 and _DATE_HINT_RE.search(text):
                target.append(text)
        if el.tag == "time" and el.get("datetime"):  # after the text the page shows
            target.append(el.get("datetime").strip())
        if len(found) > 40:
            break
    return found + before[::-1][:3]


def _choose_date(
    meta_values: list[str], visible: list[str], reference: datetime, prefer_visible: bool
) -> str | None:
    """The raw date string to keep. The page's own visible string wins when it states a time
    and agrees with the declared instant (or nothing is declared): it carries the page's zone
    and minute; meta often carries a false UTC or a wrong offset."""
    declared = next(((m, iso) for m in meta_values if (iso := normalise_date(m, reference))), (None, None))
    meta_value, meta_iso = declared
    readings = [(text, iso) for text in visible if (iso := normalise_date(text, reference))]
    # Strings that state a time of day first: a bare day is a weaker reading of the same page.
    readings.sort(key=lambda pair: "T" not in pair[1])
    for text, iso in readings:
        if meta_iso is None or prefer_visible or _agrees(iso, meta_iso):
            return text
    return meta_value


def _agrees(visible: str, declared: str) -> bool:
    """The visible date says the same as the declared one: the same instant to the minute, or
    the same wall-clock minute under another offset (meta that stamps WIB times as UTC or
    -07:00: the page's own zone is the one to keep)."""
    if "T" not in visible:
        return False
    try:
        da, db = datetime.fromisoformat(visible), datetime.fromisoformat(declared)
    except ValueError:
        return False
    if da.tzinfo is None or db.tzinfo is None:
        return False
    if abs((da - db).total_seconds()) < 60:
        return True
    return da.replace(tzinfo=None, second=0) == db.replace(tzinfo=None, second=0)


Draft = dict[str, Any]


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


def extract_article(
    body: bytes | str | Selector,
    url: str,
    fetched_at: datetime,
    site: Site | None = None,
    content_type: str | None = None,
) -> dict[str, Any]:
    """The draft record of one page; raises ExtractionError with a reason when there is no article.
    A parsed page may be given instead of its bytes; it is read, never changed."""
    sel = body if isinstance(body, Selector) else parse(body, content_type)
    meta = read_metadata(sel)
    record = empty_record()
    record.update(url=url, fetched_at=_iso_utc(fetched_at))
    rules = site.rules if site else None
    record["site"] = site.name if site else registered_domain(url)

    found = read_body(sel, url, site, meta)
    paras, images, embeds, content = found.paragraphs, found.images, found.embeds, found.node
    record.update(extractor=found.extractor, pages=found.pages)
    site_rules = rules if record["extractor"] != "generic" else None
    title = _choose_title(sel, url, meta, site_rules)
    # A site that says where its date is gets no guessing of its own: when its selector finds
    # nothing, a date found on the page counts only if it agrees with the declared one (it fixes
    # a meta offset the site gets wrong); with nothing declared, the missing date is the signal
    # (health check) that the markup changed, not something to paper over.
    site_dated = bool(site_rules and site_rules.published)
    visible = _texts(sel, site_rules.published) if site_dated else []
    site_found = bool(visible)
    if not site_found and (not site_dated or meta.published):
        visible = _visible_dates(sel, content)
    published = _choose_date(
        meta.published,
        visible,
        fetched_at,
        bool(site_found and site_rules and site_rules.prefer_visible_date),
    )
    modified_visible = _texts(sel, site_rules.modified) if site_rules else []
    modified = _choose_date(meta.modified, modified_visible, fetched_at, bool(modified_visible))
    if not site_rules and not (published or meta.declares_article):
        raise ExtractionError("no article", "no date and no article metadata")
    if not site_rules and sum(len(p.split()) for p in paras) < MIN_GENERIC_WORDS:
        raise ExtractionError("no article text", "too little text")

    # A site that says where its byline is gets no guessing from meta tags that often name the
    # publisher ("Kompas Cyber Media"); JSON-LD author names still count.
    authors = []
    if site_rules and site_rules.authors:
        authors = clean_names(_texts(sel, site_rules.authors)) or clean_names(meta.ld_authors)
    if not authors:  # no site rules, or the site's byline moved: look where bylines usually are
        names = _site_names(url, meta)
        declared = [a for a in clean_names(meta.authors) if not _is_publisher(a, names)]
        authors = declared or [a for a in clean_names(generic_authors(sel)) if not _is_publisher(a, names)]
    editors = (clean_names(_texts(sel, site_rules.editors)) if site_rules else []) or clean_names(
        meta.editors or generic_editors(sel)
    )
    section = (_texts(sel, site_rules.section)[:1] if site_rules else []) or [
        meta.section or breadcrumb(sel, title)
    ]
    if site_rules and site_rules.tags:
        tags = _texts(sel, site_rules.tags) or meta.tags
    else:
        tags = generic_tags(sel) or meta.tags
    tags = [t for t in (clean_space(t.lstrip("#")) for t in tags) if t]
    if rules:
        tags = [t for t in tags if not any(r.fullmatch(t) for r in rules.drop_tags_res)]
    description = meta.description if (not rules or rules.meta_description) else None
    if description:
        description = re.sub(r"(?:\s+#\w+)+$", "", description).strip()
    if description and (len(description.split()) < 4 or description == title):
        description = None
    lead = [u for u in meta.images if re.search(r"/[^/?#]+\.\w{3,4}(?:[?#]|$)", u)]
    if not images and lead:
        images = [{"url": lead[0], "caption": None, "credit": None}]

    record.update(
        canonical_url=_choose_canonical(url, meta, site),
        title=title,
        description=description,
        authors=authors,
        editors=[e for e in editors if e not in authors],
        published_raw=published,
        modified_raw=modified,
        section=section[0] if section else None,
        tags=list(dict.fromkeys(t for t in tags if t)),
        text="\n\n".join(paras),
        images=unique_by_url(images),
        embeds=unique_by_url(embeds),
    )
    return record
