"""katadata.co.id (SITES.md section 23): evidence is news-watch only.

Article URLs end in a hex id and a slug after any number of channel segments. `/indeks` gives
the latest cards; its later pages need a POST cursor, and search is a POST JSON API, so neither
is followed. The visible date format is not established: the meta date (with its offset) is
kept unless the visible `.detail-date` states the same minute.
"""

from crawler.site import Rules, Site, css, xpath

SITE = Site(
    name="katadata",
    allowed_domains=("katadata.co.id",),
    start_urls=(
        "https://katadata.co.id/indeks",
        "https://katadata.co.id/rss",
    ),
    listing_next=(),  # page 2+ of /indeks needs a POST cursor
    # channel segments, then a hex id (6+ digits, so "/2026/" is no id) and the slug
    article_url=r"^https?://(?:www\.)?katadata\.co\.id/(?:[a-z0-9-]+/)*"
    r"[0-9a-f]{6,}/[a-z0-9]+(?:-[a-z0-9]+)*/?(?:[?#].*)?$",
    skip_url=r"/(?:author|category|indeks|kategori|pencarian|search|tag|tags|topic|topik)(?:/|$|\?)",
    rules=Rules(
        prefer_visible_date=False,
        title=css(
            ".detail-title.mb-4",
            ".detail-title",
            "h1",
        ),
        published=css(
            ".detail-date.text-gray",
            ".detail-date",
        ),
        authors=css(
            ".detail-author-name",  # "Oleh NAME": the label is stripped
        ),
        section=css(
            ".section-breadcrumb a",
            ".section-breadcrumb",
        ),
        body=css(
            ".detail-main",
            "article",
        ),
        images=xpath("//figure[not(ancestor::*[contains(@class, 'detail-main')])][.//figcaption]"),
        prune=css(
            "div[class^=widget-baca-juga]",
            "div[class*=ai-summary]",
        ),
    ),
)
