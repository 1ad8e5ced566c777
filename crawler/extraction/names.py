"""Names as pages print them: bylines without their labels, headlines without the site's name,
and the publisher told apart from the people who wrote the article."""

from __future__ import annotations

import re

from crawler.extraction.document import clean_space
from crawler.extraction.indonesian import BYLINE_LABEL_RE, BYLINE_ROLE_RE, BYLINE_SUFFIX_RE
from crawler.extraction.metadata import Metadata
from crawler.extraction.urls import registered_domain

_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|\-–—:»]|::)\s+")


def clean_names(values: list[str]) -> list[str]:
    """Author names without labels ("Oleh", "Penulis:") and channel suffixes (" - detikNews")."""
    names: list[str] = []
    for value in values:
        value = BYLINE_SUFFIX_RE.sub("", BYLINE_LABEL_RE.sub("", clean_space(value)))
        value = BYLINE_ROLE_RE.sub("", value)
        value = re.sub(r"^[\w-]+\.(?:com|co\.id|id)\s*/\s*", "", value, flags=re.I)  # "KOMPAS.com/Nama"
        for name in re.split(r"\s*(?:,|;|\s&\s|\sdan\s|\sand\s)\s*", value):
            name = clean_space(BYLINE_LABEL_RE.sub("", name)).strip(" -|·")
            name = re.sub(r"\s*\([A-Z][\w .'’-]{1,30}\)$", "", name)  # a contributor's town: "Yadi (Bandung)"
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


def is_publisher(name: str, site_names: list[str]) -> bool:
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


def site_names(url: str, meta: Metadata) -> list[str]:
    """What the site calls itself: its declared name, its domain, the domain's first label."""
    domain = registered_domain(url)
    label = domain.split(".")[0]
    return [n for n in (meta.site_name, domain, label) if n]
