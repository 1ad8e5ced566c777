"""extract_article: one page in, one draft record out. Pure: no Scrapy engine, no clock.

The draft carries what the page says (raw dates, the body's paragraphs, metadata); the steps
in :mod:`crawler.steps` then normalise dates, clean the text, give the record its identity
and validate it. A site's rules are tried first; when they find nothing the generic path
(trafilatura tuned for precision plus warta's cleanup) takes over and says so in
``extractor``.
"""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml import html
from parsel import Selector

from crawler.dates import normalise_date
from crawler.errors import ExtractionError
from crawler.html import (
    BLOCK_TAGS,
    SKIP_TAGS,
    clean_space,
    dash_bold_dateline,
    drop,
    node_text,
    paragraphs,
    parse,
)
from crawler.indonesian import (
    BYLINE_LABEL_RE,
    BYLINE_ROLE_RE,
    BYLINE_SUFFIX_RE,
    CREDIT_TAG_RE,
    LABELLED_BYLINE_RE,
    LIST_LABEL_RE,
    NAME_RE,
    SOURCE_LINE_RE,
)
from crawler.media import take_embeds, take_images
from crawler.metadata import Metadata, read_metadata
from crawler.record import empty_record
from crawler.rules import SiteRules, is_xpath
from crawler.urls import drop_params, registered_domain, same_site

# A declared articleBody shorter than this is a teaser, not the article.
MIN_DECLARED_BODY_WORDS = 80
_EXSLT = {"re": "http://exslt.org/regular-expressions"}
# A link to another page (not an anchor in this one, not a script).
_PAGE_LINK = "a[@href][not(starts-with(@href, '#') or starts-with(@href, 'javascript:'))]"
# Class/id words of page furniture that is never article text.
CLUTTER_RE = re.compile(
    r"(?:^|[-_])(?:baca-?juga|bacajuga|linksisip|related|terkait|share|sharing|social|sosmed|"
    r"socmed|ads?|advert\w*|adsbygoogle|iklan|gpt-ad|dfp|comments?|komentar|popular|populer|"
    r"terpopuler|trending|newsletter|subscribe|langganan|breadcrumbs?|recommend\w*|rekomendasi|"
    r"read-?also|also-?read|paradetail|parallax\w*|berita-terbaru|latest|disclaimer|sidebar|"
    r"outbrain|taboola|promo|widget)(?:$|[-_])",
    re.IGNORECASE,
)
_CLUTTER_XPATH = ".//*[@class or @id]"
_NON_CONTENT_XPATH = (
    "ancestor-or-self::*[self::nav or self::aside or self::footer"
    " or (self::header and not(ancestor::article))]"
)
_DATE_HINT_RE = re.compile(
    r"\d{1,4}\s*[/.-]\s*\d{1,2}|\b\d{1,2}\s+[A-Za-z]{3,}\.?\s+\d{4}\b|\d{4}-\d{2}-\d{2}"
)
_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|\-–—:»]|::)\s+")
MIN_GENERIC_WORDS = 20
SHORT_SITE_TEXT = 80  # words: below this, a site body is checked against the generic reading


def _iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _select(scope: Selector, selectors: tuple[str, ...]) -> list[Selector]:
    for query in selectors:
        found = scope.xpath(query) if is_xpath(query) else scope.css(query)
        found = [f for f in found if not isinstance(f.root, str) or f.root.strip()]  # "" is not a hit
        if found:
            return found
    return []


def _texts(scope: Selector, selectors: tuple[str, ...]) -> list[str]:
    values = []
    for found in _select(scope, selectors):
        root = found.root
        text = node_text(root) if isinstance(root, html.HtmlElement) else clean_space(str(found.get()))
        if text and text not in values:
            values.append(text)
    return values


def clean_names(values: list[str]) -> list[str]:
    """Author names without labels ("Oleh", "Penulis:") and channel suffixes (" - detikNews")."""
    names: list[str] = []
    for value in values:
        value = BYLINE_SUFFIX_RE.sub("", BYLINE_LABEL_RE.sub("", clean_space(value)))
        value = BYLINE_ROLE_RE.sub("", value)
        value = re.sub(r"^[\w-]+\.(?:com|co\.id|id)\s*/\s*", "", value, flags=re.I)  # "KOMPAS.com/Nama"
        for name in re.split(r"\s*(?:,|;|\s&\s|\sdan\s|\sand\s)\s*", value):
            name = clean_space(BYLINE_LABEL_RE.sub("", name)).strip(" -|·")
            code = re.fullmatch(r"[A-Z]{1,3}\d{2,3}", name)  # reporter codes such as "C31"
            if (
                name
                and len(name.split()) <= 6
                and (code or not re.search(r"\d{2}", name))
                and name not in names
            ):
                names.append(name)
    return names


def strip_title(title: str, site_names: list[str]) -> str:
    """Headline without " - Site" / "Site | " decorations."""
    tokens = [s.lower() for s in site_names if s]
    parts = _TITLE_SEPARATORS_RE.split(title)

    def is_site(part: str) -> bool:
        low = part.lower().strip()
        squashed = re.sub(r"[\s.]", "", low)
        return (
            bool(low)
            and (
                any(t in low or re.sub(r"[\s.]", "", t) in squashed for t in tokens)
                or bool(re.fullmatch(r"[\w-]+\.(?:com|co\.id|id|net|co)", low))
            )
            and len(part.split()) <= 4
        )

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATORS_RE.split(title)):
        return clean_space(title)
    # Rejoin with the original separators by slicing the original string.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return clean_space(title[start:end])


def _is_publisher(name: str, site_names: list[str]) -> bool:
    """ "Kompas Cyber Media", "PT. VIVA MEDIA BARU", a profile URL: the publisher, not a writer."""
    low = name.lower()
    if re.match(r"tim\s", low):  # a desk credit ("Tim detikBali", "Tim Redaksi") is kept as it is
        return False
    if low.startswith(("http://", "https://", "www.")) or re.match(r"pt\.?\s", low):
        return True
    if low in ("facebook", "twitter", "x", "whatsapp", "instagram", "line", "telegram", "email", "share"):
        return True
    labels = {n.lower().split(".")[0] for n in site_names if n}
    return any(label and label in low.replace(" ", "") for label in labels) and not re.search(
        r"\.(com|co\.id|id)\b", low
    )


def _site_names(url: str, meta: Metadata) -> list[str]:
    domain = registered_domain(url)
    label = domain.split(".")[0]
    return [n for n in (meta.site_name, domain, label) if n]


def _choose_title(sel: Selector, url: str, meta: Metadata, rules: SiteRules | None) -> str | None:
    if rules:
        found = _texts(sel, rules.title)
        if found:
            return found[0]
    names = _site_names(url, meta)
    candidates = [strip_title(t, names) for t in meta.titles]
    headings = [node_text(s.root) for s in sel.xpath("//h1")[:5]]
    squashed = {_squash(c) for c in candidates}
    for heading in headings:
        if len(heading.split()) < 3:  # "Regional": a section label in an <h1>, not the headline
            continue
        if _squash(heading) in squashed or any(heading in t for t in meta.titles):
            return heading
    return candidates[0] if candidates else next((h for h in headings if h), None)


def _squash(text: str) -> str:
    """Letters and digits only: "Raja Ampat: Apa Iya?" and "Raja Ampat Apa Iya" are one title."""
    return re.sub(r"\W+", "", text).lower()


def _choose_canonical(url: str, meta: Metadata, rules: SiteRules | None) -> str:
    url = drop_params(url, rules.drop_params) if rules else url
    for candidate in meta.canonical:
        candidate = candidate.strip()
        if not candidate.startswith(("http://", "https://")) or not same_site(candidate, url):
            continue
        if rules and rules.article_url is not None:
            if rules.is_article_url(candidate):
                return drop_params(candidate, rules.drop_params)
        elif urlsplit(candidate).path.strip("/"):
            return candidate
    return url


def _visible_dates(sel: Selector, content: html.HtmlElement | None) -> list[str]:
    """Short text nodes that look like dates, outside the body text: those after the headline
    first, then the few just above it (a date line printed over the title)."""
    root = sel.root
    h1 = next(iter(root.xpath("//h1")), None)
    before: list[str] = []
    found: list[str] = []
    target = before if h1 is not None else found
    for el in root.iter():
        if el is h1:
            target = found
            if h1.tail and 6 <= len(clean_space(h1.tail)) <= 100 and _DATE_HINT_RE.search(h1.tail):
                found.append(clean_space(h1.tail))
            continue
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if h1 is not None and h1 in el.iterancestors():
            continue
        if content is not None and (el is content or content in el.iterancestors()):
            continue
        for text in (el.text, el.tail):
            text = clean_space(text)
            if 6 <= len(text) <= 100 and _DATE_HINT_RE.search(text):
                target.append(text)
        if el.tag == "time" and el.get("datetime"):  # after the text the page shows
            target.append(el.get("datetime").strip())
        if len(found) > 40:
            break
    return found + before[::-1][:3]


def _choose_date(
    meta_values: list[str], visible: list[str], reference: datetime, prefer_visible: bool
) -> str | None:
    """The raw date string to keep. The page's own visible string wins when it states a time
    and agrees with the declared instant (or nothing is declared): it carries the page's zone
    and minute; meta often carries a false UTC or a wrong offset."""
    declared = next(((m, iso) for m in meta_values if (iso := normalise_date(m, reference))), (None, None))
    meta_value, meta_iso = declared
    readings = [(text, iso) for text in visible if (iso := normalise_date(text, reference))]
    # Strings that state a time of day first: a bare day is a weaker reading of the same page.
    readings.sort(key=lambda pair: "T" not in pair[1])
    for text, iso in readings:
        if meta_iso is None or prefer_visible or _agrees(iso, meta_iso):
            return text
    return meta_value


def _agrees(visible: str, declared: str) -> bool:
    """The visible date says the same as the declared one: the same instant to the minute, or
    the same wall-clock minute under another offset (meta that stamps WIB times as UTC or
    -07:00: the page's own zone is the one to keep)."""
    if "T" not in visible:
        return False
    try:
        da, db = datetime.fromisoformat(visible), datetime.fromisoformat(declared)
    except ValueError:
        return False
    if da.tzinfo is None or db.tzinfo is None:
        return False
    if abs((da - db).total_seconds()) < 60:
        return True
    return da.replace(tzinfo=None, second=0) == db.replace(tzinfo=None, second=0)


def _drop_clutter(scope: html.HtmlElement, keep: html.HtmlElement | None = None) -> None:
    """Remove furniture by its class/id words, never an element holding most of the text."""
    total = len(node_text(scope)) or 1
    for el in scope.xpath(_CLUTTER_XPATH):
        if el.getparent() is None or el is keep:
            continue
        words = f"{el.get('class', '')} {el.get('id', '')}".split()
        if not any(CLUTTER_RE.search(w) for w in words):
            continue
        if el.xpath(".//h1") or (keep is not None and keep in el.iterancestors()):
            continue
        if len(node_text(el)) > total * 0.5:
            continue
        drop(el)
    _drop_labelled_lists(scope, total, keep)


def _drop_labelled_lists(scope: html.HtmlElement, total: int, keep: html.HtmlElement | None) -> None:
    """Remove a box of links or list items headed by a label such as "Berita Lainnya",
    "Terpopuler" or "Ringkasan": class names vary from site to site, the labels much less."""
    for label in scope.xpath(
        ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::div"
        " or self::span or self::strong or self::p or self::b][not(*[not(self::a)])]"
    ):
        box = label.getparent()
        if box is None or not LIST_LABEL_RE.match(node_text(label)):
            continue
        first = next((c for c in box if isinstance(c.tag, str) and node_text(c)), None)
        if first is not label or not box.xpath(".//a[@href] | .//li") or box.xpath(".//h1"):
            continue
        if keep is not None and (box is keep or box in keep.iterancestors()):  # the box holds the text
            continue
        if len(node_text(box)) > total * 0.5 or _is_text_not_a_box(box, label):
            continue
        drop(box)


def _is_text_not_a_box(box: html.HtmlElement, label: html.HtmlElement) -> bool:
    """A labelled box is a list, mostly links, or small. "<p><b>Terkini,</b> pemerintah ...
    <a>...</a></p>" is a paragraph opening with a bold word, and a long run of paragraphs under a
    heading that happens to read "Terbaru" is article text."""
    text = len(node_text(box)) - len(node_text(label))
    linked = sum(len(node_text(a)) for a in box.xpath(".//a"))
    if box.tag in ("p", "li", "td"):
        return text - linked > 20
    return not box.xpath(".//li") and linked < 0.3 * text and text >= 300


def _main_node(root: html.HtmlElement) -> html.HtmlElement | None:
    """The element whose direct paragraphs hold the most text."""
    best, best_len = None, 0
    for el in root.xpath("//*[p]"):
        size = sum(len(node_text(p)) for p in el.xpath("./p"))
        if size > best_len:
            best, best_len = el, size
    return best


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _page_count(found: list[Selector]) -> int:
    """Pages in one response: the number of page blocks, or a number the page states
    (an XPath string such as a dataLayer "total_page")."""
    if len(found) == 1 and isinstance(found[0].root, str | int | float):
        value = str(found[0].root).strip()
        return max(1, int(float(value))) if re.fullmatch(r"\d+(?:\.0+)?", value) else 1
    return max(1, len(found))


def _site_body(sel: Selector, rules: SiteRules) -> html.HtmlElement | None:
    found = _select(sel, rules.body)
    return found[0].root if found and isinstance(found[0].root, html.HtmlElement) else None


def _lead_images(sel: Selector, rules: SiteRules, url: str) -> list[dict[str, Any]]:
    images = []
    for container in _select(sel, rules.images):
        images += take_images(copy.deepcopy(container.root), url, remove=False)
    return images


def _site_text(body: html.HtmlElement, rules: SiteRules, url: str) -> tuple[list[str], list, list]:
    body = copy.deepcopy(body)
    scope = Selector(root=body, type="html")
    for found in _select_all(scope, rules.prune):
        drop(found.root)
    embeds = take_embeds(body, url)
    images = take_images(body, url)
    dash_bold_dateline(body)
    _drop_linked_titles(body)
    _drop_clutter(body)
    paras = [p for p in paragraphs(body) if not any(r.search(p) for r in rules.drop_text)]
    return paras, images, embeds


def _select_all(scope: Selector, selectors: tuple[str, ...]) -> list[Selector]:
    found: list[Selector] = []
    for query in selectors:
        found += scope.xpath(query) if is_xpath(query) else scope.css(query)
    return found


def _generic_text(sel: Selector, url: str) -> tuple[list[str], list, list, html.HtmlElement | None]:
    root = copy.deepcopy(sel.root)
    main = _main_node(root)
    embeds = take_embeds(main if main is not None else root, url)
    embeds += take_embeds(root, url, frames=False)  # posts embedded beside the main text block
    if main is not None:
        dash_bold_dateline(main)
        _drop_linked_titles(main)
    images = []
    for img in root.xpath("//img"):
        if img.getparent() is None or img.xpath(_NON_CONTENT_XPATH):
            continue
        inside_main = main is not None and main in img.iterancestors()
        # Read (and take out of the copy) once; outside the main text only captioned photos count.
        images += [i for i in take_images(img.getparent(), url) if inside_main or i["caption"]]
    _drop_clutter(root, keep=main)
    scope = _declared_body(root, main)
    extracted = trafilatura.extract(
        html.tostring(root if scope is None else _as_page(scope), encoding="unicode"),
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        output_format="txt",
        with_metadata=False,
    )
    paras = [p for p in (clean_space(p) for p in (extracted or "").split("\n")) if p and not _list_residue(p)]
    paras = _restore_headings(scope if scope is not None else main, _loose_lead(root, main, paras))
    return paras + _trailing_credit(root, paras), images, embeds, main


def _drop_linked_titles(main: html.HtmlElement) -> None:
    """A heading or paragraph of the body that is nothing but a link to another page is a related
    headline set between paragraphs ("<h2><a href=...>BI Proyeksikan ...</a></h2>")."""
    for block in main.xpath(".//h2 | .//h3 | .//h4 | .//p"):
        links = block.xpath(f".//{_PAGE_LINK}")
        text = node_text(block)
        if len(links) != 1 or len(text.split()) < 3 or re.match(r"(?:https?://|www\.)", text):
            continue
        if node_text(links[0]) == text and block.getparent() is not None:
            drop(block)


def _declared_body(root: html.HtmlElement, main: html.HtmlElement | None) -> html.HtmlElement | None:
    """The element the page marks as its article body (``itemprop=articleBody``) when it holds
    the article: trafilatura then reads it alone, so the kicker, summary, date and byline
    printed above it cannot leak. trafilatura looks for such an element only among divs. A
    marked element that holds only part of the main text block (a lead, one page) is not used."""
    for body in root.xpath("//*[@itemprop='articleBody']")[:1]:
        size = len(node_text(body))
        if len(node_text(body).split()) < MIN_DECLARED_BODY_WORDS:
            return None
        if main is None or main is body or body in main.iterancestors():
            return body
        return body if size >= 0.8 * len(node_text(main)) else None
    return None


def _as_page(body: html.HtmlElement) -> html.HtmlElement:
    page = html.fromstring("<html><body></body></html>")
    page.find("body").append(copy.deepcopy(body))
    return page


def _loose_lead(root: html.HtmlElement, main: html.HtmlElement | None, paras: list[str]) -> list[str]:
    """trafilatura drops text that sits loose at the top of an article body, before its first
    block element ("<span itemprop=articleBody><b>VIVA.co.id</b> - Kalimat ...<div>", detik's
    "<b>Jakarta</b> - <p>..."): put it back, just above the paragraph that follows it."""
    bodies = root.xpath("//*[@itemprop='articleBody']")[:1] + ([main] if main is not None else [])
    seen = " ".join(paras)
    for body in bodies:
        pieces, after = [body.text or ""], None
        for child in body:
            if isinstance(child.tag, str) and child.tag.lower() in BLOCK_TAGS:
                after = node_text(child)[:40]
                break
            visible = isinstance(child.tag, str) and child.tag.lower() not in SKIP_TAGS
            pieces += [node_text(child) if visible else "", child.tail or ""]
        lead = clean_space(" ".join(pieces))
        dateline = re.fullmatch(r"[^\W\d][\w .,()'’-]{1,40}\s[-–—]", lead)
        # Prose ends a sentence; a byline or date line left loose ("Oleh: Nama | 5 Mei 2025") does not.
        prose = len(lead.split()) >= 6 and re.search(r"[.!?\"”’)]$", lead) and not BYLINE_LABEL_RE.match(lead)
        if (prose or dateline) and lead not in seen:
            at = next((i for i, p in enumerate(paras) if after and p.startswith(after)), 0)
            return paras[:at] + [lead] + paras[at:]
    return paras


def _restore_headings(scope: html.HtmlElement | None, paras: list[str]) -> list[str]:
    """trafilatura's precision mode drops subheadings of a body, and headings followed only by a
    photo (the items of a listicle); put a short heading of the body back after the paragraph
    printed before it, or else before the paragraph printed after it. Only a heading above kept
    text or a numbered listicle item: linked headings (tags, related articles) and a trailing
    "Komentar" are not subheadings."""
    if scope is None:
        return paras
    out = list(paras)
    for heading in scope.xpath(".//h2 | .//h3 | .//h4"):
        text = node_text(heading)
        if not text or len(text.split()) > 20 or text in out or LIST_LABEL_RE.match(text):
            continue
        if heading.xpath(f"ancestor::{_PAGE_LINK} | .//{_PAGE_LINK}"):
            continue
        after = _near_texts(heading, "following")
        if not (any(p.startswith(near) for near in after for p in out) or re.match(r"\d{1,2}[.)]\s", text)):
            continue
        before = _near_texts(heading, "preceding")
        at = next((i + 1 for near in before for i, p in enumerate(out) if p.endswith(near)), None)
        if at is None:
            at = next((i for near in after for i, p in enumerate(out) if p.startswith(near)), None)
        if at is not None:
            out.insert(at, text)
    return out


def _near_texts(el: html.HtmlElement, axis: str, count: int = 6) -> list[str]:
    """A few words of each of the nearest visible texts before or after an element, nearest first."""
    found = el.xpath(
        f"{axis}::text()[normalize-space()][not(ancestor::script or ancestor::style)][position() <= {count}]"
    )
    texts = [clean_space(str(t)).split() for t in found]
    if axis == "preceding":  # XPath gives them in document order
        return [" ".join(w[-3:]) for w in reversed(texts) if len(w) >= 2]
    return [" ".join(w[:3]) for w in texts if len(w) >= 2]


def _list_residue(line: str) -> bool:
    """What is left of a related-articles list once trafilatura drops its links: a lone bullet, an
    item number ("01"), or an item that is only its time stamp ("- Kamis, 05/11/2015 09:25 WIB")."""
    if re.fullmatch(r"[-–•*·]?\s*\d{0,2}[.)]?", line):
        return True
    item = line[2:] if line.startswith("- ") else None
    return item is not None and len(item.split()) <= 6 and normalise_date(item) is not None


def _trailing_credit(root: html.HtmlElement, paras: list[str]) -> list[str]:
    """trafilatura drops a short desk tag such as "(mea/mea)" or a "Sumber: Antara" line printed
    after the last paragraph, often just outside the body's element; put it back so the text step
    can move it to ``credit``. It is looked for in the few text nodes that follow the end of the
    last paragraph in the page."""
    words = paras[-1].split() if paras else []
    texts = [
        clean_space(str(t))
        for t in root.xpath("//body//text()[normalize-space()][not(ancestor::script or ancestor::style)]")
    ]
    for size in (4, 2):  # inline markup may split the last words over several text nodes
        snippet = " ".join(words[-size:])
        ends = [i for i, text in enumerate(texts) if snippet and snippet in text]
        if ends:
            for text in texts[ends[-1] + 1 : ends[-1] + 4]:
                if CREDIT_TAG_RE.fullmatch(text) or SOURCE_LINE_RE.match(text):
                    return [text]
            return []
    return []


def extract_article(
    body: bytes | str,
    url: str,
    fetched_at: datetime,
    rules: SiteRules | None = None,
    content_type: str | None = None,
) -> dict[str, Any]:
    """The draft record of one page; raises ExtractionError with a reason when there is no article."""
    sel = parse(body, content_type)
    meta = read_metadata(sel)
    record = empty_record()
    record.update(url=url, fetched_at=_iso_utc(fetched_at))
    record["site"] = rules.key if rules else registered_domain(url)

    body_node = _site_body(sel, rules) if rules else None
    paras: list[str] = []
    generic = None
    if rules and body_node is not None:
        paras, images, embeds = _site_text(body_node, rules, url)
        images = _lead_images(sel, rules, url) + images
        if _words(paras) < SHORT_SITE_TEXT:
            # A body selector that now matches a small box (the site's markup moved): when the
            # page holds far more article text, the generic path reads it instead.
            generic = _generic_text(sel, url)
            if _words(generic[0]) >= max(3 * _words(paras), 2 * SHORT_SITE_TEXT):
                paras = []
    if paras:
        record["extractor"] = f"site:{rules.key}"
        record["pages"] = _page_count(_select(sel, rules.pages))
        content = body_node
    else:
        if rules and rules.article_url is not None and not rules.is_article_url(url) and body_node is None:
            raise ExtractionError("no article", "not an article page of this site")
        paras, images, embeds, content = generic or _generic_text(sel, url)
        record["extractor"] = "generic"
    if not paras:
        raise ExtractionError("no article text")

    site_rules = rules if record["extractor"] != "generic" else None
    title = _choose_title(sel, url, meta, site_rules)
    # A site that says where its date is gets no guessing of its own: when its selector finds
    # nothing, a date found on the page counts only if it agrees with the declared one (it fixes
    # a meta offset the site gets wrong); with nothing declared, the missing date is the signal
    # (health check) that the markup changed, not something to paper over.
    site_dated = bool(site_rules and site_rules.published)
    visible = _texts(sel, site_rules.published) if site_dated else []
    site_found = bool(visible)
    if not site_found and (not site_dated or meta.published):
        visible = _visible_dates(sel, content)
    published = _choose_date(
        meta.published,
        visible,
        fetched_at,
        bool(site_found and site_rules and site_rules.prefer_visible_date),
    )
    modified_visible = _texts(sel, site_rules.modified) if site_rules else []
    modified = _choose_date(meta.modified, modified_visible, fetched_at, bool(modified_visible))
    if not site_rules and not (published or meta.declares_article):
        raise ExtractionError("no article", "no date and no article metadata")
    if not site_rules and sum(len(p.split()) for p in paras) < MIN_GENERIC_WORDS:
        raise ExtractionError("no article text", "too little text")

    # A site that says where its byline is gets no guessing from meta tags that often name the
    # publisher ("Kompas Cyber Media"); JSON-LD author names still count.
    authors = []
    if site_rules and site_rules.authors:
        authors = clean_names(_texts(sel, site_rules.authors)) or clean_names(meta.ld_authors)
    if not authors:  # no site rules, or the site's byline moved: look where bylines usually are
        names = _site_names(url, meta)
        declared = [a for a in clean_names(meta.authors) if not _is_publisher(a, names)]
        authors = declared or [a for a in clean_names(_generic_authors(sel)) if not _is_publisher(a, names)]
    editors = (clean_names(_texts(sel, site_rules.editors)) if site_rules else []) or clean_names(
        meta.editors or _generic_editors(sel)
    )
    section = (_texts(sel, site_rules.section)[:1] if site_rules else []) or [
        meta.section or _breadcrumb(sel, title)
    ]
    if site_rules and site_rules.tags:
        tags = _texts(sel, site_rules.tags) or meta.tags
    else:
        tags = _generic_tags(sel) or meta.tags
    tags = [t for t in (clean_space(t.lstrip("#")) for t in tags) if t]
    if rules:
        tags = [t for t in tags if not any(r.fullmatch(t) for r in rules.drop_tags)]
    description = meta.description if (not rules or rules.meta_description) else None
    if description:
        description = re.sub(r"(?:\s+#\w+)+$", "", description).strip()
    if description and (len(description.split()) < 4 or description == title):
        description = None
    lead = [u for u in meta.images if re.search(r"/[^/?#]+\.\w{3,4}(?:[?#]|$)", u)]
    if not images and lead:
        images = [{"url": lead[0], "caption": None, "credit": None}]

    record.update(
        canonical_url=_choose_canonical(url, meta, rules),
        title=title,
        description=description,
        authors=authors,
        editors=[e for e in editors if e not in authors],
        published_raw=published,
        modified_raw=modified,
        section=section[0] if section else None,
        tags=list(dict.fromkeys(t for t in tags if t)),
        text="\n\n".join(paras),
        images=_unique(images),
        embeds=_unique(embeds),
    )
    return record


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for item in items:
        key = item.get("url")
        if key and key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def _labelled_byline(sel: Selector) -> list[str]:
    """A short line that names the writer after a label: "Reporter : Nama", "Rep: C31/ Red: ...".
    Found from the label's text node (the label may sit in its own <strong>, so its parent's
    line is read too): reading the text of every block on the page would cost far more."""
    labels = sel.root.xpath(
        "//body//text()[re:test(., $label, 'i')][not(ancestor::script or ancestor::style)]",
        namespaces=_EXSLT,
        label=r"^\s*(rep|reporter|penulis|pewarta|wartawan|jurnalis|kontributor|oleh|laporan)\b",
    )
    for label in labels:
        node = label.getparent()
        for block in (node, node.getparent() if node is not None else None):
            if block is None or block.xpath(_NON_CONTENT_XPATH):
                break
            text = node_text(block)
            if len(text) > 80:
                break
            found = LABELLED_BYLINE_RE.match(text)
            if found and NAME_RE.fullmatch(found.group("names")):
                return [found.group("names")]
    return []


# Where bylines usually are, surest first; a labelled line ("Reporter : Nama") comes between the
# marked-up author and the looser guesses by link and class name.
_MARKED_AUTHORS = (
    "//a[contains(concat(' ', @rel, ' '), ' author ')]",
    "//*[@itemprop='author']//*[@itemprop='name']",
)
_GUESSED_AUTHORS = (
    "//a[contains(@href, '/author/') or contains(@href, '/penulis/') or contains(@href, '/reporter/')]",
    "//*[contains(@class, 'author') or contains(@class, 'penulis') or contains(@class, 'byline')"
    " or contains(@class, 'reporter') or contains(@class, 'writer')]",
)


def _generic_authors(sel: Selector) -> list[str]:
    return _names_at(sel, _MARKED_AUTHORS) or _labelled_byline(sel) or _names_at(sel, _GUESSED_AUTHORS)


def _names_at(sel: Selector, queries: tuple[str, ...]) -> list[str]:
    """The short texts of the first query that finds any, outside navigation and footers."""
    for query in queries:
        nodes = [n for n in sel.xpath(query) if not n.root.xpath(_NON_CONTENT_XPATH)]
        names = [node_text(n.root) for n in nodes[:3] if 0 < len(node_text(n.root)) <= 60]
        if names:
            return names
    return []


def _generic_editors(sel: Selector) -> list[str]:
    nodes = sel.xpath("//*[contains(@class, 'editor') or contains(@class, 'redaktur')]")
    texts = [node_text(n.root) for n in nodes if not n.root.xpath(_NON_CONTENT_XPATH)]
    return [t for t in texts if 0 < len(t) <= 80 and re.match(r"(?i)(editor|redaktur|penyunting)\b", t)][:2]


def _breadcrumb(sel: Selector, title: str | None) -> str | None:
    crumbs = [
        node_text(a.root)
        for a in sel.xpath("//*[contains(@class, 'breadcrumb')]//a | //*[contains(@class, 'breadcrumb')]/li")
    ]
    crumbs = [
        c for c in dict.fromkeys(crumbs)
        if c and c != title and c.lower() not in ("home", "beranda", "index", "indeks", "berita")
    ]  # fmt: skip
    return crumbs[0] if crumbs else None


def _generic_tags(sel: Selector) -> list[str]:
    links = sel.xpath(
        "//*[contains(@class, 'tag') and not(contains(@class, 'tagline'))]"
        "//a[contains(@href, '/tag') or contains(@href, '/topik') or contains(@href, '/topic')]"
    )
    return list(dict.fromkeys(t for t in (node_text(a.root).lstrip("#") for a in links) if t))
