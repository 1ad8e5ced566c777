"""antaranews.com (SITES.md section 9): the national news agency, www.antaranews.com/berita/{id}/{slug}.

Today's template (news-watch): `.wrap__article-detail-*`, the date is the last `.list-inline-item.mr-2`,
the "Pewarta:/Editor:" lines sit in `p.text-muted` at the end of the body. 2015-17 pages: `div.bjbrt`,
`time[itemprop=datePublished]` ("Kamis, 5 November 2015 14:56 WIB"), body `div#content_news` (text
between `<br>`s; press releases in Word `p.MsoNormal`), "Editor:" and "COPYRIGHT © ANTARA" paragraphs.
"""

from crawler.site import Rules, Site, css, xpath

SITE = Site(
    name="antaranews",
    allowed_domains=("antaranews.com",),
    start_urls=(
        "https://www.antaranews.com/terkini",
        "https://www.antaranews.com/rss/terkini.xml",
    ),
    sections={
        "terkini": ["https://www.antaranews.com/rss/terkini.xml"],
        "top-news": ["https://www.antaranews.com/rss/top-news.xml"],
        "politik": ["https://www.antaranews.com/rss/politik.xml"],
        "ekonomi": ["https://www.antaranews.com/rss/ekonomi.xml"],
        "ekonomi-finansial": ["https://www.antaranews.com/rss/ekonomi-finansial.xml"],
    },
    robots_sitemaps=False,  # no sitemap is known for antaranews.com
    listing_param="page",  # /terkini?page=N
    article_url=r"^https?://(?:www\.|otomotif\.)?antaranews\.com/berita/\d+/[a-z0-9-]+/?(?:[?#].*)?$",
    skip_url=r"antaranews\.com/(?:foto|video|infografik|tv)/|//en\.antaranews\.com/",
    rules=Rules(
        title=css(
            ".wrap__article-detail-title",
            "div.bjbrt h1.title",
            "h1[itemprop=headline]",
        ),
        published=xpath(
            "(//*[contains(@class, 'wrap__article-detail-info')]"
            "//*[contains(@class, 'list-inline-item') and contains(@class, 'mr-2')])[last()]",
        )
        + css(
            "div.bjbrt div.date time::text",
            "div.bjbrt div.date::text",
        ),
        authors=xpath(
            "//*[contains(@class, 'wrap__article-detail-content')]//p[contains(@class, 'text-muted')]"
            "/text()[starts-with(normalize-space(), 'Pewarta')]",
        )
        + css("div.bjbrt div.byline [itemprop=author]"),
        editors=xpath(
            "//*[contains(@class, 'wrap__article-detail-content')]//p[contains(@class, 'text-muted')]"
            "/text()[starts-with(normalize-space(), 'Editor')]",
        )
        + css("#content_news [itemprop=editor]"),
        section=xpath("(//*[contains(@class, 'breadcrumbs__item')])[2]"),
        tags=css(".tags-wrapper a[href*='/tag/']"),
        body=css(
            ".wrap__article-detail-content.post-content",
            "div#content_news",
        ),
        images=css(
            ".wrap__article-detail-image",
            "div.bjbrt #image_news",
        ),
        prune=css(
            ".baca-juga",
            "p.text-muted",
            "span.text-muted",
            "ins.adsbygoogle",
        )
        + xpath(
            "./p[contains(@class, 'mt10')][starts-with(normalize-space(), 'Editor')]",
            "./p[@class='date'][contains(., 'COPYRIGHT')]",
        ),
        drop_text=(
            # Press releases link their media as bare lines: "Video: https://...", "(Foto: http://...)".
            r"^\(?\s*(?:foto|photo|video)\s*:\s*https?://\S+\s*\)?$",
            r"^[\"“]?.{0,80}\bvideo\s*:\s*$",
            r"^https?://(?:www\.)?(?:youtube\.com|youtu\.be)/\S+$",
            r"^copyright\s*©\s*antara\b.*$",
        ),
    ),
)
