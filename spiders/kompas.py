"""kompas.com (SITES.md section 3): one host per channel ({kanal}.kompas.com), URLs in WIB.

Eras: today's `read__*` template (2019-2026) and the 2015-16 `kcm-read` layout (headline in an
h2, body `.kcm-read-text` split by <br><br>, "Penulis"/"Editor" table). Meta and JSON-LD times
are true UTC ("2025-05-28T06:30:07+00:00") while the page shows "Kompas.com - 28/05/2025, 13:30
WIB": the visible string wins. JSON-LD `author` is the editor, so the writer comes from the
credit box. Split articles: the page says `content_total_pages` > 1 (and offers a "show all"
link `?page=all#page{N}`); such a page is fetched again with `?page=all`, whose `#page{N}`
anchors count the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from crawler.site import AllPages, Rules, Site, css, xpath

KANAL = ("nasional", "regional", "megapolitan", "internasional", "money", "bola", "tekno", "otomotif")
_READ_TIME = "//div[contains(@class,'read__time')]"
_CREDIT = "//div[@class='credit-author-title'][normalize-space(div[@class='credit-author-position'])='{}']"
_OLD_STAFF = "//div[contains(@class,'kcm-read-copy')]//tr[normalize-space(td[1])='{}']/td[2]"


def day_index(day: date, sections: Sequence[str]) -> list[str]:
    return [f"https://indeks.kompas.com/?site=all&date={day.isoformat()}"]


SITE = Site(
    name="kompas",
    allowed_domains=("www.kompas.com", "kompas.com"),  # www first: robots.txt lives there
    start_urls=("https://indeks.kompas.com/",),
    sections={kanal: [f"https://indeks.kompas.com/?site={kanal}"] for kanal in KANAL},
    listing_param="page",
    listing_next=(),  # the index pager is counted through ?page=N
    # /read/YYYY/MM/DD/{HHMM+serial}/{slug}; 2016 index links /read/xml/...; photo stories
    # foto.kompas.com/photo/read/YYYY/MM/DD/{hex id}/{Slug}.
    article_url=r"^https?://[a-z0-9-]+\.kompas\.com/(?:photo/)?read/(?:xml/)?\d{4}/\d{2}/\d{2}/[0-9a-z]{8,13}/[^/?#]+",
    skip_url=r"^https?://(?:video|vik|kolom)\.kompas\.com/|\.kompas\.com/(?:image|komentar|copy|tag|search)/"
    r"|[?&](?:utm_source|source|jxrecoid)=",
    day_index=day_index,
    # A split article states content_total_pages > 1: fetched again with ?page=all (every page).
    all_pages=AllPages(
        ("page", "all"), when=xpath("//meta[@name='content_total_pages'][number(@content) > 1]")
    ),
    rules=Rules(
        title=css(
            "h1.read__title",
            ".kcm-read-top h2",
            ".baca-content h1",
        ),
        published=xpath(f"{_READ_TIME}[not(contains(., 'Diperbarui'))]")
        + css(
            ".kcm-read-top .kcm-date",
            ".kcm-read-top .msmall.grey",
        )
        + xpath(
            f"(normalize-space(substring-before({_READ_TIME}, ', Diperbarui')))",  # last: a string result
        ),
        modified=xpath(f"(normalize-space(substring-after({_READ_TIME}, 'Diperbarui')))"),
        authors=xpath(_CREDIT.format("Penulis") + "/div[@class='credit-author-name']")
        + css("meta[name=content_author]::attr(content)")
        + xpath(
            f"(re:replace(string({_OLD_STAFF.format('Penulis')}),"
            " '^[\\s:]*(Kontributor[^,]*,)?\\s*', '', ''))"
        ),
        editors=xpath(_CREDIT.format("Editor") + "/div[@class='credit-author-name']")
        + css("meta[name=content_editor]::attr(content)")
        + xpath(f"(normalize-space(substring-after({_OLD_STAFF.format('Editor')}, ':')))"),
        section=css(
            "meta[name=content_subcategory]::attr(content)",
            ".breadcrumb__wrap .breadcrumb__item:last-child a",
            ".kcm-breadcrumb li:last-child a",
        ),
        tags=css(
            ".read__tagging a.tag__article__link",
            ".read__tagging .tag a",
        ),
        body=css(
            ".read__content",
            ".kcm-read-text",
        ),
        # The page itself, then one "#page{N}" anchor per later page in the ?page=all view.
        pages=xpath(
            "//div[contains(@class,'read__content')]"
            " | //div[contains(@class,'read__content')]//*[starts-with(@id,'page')"
            " and string-length(@id) > 4 and translate(substring(@id,5),'0123456789','') = '']",
        ),
        images=css(
            ".cover-photo",
            ".kcm-read-top .photo",
        ),
        prune=css(
            "[class^=inject-baca-juga]",
            "[class^=kompasidRec]",
            "span.ads-on-body",
            "#EndOfArticle",
            "iframe[src*='widget.kompas']",
        )
        + xpath(
            "//p[.//a[contains(@class,'inner-link-baca-juga')]]",
            "//i[contains(., 'WhatsApp Channel')]",
        )
        + css(
            "[id^=div-gpt-ad]",
            ".read__paging",
        ),
        drop_text=(r"^Simak breaking news dan berita pilihan kami\b",),
    ),
)
