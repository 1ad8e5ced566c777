"""The record's fields, each resolved in one place and in one order: the site's selectors, then
what the page declares (:class:`Metadata`: JSON-LD, OpenGraph, meta tags), then where pages
usually print it. A field that departs from that order says why where it does. The dates have
their own module, :mod:`crawler.extraction.datefields`.

``rules`` is the site's rules when they read the body, else None: a page whose body the site's
selector missed is read like any page, since the site's other selectors have likely moved too.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from lxml import html
from parsel import Selector

from crawler.extraction.document import clean_space, node_text
from crawler.extraction.furniture import NON_CONTENT_XPATH
from crawler.extraction.generic import (
    breadcrumb,
    byline_names,
    generic_authors,
    generic_editors,
    generic_tags,
    labelled_editors,
)
from crawler.extraction.media import Image, unique_by_url
from crawler.extraction.metadata import Metadata
from crawler.extraction.names import clean_names, is_publisher, is_site_name, site_names, strip_title
from crawler.extraction.urls import same_site
from crawler.site import Queries, Rules, Site, drop_params, first_match

FUZZY_TITLE_RATIO = 0.9  # squashed headings this alike are one headline with a typo fixed


def site_texts(scope: Selector, queries: Queries, bylines: bool = False) -> list[str]:
    """What the first matching selector finds, each text once: an element's visible text, or
    the string an attribute or ``text()`` selector gives. With ``bylines``, an element's names
    are read apart (:func:`byline_names`)."""
    values: list[str] = []
    for found in first_match(scope, queries):
        root = found.root
        if isinstance(root, html.HtmlElement):
            texts = byline_names(root) if bylines else [node_text(root)]
        else:
            texts = [clean_space(str(found.get()))]
        values += [t for t in texts if t and t not in values]
    return values


def resolve_title(doc: Selector, url: str, meta: Metadata, rules: Rules | None) -> str | None:
    """The headline as the site shows it, without the site's name. The site's own name is never
    the headline, wherever it sits: a logo <h1>, an og:title or <title> that is only the name."""
    names = title_site_names(doc, url, meta)
    if rules:
        found = [t for t in site_texts(doc, rules.title) if not is_site_name(t, names)]
        if found:
            return found[0]
    declared = [t for t in (strip_title(t, names) for t in meta.titles) if t and not is_site_name(t, names)]
    h1s = _headings(doc, "(//h1)[position() <= 5]", names)
    h2s = _headings(doc, "(//h2)[position() <= 15]", names)
    # The page before the declared titles when a heading repeats one of them: it is the headline
    # as shown, where declared titles carry the site's name, other wording, or were cut short.
    # An <h2> counts on themes whose <h1> is the logo, when it is the declared headline itself.
    for heading in h1s + h2s:
        if len(heading.split()) < 3:  # "Regional": a section label in an <h1>, not the headline
            continue
        if any(_same_title(heading, t) for t in declared) or (
            heading in h1s and any(heading in t for t in meta.titles)
        ):
            return heading
    if declared:
        return _likeliest(declared, url)
    entry = _headings(doc, _ENTRY_H2, names)  # nothing declared but the site's name
    return next(iter(h1s + entry), None)


# An <h2> that titles the article's own box: inside <article> or <main>, or classed as a title.
_ENTRY_H2 = (
    "(//h2[ancestor::article or ancestor::main or contains(@class, 'entry-title')"
    " or contains(@class, 'post-title') or contains(@class, 'article-title')])[position() <= 3]"
)


LOGO_CLASSES = ("site-title", "site-name", "logo", "brand")
_LOGO = re.compile("|".join(map(re.escape, LOGO_CLASSES))).search  # one search per element


def _logos(root: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements that carry the site's name, in document order: a heading, paragraph, box
    or link classed as its logo or title, or a link home (one walk of the tree; libxml2 took
    ten times longer on the same test as XPath)."""
    found = []
    for node in root.iter("h1", "p", "div", "span", "a"):
        if _LOGO(node.get("class") or "") or (node.tag == "a" and node.get("rel") == "home"):
            found.append(node)
    return found


def title_site_names(doc: Selector, url: str, meta: Metadata) -> list[str]:
    """Every name the site goes by on this page: declared, its domain, and its logo's text."""
    texts = [node_text(n) for n in _logos(doc.root)[:10]]
    texts += doc.xpath("//@class[contains(., 'logo')]/..//img/@alt").getall()[:5]
    brands = [t for t in (clean_space(t) for t in texts) if t and len(t.split()) <= 5]
    return list(dict.fromkeys(site_names(url, meta) + meta.brands + brands))


def _headings(doc: Selector, query: str, names: list[str]) -> list[str]:
    """The texts of the headings a query finds, outside navigation, never the site's name."""
    texts = [node_text(h.root) for h in doc.xpath(query) if not h.root.xpath(NON_CONTENT_XPATH)]
    return [t for t in dict.fromkeys(texts) if t and not is_site_name(t, names)]


def _same_title(heading: str, declared: str) -> bool:
    """The same headline, give or take punctuation, a few letters, or a declared title cut short
    (a broken attribute, a length limit: "Saksi Kecewa Kunjungan Ahok...")."""
    a, b = _squash(heading), _squash(declared.rstrip(".… "))
    if not a or not b:
        return False
    if a == b or SequenceMatcher(None, a, b).ratio() >= FUZZY_TITLE_RATIO:
        return True
    return len(declared.split()) >= 4 and a.startswith(b)


def _likeliest(declared: list[str], url: str) -> str:
    """Of the declared titles, the one sharing most words with the URL's slug; the most trusted
    one on a tie. An og:title that is the home page's title on every page shares none."""
    slug = set(re.findall(r"[a-z0-9]{3,}", urlsplit(url).path.lower()))
    return max(declared, key=lambda t: len(slug & set(re.findall(r"[a-z0-9]{3,}", t.lower()))))


def _squash(text: str) -> str:
    """Letters and digits only: "Raja Ampat: Apa Iya?" and "Raja Ampat Apa Iya" are one title."""
    return re.sub(r"\W+", "", text).lower()


def resolve_canonical(url: str, meta: Metadata, site: Site | None) -> str:
    """The declared canonical URL when it is a real article URL of the same site, else the URL
    fetched; a site's query switches that never change the article are dropped."""
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


def resolve_authors(doc: Selector, url: str, meta: Metadata, rules: Rules | None) -> list[str]:
    """The people credited with writing; the publisher ("Kompas Cyber Media") is not one, nor
    the account that edited the page when the page declares it as the author."""
    if rules and rules.authors:
        found = _site_authors(doc, meta, rules)
        if found:
            return found
    # No site rules, or the site's byline moved: look where bylines usually are.
    names = site_names(url, meta)
    declared = [a for a in clean_names(meta.authors) if not is_publisher(a, names)]
    editors = tuple(labelled_editors(doc)) if declared else ()
    if declared and not set(declared) <= set(editors):
        return declared
    # None declared, or the declared "author" is the page's editor: the writer the page shows,
    # when it shows another one; a byline naming only the outlet beats crediting the editor.
    shown = [a for a in clean_names(generic_authors(doc, editors)) if a not in editors]
    people = [a for a in shown if not is_publisher(a, names)]
    if declared and not people:
        return [a for a in shown if not a.lower().startswith(("http", "www."))] or declared
    return people


def _site_authors(doc: Selector, meta: Metadata, rules: Rules) -> list[str]:
    """A site that says where its byline is gets no guessing from meta tags that often name
    the publisher; its JSON-LD author names count as declared, with no publisher filter."""
    found = clean_names(site_texts(doc, rules.authors, bylines=True))
    declared = clean_names(meta.ld_authors)
    # A byline that shows the first of the declared writers only ("By Nama Satu" where the
    # JSON-LD names two): the declared list is the whole credit.
    if found and set(found) < set(declared):
        return declared
    if found or not declared or set(declared) <= set(labelled_editors(doc)):
        return found  # nothing, when the declared author is the page's editor: read the page
    return declared


def resolve_editors(doc: Selector, meta: Metadata, rules: Rules | None, authors: list[str]) -> list[str]:
    """The people credited as editors, except those already credited as authors."""
    found = clean_names(site_texts(doc, rules.editors)) if rules else []
    editors = found or clean_names(meta.editors or generic_editors(doc))
    return [e for e in editors if e not in authors]


def resolve_section(doc: Selector, meta: Metadata, rules: Rules | None, title: str | None) -> str | None:
    """The site's section or channel ("Internasional")."""
    found = site_texts(doc, rules.section) if rules else []
    return found[0] if found else meta.section or breadcrumb(doc, title)


def resolve_tags(doc: Selector, meta: Metadata, rules: Rules | None, site: Site | None) -> list[str]:
    """The article's tags, each once, without "#" and without the labels the site says are not tags."""
    if rules and rules.tags:
        tags = site_texts(doc, rules.tags) or meta.tags
    else:
        # The page's tag links before the declared keywords: keywords are often SEO lists
        # ("Berita Terkini ...") or carry CMS placeholders, where the links are the site's tags.
        tags = generic_tags(doc) or meta.tags
    tags = [t for t in (clean_space(t.lstrip("#")) for t in tags) if t]
    if site and site.rules:  # the site's own labels, whichever path read the body
        tags = [t for t in tags if not any(r.fullmatch(t) for r in site.rules.drop_tags_res)]
    return list(dict.fromkeys(t for t in tags if t))


def resolve_description(meta: Metadata, site: Site | None, title: str | None) -> str | None:
    """The lead the page declares, without a trailing run of hashtags. A few words, or the
    headline again, is no lead."""
    # Dropped when the site says its declared description is a slogan, whichever path read
    # the body: the slogan is on every page of the site.
    if site and site.rules and not site.rules.meta_description:
        return None
    description = meta.description
    if description:
        description = re.sub(r"(?:\s+#\w+)+$", "", description).strip()
    if description and (len(description.split()) < 4 or description == title):
        return None
    return description


def resolve_images(found: list[Image], meta: Metadata) -> list[Image]:
    """The body's images, each once; the declared lead image when the body has none."""
    # The page before the declared image: the body's images carry their captions and credits,
    # the declared one is a bare URL (an image file's, or it is not used).
    lead = [u for u in meta.images if re.search(r"/[^/?#]+\.\w{3,4}(?:[?#]|$)", u)]
    if not found and lead:
        return [{"url": lead[0], "caption": None, "credit": None}]
    return unique_by_url(found)
