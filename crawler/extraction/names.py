"""Names as pages print them: bylines without their labels, headlines without the site's name,
and the publisher told apart from the people who wrote the article."""

from __future__ import annotations

import re

from crawler.extraction.document import clean_space
from crawler.extraction.indonesian import BYLINE_LABEL_RE, BYLINE_ROLE_RE, BYLINE_SUFFIX_RE, OUTLET_RE
from crawler.extraction.metadata import Metadata
from crawler.extraction.urls import registered_domain

_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|\-–—:»]|::)\s+")
_DOMAIN_RE = re.compile(r"(?:www\.)?[\w-]+\.(?:com|co\.id|or\.id|web\.id|id|net|co|org)")
_BRAND_NOISE_RE = re.compile(r"\b(?:www|online|official)\b|\.(?:com|co\.id|or\.id|web\.id|id|net|co|org)\b")
TAGLINE_MAX_WORDS = 8  # "| Kabar Kota - Portal Berita Terkini Sulawesi Tengah": the site's motto


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
    """Headline without its site decorations: "Headline - Site", "Site | Headline",
    "Headline | Site - Tagline", "Site: Headline". A colon inside the headline stays
    ("Menteri: 'Kami siap'"): only a part that names the site is cut."""
    tokens = [s.lower() for s in site_names if s]
    parts = _TITLE_SEPARATORS_RE.split(title)

    def is_site(part: str) -> bool:
        low = part.lower().strip()
        squashed = re.sub(r"[\s.]", "", low)
        return (
            bool(low)
            and (
                any(t in low or re.sub(r"[\s.]", "", t) in squashed for t in tokens)
                or bool(_DOMAIN_RE.fullmatch(low))
            )
            and len(part.split()) <= 4
        )

    end = len(parts)
    for index in range(1, len(parts)):
        # The site's part, last or followed only by its tagline ("| Site - Berita Terkini").
        after = parts[index + 1 :]
        tagline = len(" ".join(after).split()) <= TAGLINE_MAX_WORDS and is_site_name(parts[index], site_names)
        if is_site(parts[index]) and (all(is_site(p) for p in after) or tagline):
            end = index
            break
    start = 0
    while start < end - 1 and is_site(parts[start]):
        start += 1
    kept = parts[start:end]
    if len(kept) == len(parts):
        return _strip_site_label(clean_space(title), site_names)
    # Rejoin with the original separators by slicing the original string.
    begin = title.find(kept[0])
    stop = title.rfind(kept[-1]) + len(kept[-1])
    return clean_space(title[begin:stop])


def _strip_site_label(title: str, site_names: list[str]) -> str:
    """ "Kabar Kota: Headline" -> "Headline", only when what precedes the colon is the site's name."""
    lead = re.match(r"([^:|»]{2,40}?)\s*[:|»]\s+(?=\S)", title)
    if lead and is_site_name(lead.group(1), site_names) and len(title[lead.end() :].split()) >= 2:
        return title[lead.end() :]
    return title


def is_site_name(text: str, site_names: list[str]) -> bool:
    """The whole text is the site's name, as its brand, domain or label ("Kabar Kota",
    "KabarKota.com", "kabarkota", "Kabar Kota Online"): never a headline."""
    key = _brand_key(text)
    return bool(key) and any(key == _brand_key(name) for name in site_names if name)


def _brand_key(text: str) -> str:
    """Letters and digits of a name without "www", ".com" and "Online"/"News" words."""
    return re.sub(r"[\W_]+", "", _BRAND_NOISE_RE.sub(" ", text.lower()))


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


# Agencies whose bare name may end a body: a credit, not the writer's sign-off.
NEWS_AGENCIES = frozenset(
    ["ANTARA", "REUTERS", "AFP", "AP", "BBC", "ABC", "XINHUA", "BERNAMA", "KYODO", "YONHAP", "TASS", "DPA"]
    + ["ANADOLU", "SPUTNIK", "CNN"]
)
# Words of the lines that end a body without naming anyone: "BERSAMBUNG", "Semoga Bermanfaat",
# "BERITA TERKAIT", "Tonton Video". A name holds none of them.
NOT_NAME_WORDS = frozenset(
    ["bersambung", "tamat", "selesai", "semoga", "bermanfaat", "selamat", "terima", "kasih", "baca", "juga"]
    + ["simak", "lihat", "tonton", "ikuti", "video", "foto", "galeri", "infografis", "berita", "terkait"]
    + ["terkini", "terpopuler", "lainnya", "selengkapnya", "advertisement", "iklan", "sponsored", "update"]
)
SIGN_OFF_MAX_WORDS = 4
_SIGN_OFF_RE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}")


def sign_off(line: str, body: list[str]) -> str | None:
    """The writer's name alone on a line at the end of the body ("DINI TEJA", "Rina Wulandari"),
    as printed; None for anything else. Its words are all capitals, or (two or more) each
    capitalised, without digits or a closing full stop, and one of them at least is a word the
    body never writes in small letters: "Harga Cabai Naik" is a headline of common words, a
    name is capitalised wherever it is written."""
    line = clean_space(line)
    words = line.split()
    if not _SIGN_OFF_RE.fullmatch(line) or re.search(r"\d|_", line) or line.upper() in NEWS_AGENCIES:
        return None
    if OUTLET_RE.match(line):  # "KOMPAS.COM" signs for the outlet: a credit, no writer
        return None
    if line.endswith(".") and len(words[-1]) > 2:  # "Agus S." keeps its initial; a sentence ends
        return None
    capitals = line.isupper()
    title_case = len(words) >= 2 and all(w[0].isupper() and not w[1:].isupper() for w in words)
    if not (capitals or title_case) or len(words) > SIGN_OFF_MAX_WORDS:
        return None
    if any(w.lower().strip(".") in NOT_NAME_WORDS for w in words):
        return None
    small = {w for para in body for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", para)}
    return line if any(w.lower().strip(".") not in small for w in words) else None
