"""viva.co.id (SITES.md section 18).

Eras: 2026 `www.viva.co.id/{kanal}[/{sub}]/{id}-{slug}` with `.main-content-*` blocks (news-watch;
egi's fixture names `h1.main-title`, `time.date`, `.author`); 2016 `{sub}.viva.co.id/{kanal}/read/{id}-{slug}`
with `article.article-detail`, `div.date` "Selasa, 16 Februari 2016 | 13:01 WIB", a `<span
itemprop=articleBody>` of `<div>` paragraphs and centred `<em>` photo captions. Split articles:
`?page=all` returns every page in one response (news-watch).
"""

from __future__ import annotations

from w3lib.url import add_or_replace_parameter

from spiders.base import NewsSpider


class VivaSpider(NewsSpider):
    name = "viva"
    allowed_domains = ["viva.co.id"]
    start_urls = ["https://www.viva.co.id/indeks"]
    feed_urls = ["https://www.viva.co.id/sitemap.xml"]
    sections = {
        kanal: [f"https://www.viva.co.id/{kanal}"]
        for kanal in ("berita", "bisnis", "sport", "bola", "showbiz", "gaya-hidup", "otomotif", "digital")
    }
    page_param = "page"  # /indeks?page=N (news-watch; egi doubts it paginates)
    next_page_css = ()
    article_url = (
        r"^https?://(?:[a-z0-9-]+\.)*viva\.co\.id/[a-z0-9_-]+/(?:[a-z0-9_-]+/)?\d+-[a-z0-9-]+/?(?:[?#].*)?$"
    )
    skip_url = (
        r"^https?://(?:video|foto|forum|ads|member|m)\.viva\.co\.id/"
        r"|viva\.co\.id/(?:video|foto|tag|indeks|search|amp|listmp|anindeks|urindeks|enindeks)/"
    )
    # Page 1 of a split article (see parse_article): egi's `.pagination-detail`, or any link
    # to page 2 of this article.
    pager_xpath = "//*[contains(@class, 'pagination-detail')]//a | //a[contains(@href, $page2)]"

    title_css = ("h1.main-content-title", "h1.main-title", "article.article-detail div.title h1")
    published_css = ("div.main-content-date", "div.date-time time.date", "article.article-detail div.date")
    authors_css = ("div.main-content-author", ".date-time .author", "article.article-detail .author b")
    section_css = ("a.breadcrumb-step.content_center",)
    body_css = (
        "div.main-content-detail",
        "#article-content span[itemprop=articleBody]",
        "#article-content",
    )
    images_css = (
        ".main-content-image",
        "(//article[contains(@class, 'article-detail')]//div[@class='thumbcontainer'])[1]",
    )
    prune_css = (
        "div.recommended-article",
        "div.widget-other-article",
        ".ads",
        ".adsbygoogle",
        ".sideskycrapper",
        "aside.shareArea",
        # 2016: a photo's caption is its own centred paragraph, "<em>… Foto: Grammy</em>".
        ".//div[em][not(.//img)][contains(@style, 'center')][contains(., 'Foto:')]",
    )

    def parse_article(self, response):
        """Page 1 of a split article is fetched again with ?page=all, which holds every page.
        Not `all_pages_param`: article requests keep the URL the listing gives (as the corpus
        listing tests expect), and only split articles cost a second request."""
        path = response.url.split("?")[0].split("://", 1)[-1].split("/", 1)[-1]
        page = self.page(response)
        pager = page.xpath(self.pager_xpath, page2=f"{path}?page=2") if page is not None else []
        if "page=all" not in response.url and pager:
            yield response.request.replace(url=add_or_replace_parameter(response.url, "page", "all"))
            return
        yield from super().parse_article(response)
