"""Site rules: where things are on one site, as data.

A site file (a spider in ``spiders/``) declares these as class attributes; extraction reads
them through :class:`SiteRules` so ``crawler/`` never imports a spider module.
Selectors are CSS unless they start with ``/`` or ``(`` (XPath); parsel's ``::text`` and
``::attr(name)`` work. Each field lists alternatives, tried in order (markup eras).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Selectors = tuple[str, ...]


@dataclass(frozen=True)
class SiteRules:
    key: str
    domains: tuple[str, ...] = ()
    article_url: re.Pattern[str] | None = None
    title: Selectors = ()
    published: Selectors = ()  # visible publication date text
    modified: Selectors = ()
    authors: Selectors = ()
    editors: Selectors = ()
    section: Selectors = ()
    tags: Selectors = ()
    body: Selectors = ()
    prune: Selectors = ()  # removed inside the body before text is read
    images: Selectors = ()  # containers outside the body holding the lead image and caption
    pages: Selectors = ()  # page blocks when every page is in one response (liputan6 [data-page])
    drop_text: tuple[re.Pattern[str], ...] = ()  # paragraphs of this site that are never text
    drop_tags: tuple[re.Pattern[str], ...] = ()  # tag values that are channel labels, not tags
    drop_params: tuple[str, ...] = ()  # query parameters of this site that never change the article
    # Prefer the date the page shows over meta/JSON-LD (sites whose meta times lie).
    prefer_visible_date: bool = True
    # Whether meta description is a real lead (False where it is a static site slogan).
    meta_description: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def is_article_url(self, url: str) -> bool:
        return bool(self.article_url and self.article_url.search(url))


def is_xpath(query: str) -> bool:
    return query.startswith(("/", "(", "./"))


RULE_FIELDS = (
    "title", "published", "modified", "authors", "editors", "section", "tags", "body", "prune",
    "images", "pages",
)  # fmt: skip


def rules_from_class(cls: type) -> SiteRules:
    """Build rules from a site spider's class attributes (``title_css``-style names)."""
    pattern = getattr(cls, "article_url", None)
    if isinstance(pattern, str):
        pattern = re.compile(pattern)
    selectors = {name: tuple(getattr(cls, f"{name}_css", ()) or ()) for name in RULE_FIELDS}
    return SiteRules(
        key=cls.name,
        domains=tuple(getattr(cls, "allowed_domains", ()) or ()),
        article_url=pattern,
        prefer_visible_date=getattr(cls, "prefer_visible_date", True),
        meta_description=getattr(cls, "meta_description", True),
        drop_text=tuple(re.compile(p, re.I) for p in getattr(cls, "drop_text", ())),
        drop_tags=tuple(re.compile(p, re.I) for p in getattr(cls, "drop_tags", ())),
        drop_params=tuple(getattr(cls, "drop_params", ())),
        **selectors,
    )
