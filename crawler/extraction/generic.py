"""The generic path: an article read from a page no site rules describe (an unknown domain,
or a known site whose markup moved). trafilatura, tuned for precision, reads the text; warta
puts back what it drops (a loose lead, subheadings, a trailing desk tag) and finds bylines,
editors, section and tags where pages usually print them.
"""

from __future__ import annotations

import copy
import re

from lxml import html
from parsel import Selector

from crawler.extraction.body import Body
from crawler.extraction.dates import normalise_date
from crawler.extraction.document import (
    BLOCK_TAGS,
    SKIP_TAGS,
    classed,
    clean_space,
    dash_bold_dateline,
    node_text,
    paragraphs,
)
from crawler.extraction.furniture import (
    NON_CONTENT_XPATH,
    PAGE_LINK,
    drop_captions,
    drop_clutter,
    drop_linked_titles,
)
from crawler.extraction.indonesian import (
    BYLINE_LABEL_RE,
    CONTRIBUTOR_LINE_RE,
    CREDIT_TAG_RE,
    LABELLED_BYLINE_RE,
    LIST_LABEL_RE,
    NAME_RE,
    SOURCE_LINE_RE,
)
from crawler.extraction.media import Image, take_embeds, take_images

# A declared articleBody shorter than this is a teaser, not the article.
MIN_DECLARED_BODY_WORDS = 80
# A paragraph trafilatura left out between two it kept is put back when it reads as prose: this
# many words at least, ending a sentence.
GAP_PROSE_MIN_WORDS = 10
# How many of the last kept paragraphs are tried as the end of the article's element.
FILL_END_TRIES = 3
_PROSE_END_RE = re.compile(r"[.!?\"”’')]$")
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EXSLT = {"re": "http://exslt.org/regular-expressions"}


def main_node(root: html.HtmlElement) -> html.HtmlElement | None:
    """The element whose direct paragraphs hold the most text."""
    best, best_len = None, 0
    for el in root.xpath("//*[p]"):
        size = sum(len(node_text(p)) for p in el.xpath("./p"))
        if size > best_len:
            best, best_len = el, size
    return best


def generic_text(sel: Selector, url: str) -> Body:
    """The body of a page read without site rules; its node is the main text block (of a copy)."""
    root = copy.deepcopy(sel.root)
    for block in root.xpath("//body//*[br/following-sibling::node()[1][self::br]]"):
        _br_lines_to_paragraphs(block)
    main = main_node(root)
    embeds = take_embeds(main if main is not None else root, url)
    embeds += take_embeds(root, url, frames=False)  # posts embedded beside the main text block
    if main is not None:
        dash_bold_dateline(main)
        drop_linked_titles(main)
    images: list[Image] = []
    for img in root.xpath("//img"):
        if img.getparent() is None or img.xpath(NON_CONTENT_XPATH):
            continue
        inside_main = main is not None and main in img.iterancestors()
        # Read (and take out of the copy) once; outside the main text only captioned photos count.
        images += [i for i in take_images(img.getparent(), url) if inside_main or i["caption"]]
    if main is not None:  # after the images have taken their captions
        drop_captions(main)
    drop_clutter(root, keep=main)
    scope = _declared_body(root, main)
    import trafilatura  # 0.2 s to import: only pages read by the generic path pay for it

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
    paras = _fill_gaps(root, paras)
    paras = _restore_headings(scope if scope is not None else main, _loose_lead(root, main, paras))
    return Body(paras + _trailing_credit(root, paras), images, embeds, main)


def _br_lines_to_paragraphs(block: html.HtmlElement) -> None:
    """Text set as lines between ``<br><br>`` becomes ``<p>`` elements. trafilatura stops reading
    such a block at a line that opens with a link ("<br><b><a>Judul lain</a></b><br>", "Baca
    juga: <a>"), losing the rest of the article; as paragraphs the lines are read one by one, and a
    linked headline among them is dropped like any other."""
    if (
        block.tag in ("p", "li", "td", "th", "pre")
        or not (block.text or "").strip()
        and not any((c.tail or "").strip() for c in block)
    ):
        return
    lines: list[list] = [[]]
    pieces: list = [block.text or ""]
    for child in list(block):
        pieces += [child, child.tail or ""]
        child.tail = None
    block.text = None
    for piece in pieces:
        if isinstance(piece, str):
            lines[-1].append(piece)
        elif piece.tag == "br" or (isinstance(piece.tag, str) and piece.tag.lower() in BLOCK_TAGS):
            lines.append([] if piece.tag == "br" else [piece])
            if piece.tag != "br":
                lines.append([])
        else:
            lines[-1].append(piece)
    for child in list(block):
        block.remove(child)
    for line in lines:
        _append_line(block, line)


def _append_line(block: html.HtmlElement, line: list) -> None:
    """One line of a ``<br>`` block back into it: a block element as it was, else a ``<p>``."""
    if len(line) == 1 and not isinstance(line[0], str):
        block.append(line[0])
        return
    if not "".join(p if isinstance(p, str) else node_text(p) for p in line).strip():
        return
    para = html.Element("p")
    for piece in line:
        if isinstance(piece, str):
            if len(para):
                para[-1].tail = (para[-1].tail or "") + piece
            else:
                para.text = (para.text or "") + piece
        else:
            para.append(piece)
    block.append(para)


def _declared_body(root: html.HtmlElement, main: html.HtmlElement | None) -> html.HtmlElement | None:
    """The element the page marks as its article body (``itemprop=articleBody``) when it holds
    the article: trafilatura then reads it alone, so the kicker, summary, date and byline
    printed above it cannot leak. trafilatura looks for such an element only among divs. A
    marked element that holds only part of the main text block (a lead, one page) is not used."""
    for body in root.xpath("//*[@itemprop='articleBody']")[:1]:
        text = node_text(body)
        if len(text.split()) < MIN_DECLARED_BODY_WORDS:
            return None
        if main is None or main is body or body in main.iterancestors():
            return body
        return body if len(text) >= 0.8 * len(node_text(main)) else None
    return None


def _as_page(body: html.HtmlElement) -> html.HtmlElement:
    page = html.fromstring("<html><body></body></html>")
    holder = page.find("body")
    assert holder is not None  # the parser always makes the body written above
    holder.append(copy.deepcopy(body))
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


def _fill_gaps(root: html.HtmlElement, paras: list[str]) -> list[str]:
    """trafilatura can keep the first and last blocks of a body and drop what lies between (text
    loose in a ``<div>`` after some ``<p>``, a part of the body in its own container): the prose
    paragraphs of the article's element between the first and the last paragraph it kept are put
    back in their place. Nothing is added before the first or after the last kept paragraph."""
    if len(paras) < 2:
        return paras
    found_end = _article_container(root, paras)
    if found_end is None:
        return paras
    container, last = found_end
    found = paragraphs(container)
    start = next((i for i, p in enumerate(found) if _same(p, paras[0])), None)
    end = next((i for i in range(len(found) - 1, -1, -1) if _same(found[i], last)), None)
    if start is None or end is None or end - start < 2:
        return paras
    kept = " ".join(paras)
    out, at = list(paras), 1
    for candidate in found[start + 1 : end]:
        index = next((i for i, p in enumerate(out) if _same(candidate, p)), None)
        if index is not None:
            at = index + 1
        elif (_is_prose(candidate) or _is_address(candidate)) and candidate[:60] not in kept:
            out.insert(at, candidate)
            at += 1
    return out


def _article_container(root: html.HtmlElement, paras: list[str]) -> tuple[html.HtmlElement, str] | None:
    """The element holding the first kept paragraph and the last one inside the article, and
    that last paragraph. The last few lines kept (an editor line, a copyright line) may sit
    outside the article's element, or be split over several; they are passed over."""
    first = _element_of(root, paras[0])
    if first is None:
        return None
    for last in reversed(paras[max(1, len(paras) - FILL_END_TRIES) :]):
        end = _element_of(root, last)
        container = _common_ancestor(first, end) if end is not None else None
        if container is not None and container.tag not in ("html", "body"):
            return container, last
    return None


def _is_prose(text: str) -> bool:
    return len(text.split()) >= GAP_PROSE_MIN_WORDS and bool(_PROSE_END_RE.search(text))


def _is_address(text: str) -> bool:
    """A web or mail address printed for the reader on its own line (a contact block): trafilatura
    drops it as a link, but a link whose text is its own address is not navigation."""
    return _ADDRESS_RE.fullmatch(text) is not None


def _same(a: str, b: str) -> bool:
    return a[:60] == b[:60]


def _element_of(root: html.HtmlElement, paragraph: str) -> html.HtmlElement | None:
    """The element whose own text holds the start (or else the end) of a paragraph."""
    words = paragraph.split()
    for snippet in (" ".join(words[:5]), " ".join(words[-5:])):
        for text in root.xpath("//body//text()[normalize-space()][not(ancestor::script or ancestor::style)]"):
            if snippet in clean_space(str(text)):
                parent = text.getparent()
                return parent if text.is_text or parent is None else parent.getparent()
    return None


def _common_ancestor(a: html.HtmlElement, b: html.HtmlElement) -> html.HtmlElement | None:
    # The chain is held while its ids are compared: lxml makes a proxy object per visit, and the
    # id of a proxy already freed can be given to another element's.
    chain = [a, *a.iterancestors()]
    above = {id(el) for el in chain}
    return next((el for el in [b, *b.iterancestors()] if id(el) in above), None)


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
        if heading.xpath(f"ancestor::{PAGE_LINK} | .//{PAGE_LINK}"):
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
    """A few words of each of the nearest visible texts before or after an element, nearest first;
    the neighbouring element's whole text comes first, as a paragraph that opens with a link
    ("<p>Pelemahan <a>IHSG</a> ...") has no text node of its own long enough to be matched."""
    found = el.xpath(
        f"{axis}::text()[normalize-space()][not(ancestor::script or ancestor::style)][position() <= {count}]"
    )
    texts = [clean_space(str(t)).split() for t in found]
    sibling = el.getprevious() if axis == "preceding" else el.getnext()
    block = node_text(sibling).split() if sibling is not None and isinstance(sibling.tag, str) else []
    if axis == "preceding":  # XPath gives them in document order
        return [" ".join(w[-3:]) for w in [block, *reversed(texts)] if len(w) >= 2]
    return [" ".join(w[:3]) for w in [block, *texts] if len(w) >= 2]


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
            if block is None or block.xpath(NON_CONTENT_XPATH):
                break
            text = node_text(block)
            if len(text) > 80:
                break
            links = byline_names(block)  # "Oleh <a>Nama Satu</a><a>Nama Dua</a>"
            if len(links) >= 2 and all(NAME_RE.fullmatch(n) for n in links):
                return links
            found = LABELLED_BYLINE_RE.match(text)
            names = found.group("names") if found else ""
            # "Penulis : Kontributor Lhokseumawe, Nama": the writer after the role and town.
            contributor = CONTRIBUTOR_LINE_RE.match(names)
            names = contributor.group("names").strip() if contributor else names
            if names and NAME_RE.fullmatch(names):
                return [names]
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


def generic_authors(sel: Selector, editors: tuple[str, ...] = ()) -> list[str]:
    """Where bylines usually are, surest first; ``editors`` are names the page labels as its
    editors, which a byline guessed by link or class name never gives."""
    return (
        _names_at(sel, _MARKED_AUTHORS) or _labelled_byline(sel) or _names_at(sel, _GUESSED_AUTHORS, editors)
    )


def _names_at(sel: Selector, queries: tuple[str, ...], editors: tuple[str, ...] = ()) -> list[str]:
    """The short texts of the first query that finds any, outside navigation and footers."""
    for query in queries:
        nodes = [n for n in sel.xpath(query) if not n.root.xpath(NON_CONTENT_XPATH + " | " + _PICTURE_XPATH)]
        names = [name for n in nodes[:3] for name in byline_names(n.root) if 0 < len(name) <= 60]
        names = [n for n in names if BYLINE_LABEL_RE.sub("", n + " ").strip()]  # not a bare "Penulis:"
        names = [n for n in names if not editors or clean_space(BYLINE_LABEL_RE.sub("", n)) not in editors]
        if names:
            return names
    return []


# A photo's box: its credit ("KOMPAS.COM/NAMA" in a span classed "author") is no byline.
_PICTURE_XPATH = (
    "ancestor-or-self::*[self::figure or self::figcaption or contains(@class, 'photo')"
    " or contains(@class, 'caption') or contains(@class, 'foto')]"
)


def byline_names(node: html.HtmlElement) -> list[str]:
    """The names of one byline element, each apart: two links printed with nothing between
    them ("<a>Nama Satu</a><a>Nama Dua</a>") are two writers, not "Nama SatuNama Dua"."""
    text = node_text(node)
    links = [node_text(a) for a in node.xpath(".//a") if node_text(a)]
    if len(links) < 2:
        return [text] if text else []
    rest = text
    for link in links:
        rest = rest.replace(link, " ", 1)
    # Only labels and separators between the links: "Oleh", ",", "dan", "&".
    if re.fullmatch(r"[\s,&/|·-]*", BYLINE_LABEL_RE.sub("", re.sub(r"(?i)\b(?:dan|and)\b", " ", rest) + " ")):
        return links
    return [text]


def labelled_editors(sel: Selector) -> list[str]:
    """Names the page labels as its editors: "Editor : Nama", "Editor : <a>Nama</a>", or a
    name followed by its role alone ("Nama" then "Editor" in a credit card)."""
    names: list[str] = []
    for label in sel.root.xpath(
        "//body//text()[re:test(., '^\\s*(editor|redaktur|penyunting)\\b', 'i')]"
        "[not(ancestor::script or ancestor::style)][position() <= 10]",
        namespaces=_EXSLT,
    ):
        found = _EDITOR_LABEL_RE.match(str(label))
        if found:
            names.append(clean_space(found.group("name") or _beside(label, bool(found.group("colon")))))
    return list(dict.fromkeys(n for n in names if NAME_RE.fullmatch(n)))


_EDITOR_LABEL_RE = re.compile(
    r"\s*(?:editor|redaktur|penyunting)\s*(?P<colon>:)?\s*(?P<name>[^:]{0,60}?)\s*$", re.IGNORECASE
)


def _beside(label: str, after: bool) -> str:
    """The text printed after a label ("Editor :" then a link), or before a role ("Editor")."""
    parent = label.getparent()  # type: ignore[attr-defined]
    if after:
        near = parent.xpath(".//text()[normalize-space()] | following::text()[normalize-space()]")
        at = next((i for i, t in enumerate(near) if t == label), len(near))
        return str(near[at + 1]).strip(" :,") if at + 1 < len(near) else ""
    near = parent.xpath("preceding::text()[normalize-space()][not(ancestor::script)]")
    return str(near[-1]).strip(" :,") if near else ""


def generic_editors(sel: Selector) -> list[str]:
    nodes = classed(sel.root, ("editor", "redaktur"))
    texts = [node_text(n) for n in nodes if not n.xpath(NON_CONTENT_XPATH)]
    return [t for t in texts if 0 < len(t) <= 80 and re.match(r"(?i)(editor|redaktur|penyunting)\b", t)][:2]


def breadcrumb(sel: Selector, title: str | None) -> str | None:
    crumbs = [
        node_text(a.root)
        for a in sel.xpath("//*[contains(@class, 'breadcrumb')]//a | //*[contains(@class, 'breadcrumb')]/li")
    ]
    crumbs = [
        c for c in dict.fromkeys(crumbs)
        if c and c != title and c.lower() not in ("home", "beranda", "index", "indeks", "berita")
    ]  # fmt: skip
    return crumbs[0] if crumbs else None


def generic_tags(sel: Selector) -> list[str]:
    links = sel.xpath(
        "//*[contains(@class, 'tag') and not(contains(@class, 'tagline'))]"
        "//a[contains(@href, '/tag') or contains(@href, '/topik') or contains(@href, '/topic')]"
    )
    return list(dict.fromkeys(t for t in (node_text(a.root).lstrip("#") for a in links) if t))
