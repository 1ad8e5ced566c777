"""cnnindonesia.com (SITES.md section 6): the detik CMS under Tailwind-style classes, www only.

Articles live at /{channel}/{YYYYMMDDHHMMSS}-{channelId}-{articleId}/{slug}. Body `.detail-text`
(2020: `div.detail_text`) opens with a bare `<strong>Jakarta, CNN Indonesia</strong> --` dateline
and closes with a bold desk code "(lau/pta)"; the shared cleanup makes those `dateline`/`credit`.
The byline usually reads only "CNN Indonesia" (the outlet, not a writer) and JSON-LD
`author.name` is empty, so such a byline gives no author. Tags are the links of the `<aside>`
titled "TOPIK TERKAIT"; `/tag/` links inside the body are keyword highlights, kept as text.
No multi-page article has been seen. `?date=` on /indeks has no effect, so no dated index.
"""

from crawler.site import Rules, Site, css, xpath

CHANNELS = ("nasional", "internasional", "ekonomi", "teknologi", "olahraga", "hiburan", "gaya-hidup")


SITE = Site(
    name="cnnindonesia",
    # www first: entry_points read https://www.cnnindonesia.com/robots.txt (Sitemap: .../sitemap.xml)
    allowed_domains=("www.cnnindonesia.com", "cnnindonesia.com"),
    start_urls=("https://www.cnnindonesia.com/indeks",),
    sections={channel: [f"https://www.cnnindonesia.com/{channel}/rss"] for channel in CHANNELS},
    listing_param="page",  # /indeks?page=N
    listing_next=(),
    article_url=r"^https?://www\.cnnindonesia\.com/[a-z-]+/\d{14}-\d+-\d+/[a-z0-9-]+/?(?:[?#].*)?$",
    # tv is the video channel; ?page / ?tag_from variants duplicate an article (robots lists them).
    skip_url=r"^https?://www\.cnnindonesia\.com/tv/|[?&](?:page|tag_from|utm_source|device|zoom|rand)=",
    rules=Rules(
        title=css(
            "h1.text-cnn_black",
            "h1.title",
            ".detail h1",
            "h1",
        ),
        published=css(
            "div.text-cnn_grey.text-sm",
            "div.date",
            ".detail__date",
        ),
        authors=xpath(
            "//div[contains(@class, 'text-cnn_black_light3')]//text()"
            "[normalize-space() and normalize-space() != 'CNN Indonesia']",
        ),
        section=css("a.gtm_breadcrumb_kanal"),
        tags=xpath("//aside[.//*[contains(@class, 'title-box')][contains(., 'TOPIK TERKAIT')]]//a"),
        body=css(
            ".detail-text",
            "div.detail_text",
            "#detikdetailtext",
        ),
        images=css(".detail-image"),
        prune=css(
            ".linksisip",
            ".lihatjg",
            ".paradetail",
            ".para_caption",
            "[id^=div-gpt-ad]",
            ".newstag",
            ".end-of-article",
        )
        + xpath(".//a[contains(., 'preferred source on Google')]")
        + css(
            "ins",
        ),
    ),
)
