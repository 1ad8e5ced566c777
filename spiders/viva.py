"""viva.co.id (SITES.md section 18).

Eras: 2026 `www.viva.co.id/{kanal}[/{sub}]/{id}-{slug}` with `.main-content-*` blocks (news-watch;
egi's fixture names `h1.main-title`, `time.date`, `.author`); 2016 `{sub}.viva.co.id/{kanal}/read/{id}-{slug}`
with `article.article-detail`, `div.date` "Selasa, 16 Februari 2016 | 13:01 WIB", a `<span
itemprop=articleBody>` of `<div>` paragraphs and centred `<em>` photo captions. Split articles:
`?page=all` returns every page in one response (news-watch).
"""

from crawler.site import AllPages, Rules, Site, css, xpath

SITE = Site(
    name="viva",
    allowed_domains=("viva.co.id",),
    start_urls=(
        "https://www.viva.co.id/indeks",
        "https://www.viva.co.id/sitemap.xml",
    ),
    sections={
        kanal: [f"https://www.viva.co.id/{kanal}"]
        for kanal in ("berita", "bisnis", "sport", "bola", "showbiz", "gaya-hidup", "otomotif", "digital")
    },
    listing_param="page",  # /indeks?page=N (news-watch; egi doubts it paginates)
    listing_next=(),
    article_url=r"^https?://(?:[a-z0-9-]+\.)*viva\.co\.id/[a-z0-9_-]+/(?:[a-z0-9_-]+/)?\d+-[a-z0-9-]+/?(?:[?#].*)?$",
    skip_url=r"^https?://(?:video|foto|forum|ads|member|m)\.viva\.co\.id/"
    r"|viva\.co\.id/(?:video|foto|tag|indeks|search|amp|listmp|anindeks|urindeks|enindeks)/",
    # Page 1 of a split article links page 2 of itself (or shows egi's `.pagination-detail`): it is
    # fetched again with ?page=all, which holds every page.
    all_pages=AllPages(
        ("page", "all"),
        when=xpath(
            "//*[contains(@class, 'pagination-detail')]//a | //a[contains(@href, concat($path, '?page=2'))]"
        ),
    ),
    rules=Rules(
        title=css(
            "h1.main-content-title",
            "h1.main-title",
            "article.article-detail div.title h1",
        ),
        published=css(
            "div.main-content-date",
            "div.date-time time.date",
            "article.article-detail div.date",
        ),
        authors=css(
            "div.main-content-author",
            ".date-time .author",
            "article.article-detail .author b",
        ),
        section=css("a.breadcrumb-step.content_center"),
        body=css(
            "div.main-content-detail",
            "#article-content span[itemprop=articleBody]",
            "#article-content",
        ),
        images=css(".main-content-image")
        + xpath("(//article[contains(@class, 'article-detail')]//div[@class='thumbcontainer'])[1]"),
        prune=css(
            "div.recommended-article",
            "div.widget-other-article",
            ".ads",
            ".adsbygoogle",
            ".sideskycrapper",
            "aside.shareArea",
        )
        + xpath(".//div[em][not(.//img)][contains(@style, 'center')][contains(., 'Foto:')]"),
    ),
)
