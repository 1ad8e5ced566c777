"""cnbcindonesia.com (SITES.md section 7): the Trans Media CMS under Tailwind classes. Thin evidence.

Articles: /{section}/{YYYYMMDDHHMMSS}-{sectionId}-{id}/{slug} (the CNN Indonesia shape). Today's
selectors come from news-watch: title `h1.mb-4.text-32.font-extrabold`, date
`div.text-cm.text-gray`, body `div.detail-text`, section `a.text-xs.font-semibold[href='#']`,
the byline `div.mb-1.text-base.font-semibold` reading "Name, CNBC Indonesia"; older pages have
`.jdl h1` and `.detail_text`. Inline related blocks carry classes starting `sisip_` /
`link_sisip`. The visible date has no zone ("27 April 2026 10:47"), so JSON-LD (+07:00) leads
and the visible string is kept only when it names the same minute. The dated index is
/{section}/indeks/{id}?date=DD/MM/YYYY&tipe=artikel&page=N (tipe=artikel leaves out videos).
"""

from datetime import date
from urllib.parse import urlencode

from spiders.base import NewsSpider

INDEXES = (("news", 3), ("market", 5))
BYLINE = (
    "//div[contains(@class, 'text-base') and contains(@class, 'font-semibold')]"
    "[contains(., ', CNBC Indonesia')]"
)


class CnbcIndonesiaSpider(NewsSpider):
    name = "cnbcindonesia"
    # www first: entry_points read https://www.cnbcindonesia.com/robots.txt (Sitemap: .../sitemap.xml)
    allowed_domains = ["www.cnbcindonesia.com", "cnbcindonesia.com"]
    feed_urls = ["https://www.cnbcindonesia.com/rss"]
    sections = {"news": ["https://www.cnbcindonesia.com/news/rss"]}
    page_param = "page"
    next_page_css = ()
    article_url = r"^https?://www\.cnbcindonesia\.com/[a-z-]+/\d{14}-\d+-\d+/[a-z0-9-]+/?(?:#.*)?$"
    # video pages (slug "video-...", /video/ and /tv/ paths) and embeds; query variants never match
    skip_url = r"/\d{14}-\d+-\d+/video-|/(?:video|tv|embed)(?:/|$)"
    prefer_visible_date = False  # the visible date has no zone; JSON-LD carries +07:00

    title_css = ("h1.mb-4.text-32.font-extrabold", ".jdl h1", "h1")
    published_css = ("div.text-cm.text-gray", ".jdl .date")
    authors_css = (
        f"(substring-before({BYLINE}, ', CNBC Indonesia'))",
        ".jdl .author",
    )
    section_css = ("a.text-xs.font-semibold[href='#']",)
    tags_css = ("section.px-4.py-4.stretch.bg-white a[href*='/tag/']", ".tag_detail a")
    body_css = ("div.detail-text", ".detail_text")
    images_css = ("(//h1/following::figure[.//img][.//figcaption][1])",)
    prune_css = (
        # inline related/ad blocks "sisip_*" / "link_sisip*"; one that wraps a player or a post is
        # left for the embed step (it takes the iframe out, the label line is boilerplate)
        ".//*[starts-with(@class, 'sisip_') or contains(@class, ' sisip_') or contains(@class, 'link_sisip')]"
        "[not(.//iframe or .//blockquote)]",
        ".linksisip",
        ".paradetail",
        ".para_caption",
        "[id^=div-gpt-ad]",
        ".//a[contains(., 'preferred source on Google')]",
        "ins",
        "style",
        "script",
    )

    def index_urls(self, day: date) -> list[str]:
        query = urlencode({"date": day.strftime("%d/%m/%Y"), "tipe": "artikel", "page": 1})
        return [f"https://www.cnbcindonesia.com/{section}/indeks/{i}?{query}" for section, i in INDEXES]
