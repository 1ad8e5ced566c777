"""detik.com (SITES.md section 2): Trans Media CMS, one host per channel (news., finance., ...).

Eras: today's `detail__*` template (2022-2026), the 2022 travel `read__*` template and the 2015
`content_detail` / `text_detail` layout (plus its `readfoto` gallery `detail_profil`). The
`meta[name=pubdate]` value ends in a false "Z" (it is WIB), so the visible date wins:
"Sabtu, 10 Des 2022 13:19 WIB", 2015 "Kamis, 05/11/2015 10:08 WIB". The body opens with a bare
bold dateline ("<strong>Jakarta</strong> -") and ends with a bold desk code "(mea/mea)"; the
shared cleanup turns those into `dateline` and `credit`. Long articles are split: the page
numbers sit in `div.detail__long-nav` (`a.detail__anchor-numb`, the current one `--active`) and
the spider follows the number after the active one.
"""

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlencode

from crawler.site import Rules, Site, css, xpath

INDEX_HOSTS = ("news", "finance", "health")


def day_index(day: date, sections: Sequence[str]) -> list[str]:
    query = urlencode({"page": 1, "date": day.strftime("%m/%d/%Y")})
    return [f"https://{host}.detik.com/indeks?{query}" for host in INDEX_HOSTS]


SITE = Site(
    name="detik",
    # www first: entry_points read https://www.detik.com/robots.txt (Sitemap: .../sitemap.xml)
    allowed_domains=("www.detik.com", "detik.com"),
    start_urls=(
        "https://news.detik.com/berita/sitemap_news.xml",
        "https://news.detik.com/ekonomi/sitemap_news.xml",
        "https://finance.detik.com/sitemap_news.xml",
    ),
    sections={
        "news": [
            "https://news.detik.com/berita/sitemap_news.xml",
            "https://news.detik.com/ekonomi/sitemap_news.xml",
        ],
        "finance": ["https://finance.detik.com/sitemap_news.xml"],
    },
    listing_param="page",  # dated index (index_urls): indeks?page=N&date=MM/DD/YYYY
    listing_next=(),
    # /{channel...}/d-{id}/{slug} (2017-), /read/YYYY/MM/DD/HHMMSS/{id}/{kanal}/{slug} (-2017),
    # detikX long reads (x.detik.com/detail/..., news.detik.com/x/detail/...), pasangmata items.
    article_url=r"^https?://[a-z0-9-]+\.detik\.com/(?:"
    r"(?:[a-z0-9-]+/)+d-\d+/[a-z0-9-]+"
    r"|(?:[a-z0-9-]+/)?read(?:foto)?/\d{4}/\d{2}/\d{2}/\d{6}/\d+/\d+/(?:\d+/)?[a-z0-9-]+"
    r"|(?:x/)?detail/[a-z0-9-]+/\d{8}/[^/?#]+/?(?:index\.php)?"
    r"|contribution/\d+"
    r")/?(?:[?#].*)?$",
    skip_url=r"^https?://20\.detik\.com/|/foto-|/readfoto/",  # video, photo stories
    next_article_page_links=xpath(
        "//div[contains(@class, 'detail__long-nav')]//a[contains(@class, 'detail__anchor-numb--active')]"
        "/following-sibling::a[contains(@class, 'detail__anchor-numb')][1]/@href",
    ),
    day_index=day_index,
    rules=Rules(
        title=css(
            "h1.detail__title",
            ".read__head h1",
            ".content_detail h1",
        ),
        published=css(
            "div.detail__date",
            ".read__head div.date",
            ".content_detail div.date",
        ),
        authors=css(
            "div.detail__author::text",  # "Mulia Budi - <span class=detail__label>detikNews</span>"
            ".ugc__block__name a",
            ".content_detail .author strong",
        )
        + xpath(
            "(substring-after(//div[@class='detail_profil']/strong, 'Fotografer:'))",  # readfoto gallery
        ),
        section=css(
            "div.detail__category a",
            ".page__breadcrumb a:nth-of-type(2)",
            ".read__head .breadcrumb a:nth-of-type(2)",
        ),
        tags=css(
            ".detail__body-tag a",
            ".detail_tag a",
        ),
        body=css(
            "div.detail__body-text",
            "div.itp_bodycontent.read__content",
            ".content_detail .text_detail",
            ".content_detail .text_gal",
        ),
        images=css(
            ".detail__media",
            ".read__photo",
            ".content_detail .pic_artikel",
        ),
        prune=css(
            "table.linksisip",
            ".noncontent",
            ".lihatjg",
            ".paradetail",
            ".parallaxindetail",
            ".para_caption",
            "[id^=div-gpt-ad]",
            ".sisip_video_ds",
            ".detail__long-nav",
            ".detail__body-tag",
            ".detail_tag",
        ),
        drop_text=(
            r"^-{3,}$",  # separator before a regional desk's syndication note
            r"^simak\s+video\b",  # 'Simak Video "..."' promo above the 20detik player
        ),
    ),
)
