"""mediaindonesia.com (SITES.md section 20): kanal / numeric id / slug, no known sitemap.

The visible date "08/1/2026 20:19" is D/M/YYYY with an unpadded month and no zone (WIB).
The lead has no dateline (its first word is in capitals) and ends with a desk code "(H-4)".
`.author-2` may read just "Media Indonesia"; the editor is in `.info-author` after the body.
Lists are offset-paged by path (`/indeks/20/40`, `/ekonomi/20/40`), not by query.
"""

import re

from spiders.base import NewsSpider

_BASE = "https://mediaindonesia.com"
# A listing path and its offset: "/indeks", "/ekonomi/20/40".
_LIST_PATH = re.compile(r"^(https?://(?:www\.)?mediaindonesia\.com/[a-z0-9-]+)(?:/(\d+)/(\d+))?/?$")
_STEP = 20


class MediaIndonesiaSpider(NewsSpider):
    name = "mediaindonesia"
    allowed_domains = ["mediaindonesia.com"]
    start_urls = [f"{_BASE}/", f"{_BASE}/indeks"]
    sections = {
        kanal: [f"{_BASE}/{kanal}"]
        for kanal in ("ekonomi", "politik-dan-hukum", "humaniora", "olahraga", "jelita", "opini", "weekend")
    }
    # kanal / numeric id / slug with a letter (the offset lists /indeks/20/40 have digits there).
    article_url = r"^https?://(?:www\.)?mediaindonesia\.com/[a-z0-9-]+/\d+/[a-z0-9-]*[a-z][a-z0-9-]*/?$"
    skip_url = r"^https?://(?:www\.)?mediaindonesia\.com/(?:video|galleries|tag|author|indeks|search)(?:/|$)"

    title_css = (".post-header h1", "h1")
    published_css = (".post-header .datetime::text", ".datetime::text")
    authors_css = (".post-header .author-2", ".author-2")
    editors_css = (".info-author a.author", ".info-author a")
    section_css = (".mi-breadcrumb li:nth-child(2) a",)
    tags_css = ("ul.related-tags a::attr(title)",)
    body_css = ("div.article",)
    prune_css = (
        "p.related-news",
        ".flying-carpet",
        ".dfp-ad",
        "._ap_apex_ad",
        ".ext-channel",
        ".info-author",
        "ul.related-tags",
        ".share-group",
    )

    def next_listing_url(self, response):
        """The rel=next link if there is one, else the next offset page of /indeks or a kanal."""
        found = super().next_listing_url(response)
        if found:
            return found
        match = _LIST_PATH.match(response.url)
        if not match:
            return None
        offset = int(match.group(3) or 0) + int(match.group(2) or _STEP)
        return f"{match.group(1)}/{match.group(2) or _STEP}/{offset}"
