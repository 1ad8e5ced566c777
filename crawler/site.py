"""A site, declared as checked data: what it is, where its articles are, how they are found.

A site file in ``spiders/`` holds one ``SITE = Site(...)``. Every name is a dataclass field, so
a misspelt rule (``autor=``) fails when the file is imported, and every selector says what it
is: ``css(...)`` (parsel's ``::text`` and ``::attr(name)`` work) or ``xpath(...)``, each
checked when declared. Extraction reads ``Site.rules`` and the URL shape; the crawl reads the
entry points and the knobs for listings and split articles. Nothing here needs Scrapy, so
``warta extract`` finds a site's rules without starting it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from functools import cached_property
from urllib.parse import urljoin, urlsplit

from lxml import etree
from parsel import Selector, SelectorList
from parsel.csstranslator import HTMLTranslator
from w3lib.url import add_or_replace_parameter, url_query_cleaner, url_query_parameter

from crawler.extraction.dates import zone_named

EXSLT_REGEX = {"re": "http://exslt.org/regular-expressions"}
ALL_PARAMS = "*"  # in ``drop_params``: article links never need their query


# A step of cssselect's XPath whose whole predicate is one class test (``.name``, ``div.name``):
# the node test (after an axis or a slash), the predicate, and then the end of the step.
_CLASS_STEP = re.compile(
    r"(?:(?<=::)|(?<=/)|^)(\*|[A-Za-z][\w-]*)"
    r"\[@class and contains\(@class, ('[^']+')\) "
    r"and contains\(concat\(' ', normalize-space\(@class\), ' '\), ('[^']+')\)\]"
    r"(?=/| |$)"
)


def class_steps_on_attributes(compiled: str) -> str:
    """The same selection, with each step that tests one class tested on the class attributes
    (``*/@class[test]/..``) instead of on every element (``*[@class and test]``). libxml2 builds
    a node-set for ``@class`` in each element's predicate; on the attribute axis it reads one
    string: a page's class queries (a fifth of the time of a site's page) take a third of the
    time. Only a step whose predicate is exactly that test, with no predicate after it, is
    rewritten, so position tests keep their meaning."""
    test = r"\1/@class[contains(., \2) and contains(concat(' ', normalize-space(.), ' '), \3)]/.."
    return _CLASS_STEP.sub(test, compiled)


@dataclass(frozen=True)
class Query:
    """One selector, CSS or XPath, compiled once when declared so a broken one fails at import."""

    text: str
    is_xpath: bool = False
    # The XPath it runs as: CSS is translated once here, as parsel's css() would on every call.
    compiled: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            if self.is_xpath:
                etree.XPath(self.text, namespaces=EXSLT_REGEX)
                compiled = self.text
            else:
                compiled = class_steps_on_attributes(HTMLTranslator().css_to_xpath(self.text))
        except Exception as exc:  # noqa: BLE001 - cssselect and lxml raise several kinds
            kind = "XPath" if self.is_xpath else "CSS"
            raise ValueError(f"not a valid {kind} selector: {self.text!r} ({exc})") from exc
        object.__setattr__(self, "compiled", compiled)

    def select(self, scope: Selector, **variables: str) -> SelectorList[Selector]:
        """Every match; XPath may use the variables given (``$path``)."""
        return scope.xpath(self.compiled, namespaces=None, **variables)


Queries = tuple[Query, ...]


def css(*texts: str) -> Queries:
    return tuple(Query(text) for text in texts)


def xpath(*texts: str) -> Queries:
    return tuple(Query(text, is_xpath=True) for text in texts)


def first_match(scope: Selector, queries: Queries, **variables: str) -> list[Selector]:
    """The matches of the first query that finds something (an empty string is no match):
    alternatives are tried in order, one per markup era."""
    for query in queries:
        found = [f for f in query.select(scope, **variables) if not isinstance(f.root, str) or f.root.strip()]
        if found:
            return found
    return []


def all_matches(scope: Selector, queries: Queries) -> list[Selector]:
    return [found for query in queries for found in query.select(scope)]


def _patterns(texts: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(text, re.IGNORECASE) for text in texts)


@dataclass(frozen=True)
class Rules:
    """Where things are on the site's article pages. Each field lists alternatives, tried in
    order (markup eras); a field that finds nothing falls back to declared metadata and then to
    where pages usually put it."""

    title: Queries = ()
    published: Queries = ()  # the visible publication date
    modified: Queries = ()
    authors: Queries = ()
    editors: Queries = ()
    section: Queries = ()
    tags: Queries = ()
    body: Queries = ()
    prune: Queries = ()  # removed inside the body before its text is read (every query)
    images: Queries = ()  # containers outside the body holding the lead image and its caption
    pages: Queries = ()  # page blocks when every page is in one response, or a page count
    drop_text: tuple[str, ...] = ()  # regexes of paragraphs of this site that are never text
    drop_tags: tuple[str, ...] = ()  # regexes of tag values that are labels, not tags
    prefer_visible_date: bool = True  # the date the page shows wins over meta that lies
    meta_description: bool = True  # False where the meta description is a site slogan

    @cached_property
    def drop_text_res(self) -> tuple[re.Pattern[str], ...]:
        return _patterns(self.drop_text)

    @cached_property
    def drop_tags_res(self) -> tuple[re.Pattern[str], ...]:
        return _patterns(self.drop_tags)


@dataclass(frozen=True)
class AllPages:
    """Split articles whose pages all come in one response when asked with ``param``.
    ``when`` empty: every article is asked for that way. Otherwise an article is fetched as
    linked and fetched again that way only when ``when`` matches its page (a pager, a stated
    page count); XPath may use ``$path``, the URL's path without its leading slash."""

    param: tuple[str, str]
    when: Queries = ()


@dataclass(frozen=True)
class OffsetPager:
    """Listings that go on by a number in their URL: ``pattern`` finds it (a named group
    ``offset``, absent on page 1), ``template`` writes the matched part back with the offset
    ``step`` higher (``{offset}`` and the pattern's other named groups)."""

    pattern: str
    template: str
    step: int

    def next_url(self, url: str) -> str | None:
        found = re.search(self.pattern, url)
        if not found:
            return None
        groups = {k: v or "" for k, v in found.groupdict().items()}
        groups["offset"] = str(int(found.group("offset") or 0) + self.step)
        return url[: found.start()] + self.template.format(**groups) + url[found.end() :]


DayIndex = Callable[[date, Sequence[str]], list[str]]


@dataclass(frozen=True, eq=False)
class Site:
    """One news site. ``name`` is its key (``warta crawl NAME``, the record's ``site``)."""

    name: str
    allowed_domains: tuple[str, ...] = ()  # the first one's robots.txt is read
    # Entry points: listing pages, feeds and sitemaps (which is which is read from the content).
    start_urls: tuple[str, ...] = ()
    sections: Mapping[str, Sequence[str]] = field(default_factory=dict)  # key -> its entry points
    robots_sitemaps: bool = True  # follow the "Sitemap:" lines of robots.txt
    day_index: DayIndex | None = None  # dated index pages of one day (day, selected sections)
    article_url: str | None = None  # regex every article URL matches
    skip_url: str | None = None  # regex of URLs that are never articles (photo, video, live)
    drop_params: tuple[str, ...] = ()  # query parameters that never change the article ("*": all)
    # Listing pagination: next-page links, an offset in the path, or a query parameter counted up.
    listing_next: Queries = css("a[rel=next]::attr(href)")
    listing_offset: OffsetPager | None = None
    listing_param: str | None = None
    # Split articles: every page at once, or links to the next page followed in turn.
    all_pages: AllPages | None = None
    next_article_page_links: Queries = ()
    rules: Rules | None = field(default_factory=Rules)  # None: the generic path reads every page
    # The zone of times the site prints without one (WIB, WITA, WIT or "+08:00"): outlets in
    # Makassar or Jayapura print "10:15" and mean WITA or WIT.
    timezone: str = "WIB"
    _article_re: re.Pattern[str] | None = field(init=False, repr=False, default=None)
    _skip_re: re.Pattern[str] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        """The URL patterns compiled once, here, so a broken regex fails when the file is imported."""
        object.__setattr__(self, "_article_re", re.compile(self.article_url) if self.article_url else None)
        object.__setattr__(self, "_skip_re", re.compile(self.skip_url) if self.skip_url else None)
        zone_named(self.timezone)  # a zone no one can read fails when the file is imported

    @property
    def zone(self) -> tzinfo:
        return zone_named(self.timezone)

    def is_article_url(self, url: str) -> bool:
        """The one definition of an article URL of this site: its shape, and not skipped."""
        return not self.skips(url) and bool(self._article_re and self._article_re.search(url))

    def skips(self, url: str) -> bool:
        return bool(self._skip_re and self._skip_re.search(url))

    def article_link(self, url: str) -> str:
        """A link as it is fetched: no fragment, no query switch that never changes the article."""
        return drop_params(url.split("#")[0], self.drop_params)

    def fetch_url(self, url: str) -> str:
        """An article URL as first fetched: with the all-pages switch when every article is asked
        for that way."""
        ask = self.all_pages
        if ask and not ask.when and url_query_parameter(url, ask.param[0]) is None:
            return add_or_replace_parameter(url, *ask.param)
        return url

    def all_pages_url(self, url: str, doc: Selector) -> str | None:
        """Page 1 of a split article asked again for every page at once, when the page says it
        is split and was not asked that way."""
        ask = self.all_pages
        if ask is None or not ask.when or url_query_parameter(url, ask.param[0]) == ask.param[1]:
            return None
        if not first_match(doc, ask.when, path=urlsplit(url).path.lstrip("/")):
            return None
        return add_or_replace_parameter(url.split("#")[0], *ask.param)

    def next_article_page(self, url: str, doc: Selector) -> str | None:
        return _first_link(url, doc, self.next_article_page_links)

    def next_listing_url(self, url: str, doc: Selector) -> str | None:
        """The next page of a listing: an offset in its URL, a next-page link, or a counted parameter."""
        offset = self.listing_offset.next_url(url) if self.listing_offset else None
        found = offset or _first_link(url, doc, self.listing_next)
        if found or not self.listing_param:
            return found
        number = int(url_query_parameter(url, self.listing_param) or 1) + 1
        return add_or_replace_parameter(url, self.listing_param, str(number))

    def handles(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def check_sections(self, wanted: Sequence[str]) -> None:
        unknown = [s for s in wanted if s not in self.sections]
        if unknown:
            known = ", ".join(self.sections) or "none"
            raise ValueError(f"{self.name} has no section {', '.join(unknown)} (has: {known})")

    def robots_url(self) -> str | None:
        """robots.txt of the first domain, when its "Sitemap:" lines are to be followed."""
        return (
            f"https://{self.allowed_domains[0]}/robots.txt"
            if self.robots_sitemaps and self.allowed_domains
            else None
        )

    def entry_points(self, only_sections: Sequence[str] = ()) -> list[str]:
        """Listing pages and feeds to start from: all of them, or those of some sections."""
        urls = [] if only_sections else list(self.start_urls)
        for key, found in self.sections.items():
            if not only_sections or key in only_sections:
                urls += found
        return list(dict.fromkeys(urls))


def _first_link(url: str, doc: Selector, queries: Queries) -> str | None:
    for found in first_match(doc, queries):
        href = str(found.get()).strip()
        if href and not href.startswith(("#", "javascript:")):
            return urljoin(url, href)
    return None


def drop_params(url: str, names: Sequence[str]) -> str:
    """The URL without the named query parameters (``"*"``: without its query): a site's own
    switches that never change the article (tempo 2015 serves the same page with ``?i=1``)."""
    if not names or "?" not in url:
        return url
    if ALL_PARAMS in names:
        return url.split("?")[0]
    return url_query_cleaner(url, names, remove=True, unique=False, keep_fragments=True)
