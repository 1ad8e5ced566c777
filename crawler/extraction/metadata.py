"""Machine-readable metadata: JSON-LD, OpenGraph, meta tags and rel=canonical.

Read first, because it is what the publisher declares; the visible page comes second.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from parsel import Selector

from crawler.extraction.document import clean_space

ARTICLE_TYPES = frozenset(
    [
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ReviewNewsArticle",
    ]
)
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
    "dtk:publishdate", "content_PublishedDate", "publish-date", "date", "dc.date",
    "dc.date.issued", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SITE_TYPES = frozenset(["WebSite", "Organization", "NewsMediaOrganization"])
MAX_LD_CHARS = 1_000_000  # one JSON-LD block; a larger one is skipped
MAX_LD_DEPTH = 20  # nesting kept of a JSON-LD block


@dataclass
class Metadata:
    titles: list[str] = field(default_factory=list)  # in order of trust
    description: str | None = None
    site_name: str | None = None
    brands: list[str] = field(default_factory=list)  # every name the site declares for itself
    canonical: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    ld_authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    declares_article: bool = False  # JSON-LD article type or og:type "article"


MetaTags = dict[str, list[str]]  # a <meta> name (property, name or itemprop) -> its contents


def meta_tags(sel: Selector) -> MetaTags:
    """Every ``<meta content>`` by each name it declares (property, name, itemprop), contents
    in document order: read in one pass, where asking the page once per name scanned it
    thirty times (a fifth of a page's extraction on large pages)."""
    tags: MetaTags = {}
    for element in sel.xpath("//meta[@content]"):
        attrib = element.attrib
        for name in {attrib.get(key) or "" for key in ("property", "name", "itemprop")} - {""}:
            tags.setdefault(name, []).append(attrib["content"])
    return tags


def _itemprop_dates(sel: Selector) -> dict[str, list[str]]:
    """``datetime`` and ``content`` values of the elements marked itemprop datePublished or
    dateModified, in document (and attribute) order: one pass for both."""
    found: dict[str, list[str]] = {}
    # Tested on the attributes, not on every element (libxml2 builds a node-set for each @):
    for element in sel.xpath('//@itemprop[. = "datePublished" or . = "dateModified"]/..'):
        for attribute, value in element.attrib.items():
            if attribute in ("datetime", "content") and value.strip():
                found.setdefault(element.attrib["itemprop"], []).append(value.strip())
    return found


def _meta(tags: MetaTags, name: str) -> list[str]:
    return [v for v in (clean_space(x) for x in tags.get(name, ())) if v]


def _first(tags: MetaTags, *names: str) -> str | None:
    for name in names:
        values = _meta(tags, name)
        if values:
            return values[0]
    return None


def json_ld_objects(sel: Selector) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph flattened, in document order; broken or
    oversized blocks are skipped."""
    found: list[dict[str, Any]] = []
    for raw in sel.xpath('//script[@type="application/ld+json"]/text()').getall():
        stack = [_load_json_ld(raw)]
        while stack:  # depth first, the next item at the end: linear in the block's size
            item = stack.pop()
            if isinstance(item, list):
                stack += reversed(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack += reversed(item["@graph"])
    return found


def _load_json_ld(raw: str) -> Any:
    """One script block's data, or None. A block over MAX_LD_CHARS is skipped unparsed, and what
    nests deeper than MAX_LD_DEPTH is cut off, so no later walk over it recurses further; real
    blocks are a few kilobytes, a few levels deep."""
    if len(raw) > MAX_LD_CHARS:
        return None
    try:
        return _clip(json.loads(_CONTROL_RE.sub(" ", raw.strip().rstrip(";"))), MAX_LD_DEPTH)
    except (ValueError, RecursionError):  # the json module gives up on very deep nesting
        return None


def _clip(value: Any, depth: int) -> Any:
    """The value with lists and objects below ``depth`` levels replaced by None."""
    if isinstance(value, dict):
        return {k: _clip(v, depth - 1) for k, v in value.items()} if depth > 0 else None
    if isinstance(value, list):
        return [_clip(v, depth - 1) for v in value] if depth > 0 else None
    return value


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k for k in kinds if isinstance(k, str)}  # a list may hold anything: [[]] crashed here


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author/editor value (str, dict or list of those)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and clean_space(name):
            names.append(clean_space(name))
    return names


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [t for t in (clean_space(x) for x in value.split(",")) if t]
    if isinstance(value, list):
        return [t for x in value for t in _strings(x)]
    return []


def _url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, list) and value:
        return _url(value[0])
    return value if isinstance(value, str) and value.startswith("http") else None


def _position(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _crumb(objects: list[dict[str, Any]]) -> str | None:
    """The section from a JSON-LD BreadcrumbList: the last item before the article itself,
    skipping the home page."""
    lists = [o for o in objects if "BreadcrumbList" in _types(o)]
    lists += [o["breadcrumb"] for o in objects if isinstance(o.get("breadcrumb"), dict)]
    for crumbs in lists:
        items = crumbs.get("itemListElement")
        if not isinstance(items, list):
            continue
        items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i.get("position")))
        found = [_names(i.get("item")) or _names(i) for i in items]
        names = [n[0] for n in found if n and n[0].lower() not in ("home", "beranda", "index", "indeks")]
        if len(names) >= 2:
            return names[-2]
        if names:
            return names[0]
    return None


def _brands(tags: MetaTags, objects: list[dict[str, Any]], article: dict[str, Any]) -> list[str]:
    """The names the site declares for itself: og:site_name, application-name, the JSON-LD
    publisher and WebSite names. A declared title equal to one of them is no headline."""
    declared = ("og:site_name", "application-name", "apple-mobile-web-app-title")
    names = [v for n in declared for v in _meta(tags, n)[:1]]
    names += _names(article.get("publisher"))
    names += [n for o in objects if _types(o) & _SITE_TYPES for n in _names(o)]
    return list(dict.fromkeys(names))


def read_metadata(sel: Selector) -> Metadata:
    """Everything the page declares about itself, most trusted source first."""
    meta = Metadata()
    tags = meta_tags(sel)
    objects = json_ld_objects(sel)
    article = next((o for o in objects if _types(o) & ARTICLE_TYPES), {})
    meta.declares_article = bool(article) or (_first(tags, "og:type") or "").lower() == "article"
    headline = article.get("headline")
    if isinstance(headline, str) and clean_space(headline):
        meta.titles.append(clean_space(headline))
    for name in ("og:title", "twitter:title"):
        meta.titles += _meta(tags, name)[:1]
    page_title = clean_space(sel.xpath("//title[1]//text()").get(""))
    if page_title:
        meta.titles.append(page_title)

    description = article.get("description")
    meta.description = (
        clean_space(description) if isinstance(description, str) and description.strip() else None
    ) or _first(tags, "og:description", "description", "twitter:description")
    meta.site_name = _first(tags, "og:site_name", "application-name")
    meta.brands = _brands(tags, objects, article)

    meta.canonical = [
        u for u in [
            sel.xpath('//link[@rel="canonical"]/@href').get(),
            _first(tags, "og:url"),
            _url(article.get("mainEntityOfPage")),
            _url(article.get("url")),
        ] if u
    ]  # fmt: skip

    itemprop_dates = _itemprop_dates(sel)
    for key, names, target in (
        ("datePublished", PUBLISHED_META, meta.published),
        ("dateModified", MODIFIED_META, meta.modified),
    ):
        value = article.get(key)
        if isinstance(value, str) and value.strip():
            target.append(value.strip())
        for name in names:
            target += _meta(tags, name)[:1]
        target += itemprop_dates.get(key, [])[:1]

    meta.ld_authors = _names(article.get("author"))
    meta.authors = meta.ld_authors or _meta(tags, "author")[:1]
    meta.editors = _names(article.get("editor"))
    section = article.get("articleSection")
    meta.section = next(iter(_strings(section)), None) or _first(tags, "article:section") or _crumb(objects)
    meta.tags = (
        _strings(article.get("keywords"))
        or _meta(tags, "article:tag")
        or _strings(_first(tags, "news_keywords", "keywords") or "")
    )
    image = article.get("image")
    meta.images = [u for u in [_url(image)] if u] + _meta(tags, "og:image")[:1]
    return meta
