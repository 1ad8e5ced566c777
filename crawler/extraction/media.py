"""Images with their captions, and embedded posts and players.

Both are taken out of the body before its text is read: captions and embeds belong in
``images`` and ``embeds``, never in ``text``.
"""

from __future__ import annotations

import copy
import re
from urllib.parse import urljoin, urlsplit

from lxml import html

from crawler.extraction.document import clean_space, drop, node_text
from crawler.extraction.indonesian import CAPTION_CREDIT_RES, CAPTION_LABEL_RE
from crawler.extraction.urls import strip_tracking

Image = dict[str, str | None]
Embed = dict[str, str | None]

EMBED_HOSTS: tuple[tuple[str, str], ...] = (
    ("twitter.com", "twitter"), ("x.com", "twitter"), ("instagram.com", "instagram"),
    ("facebook.com", "facebook"), ("fb.watch", "facebook"), ("tiktok.com", "tiktok"),
    ("youtube.com", "youtube"), ("youtube-nocookie.com", "youtube"), ("youtu.be", "youtube"),
    ("vidio.com", "video"), ("20.detik.com", "video"), ("dailymotion.com", "video"),
    ("vimeo.com", "video"), ("jwplayer.com", "video"), ("jwplatform.com", "video"),
)  # fmt: skip
# Frames that are ads or trackers, not content: dropped without a trace.
AD_HOSTS_RE = re.compile(r"doubleclick|googlesyndication|googletagservices|adnxs|criteo|taboola|outbrain")
CAPTION_XPATH = (
    "self::figcaption or self::small or contains(@class, 'caption') or contains(@class, 'keterangan')"
    " or contains(@id, 'caption')"
)
CREDIT_CHILD_XPATH = (
    ".//*[contains(@class, 'credit') or contains(@class, 'source') or contains(@class, 'sumber')]"
)
_IMG_ATTRS = ("data-src", "data-lazy-src", "data-original", "src")


def embed_kind(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    for suffix, kind in EMBED_HOSTS:
        if host == suffix or host.endswith("." + suffix):
            return kind
    return "other"


def split_caption(text: str) -> tuple[str | None, str | None]:
    """("Caption", "ANTARA/Nama") from "Caption (Foto: ANTARA/Nama)" and the other shapes."""
    text = clean_space(text)
    labelled = CAPTION_LABEL_RE.match(text)
    if labelled:  # "Foto: Wisman di Bali (Ichalchem)": after a label, the brackets are the credit
        rest = text[labelled.end() :]
        bracket = re.search(r"\s*\((?P<credit>[^()]{2,60})\)\s*$", rest)
        if bracket:
            return clean_space(rest[: bracket.start()]) or None, clean_space(bracket.group("credit"))
    for pattern in CAPTION_CREDIT_RES:
        match = pattern.search(text)
        if match:
            caption = clean_space(CAPTION_LABEL_RE.sub("", text[: match.start()]))
            return caption or None, clean_space(match.group("credit")) or None
    return clean_space(CAPTION_LABEL_RE.sub("", text)) or None, None


def _img_url(img: html.HtmlElement, base: str) -> str | None:
    for attr in _IMG_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            url = urljoin(base, value)
            return url if url.startswith("http") else None
    return None


def _caption_for(img: html.HtmlElement) -> html.HtmlElement | None:
    """The caption element of an image: its figure's figcaption, or the next caption-like sibling
    of the image (or of its wrapping link/picture)."""
    figure = next((a for a in img.iterancestors("figure")), None)
    if figure is not None:
        caps = figure.xpath(".//figcaption")
        if caps:
            return caps[0]
    anchor = img
    while True:  # climb wrappers that hold nothing but the image (a, picture, a bare <p> or <div>)
        for sibling in anchor.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag in ("noscript", "script"):
                continue
            if sibling.xpath(CAPTION_XPATH):
                return sibling
            if _content_text(sibling):
                break
        parent = anchor.getparent()
        if (
            parent is None
            or parent.tag in ("body", "article", "figure")
            or _content_text(parent)
            or len(parent) > 4
        ):
            return None
        anchor = parent


_UI = "contains(@class, 'icon') or contains(@class, 'zoom') or contains(@class, 'expand')"


def _content_text(el: html.HtmlElement) -> str:
    """Text of an element apart from photo UI widgets ("Lihat Foto" zoom icons)."""
    if el.xpath(f"self::*[{_UI}]"):
        return ""
    widgets = el.xpath(f".//*[{_UI}]")
    if not widgets:
        return node_text(el)
    clone = copy.deepcopy(el)
    for widget in clone.xpath(f".//*[{_UI}]"):
        drop(widget)
    return node_text(clone)


def unique_by_url(items: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    """The first of each image or embed by URL, in order: a page (or the pages of one article)
    often shows the same photo or post twice. Items without a URL are all kept."""
    seen: set[str] = set()
    out = []
    for item in items:
        url = item.get("url")
        if url and url in seen:
            continue
        if url:
            seen.add(url)
        out.append(item)
    return out


def take_images(scope: html.HtmlElement, base: str, remove: bool = True) -> list[Image]:
    """Images in ``scope`` with their captions; captions (and figures) removed when asked."""
    images: list[Image] = []
    for img in scope.xpath(".//img"):
        url = _img_url(img, base)
        caption_el = _caption_for(img)
        caption, credit = _read_caption(caption_el) if caption_el is not None else (None, None)
        if url and not _is_icon(img):
            images.append({"url": url, "caption": caption, "credit": credit})
        if remove:
            if caption_el is not None:
                drop(caption_el)
            figure = next((a for a in img.iterancestors("figure")), None)
            drop(figure if figure is not None else img)
    for caption_el in scope.xpath(".//figcaption") if remove else []:
        drop(caption_el)
    return images


def _read_caption(caption_el: html.HtmlElement) -> tuple[str | None, str | None]:
    """Caption and credit; a credit in its own child element ("Foto: ANTARA/...") wins."""
    credit_els = caption_el.xpath(CREDIT_CHILD_XPATH)
    if credit_els:
        credit = clean_space(CAPTION_LABEL_RE.sub("", node_text(credit_els[0]))).strip("()[] ") or None
        rest = copy.deepcopy(caption_el)
        for el in rest.xpath(CREDIT_CHILD_XPATH):
            drop(el)
        caption, inner_credit = split_caption(node_text(rest))
        return caption, credit or inner_credit
    return split_caption(node_text(caption_el))


def _is_icon(img: html.HtmlElement) -> bool:
    width = (img.get("width") or "").rstrip("px")
    return width.isdigit() and int(width) < 50


def take_embeds(scope: html.HtmlElement, base: str, frames: bool = True) -> list[Embed]:
    """Embedded posts and players, removed from ``scope`` (and the caption under an iframe).
    ``frames=False`` takes only embedded posts (tweets, Instagram, TikTok, Facebook)."""
    embeds: list[Embed] = []

    def add(kind: str, url: str | None) -> None:
        url = urljoin(base, url) if url else None
        if url and url.startswith("//"):
            url = "https:" + url
        embeds.append({"kind": kind, "url": strip_tracking(url) if url and url.startswith("http") else None})

    for block in scope.xpath(
        ".//blockquote[contains(@class,'twitter-tweet') or contains(@class,'twitter-video')"
        " or contains(@class,'instagram-media') or contains(@class,'tiktok-embed')]"
        " | .//div[contains(@class,'fb-post') or contains(@class,'fb-video')]"
    ):
        cls = block.get("class", "")
        if "instagram" in cls:
            add(
                "instagram",
                block.get("data-instgrm-permalink") or _last_link(block, "instagram.com"),
            )
        elif "tiktok" in cls:
            add("tiktok", block.get("cite") or _last_link(block, "tiktok.com"))
        elif "fb-" in cls:
            add("facebook", block.get("data-href"))
        else:
            add("twitter", _last_link(block, "/status/"))
        drop(block)
    for frame in scope.xpath(".//iframe | .//embed | .//video") if frames else []:
        src = frame.get("src") or frame.get("data-src") or next(iter(frame.xpath(".//source/@src")), None)
        if src and AD_HOSTS_RE.search(src):
            drop(frame)
            continue
        if src:
            add(embed_kind(urljoin(base, src)) if frame.tag != "video" else "video", src)
        caption = next(frame.itersiblings(), None)
        if caption is not None and isinstance(caption.tag, str) and caption.xpath(CAPTION_XPATH):
            drop(caption)
        drop(frame)
    for link in (
        scope.xpath(".//a[contains(@class,'embed')]") if frames else []
    ):  # detik "[Gambas:Video 20detik]"
        add(embed_kind(link.get("href")) if link.get("href") else "video", link.get("href"))
        drop(link)
    return embeds


def _last_link(block: html.HtmlElement, needle: str) -> str | None:
    links = [h for h in block.xpath(".//a/@href") if needle in h]
    return links[-1] if links else None
