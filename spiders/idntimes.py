"""idntimes.com (SITES.md section 16): category / sub-category / slug-authorCode-articleCode on
www only (regional subdomains use another template). CSS-in-JS class names are hashed, so
selectors use ids and `data-testid` attributes.

Visible date "24 Jul 2026, 16:36 WIB" (3-letter month) in `<time>`; JSON-LD keywords carry a
placeholder "Update me", so tags come from the visible tag list; the section is the last
breadcrumb (the sub-category, "Indonesia"). Category hubs have no pagination without a query
string, which robots.txt disallows: sitemaps and the hubs' first page are the entry points.
"""

from crawler.site import Rules, Site, css, xpath

_BASE = "https://www.idntimes.com"


SITE = Site(
    name="idntimes",
    # www first: robots.txt (and its Sitemap: lines) is read from the first domain.
    allowed_domains=("www.idntimes.com", "idntimes.com"),
    start_urls=(f"{_BASE}/",),
    sections={hub: [f"{_BASE}/{hub}"] for hub in ("news", "tech", "sport")},
    listing_next=(),
    article_url=r"^https://www\.idntimes\.com/[a-z-]+/[a-z-]+/[a-z0-9-]+-[a-z0-9]{5}-[a-z0-9]{6}/?$",
    skip_url=r"^https://www\.idntimes\.com/(?:tag|author|search|ajax|v1|tag-manager)(?:/|$)",
    rules=Rules(
        title=css(
            'h1[data-testid="title-article"]',
            "h1",
        ),
        published=css(
            '[data-testid="publish-date-article"] time',
            "time",
        ),
        authors=css('[data-testid^="author-article"]'),
        section=xpath('(//*[starts-with(@data-testid, "breadcrumbs-")])[last()]'),
        tags=css(
            "#tag-list a span",
            '[data-testid="tag-list"] a',
        ),
        drop_tags=(r"update me",),  # a CMS placeholder left in JSON-LD keywords
        body=css("#article-description"),
    ),
)
