"""Indonesian newsroom knowledge as data: boilerplate, datelines, credit tags, byline labels.

Site files say *where* things are on one site; what Indonesian newsrooms print everywhere
lives here, so the generic path and every site share it.
"""

from __future__ import annotations

import re

# Whole paragraphs that are never article text (matched against the stripped paragraph).
BOILERPLATE_PARAGRAPHS: tuple[str, ...] = (
    r"(?:baca|simak|lihat|cek|tonton|saksikan)\s+(?:juga|pula)\b.*",
    r"(?:baca|simak)\s+(?:selengkapnya|selanjutnya|berita\s+lainnya)\b.*",
    r"(?:copyright|hak\s+cipta)\b.*|©.*",
    r"(?:lihat|simak|saksikan|tonton|cek)\s+(?:juga\s+)?video\b.*",
    r"-{3,}|_{3,}|\*{3,}",
    r"(?:video|berita|artikel)\s+(?:pilihan|terkait|lainnya|terpopuler|populer)\s*:?",
    r"pilihan\s+editor\s*:.*",
    r"advertisement|iklan|sponsored|konten\s+sponsor",
    r"scroll\s+to\s+(?:resume|continue\s+with)\s+content",
    r"scroll\s+ke\s+bawah\s+untuk\s+melanjutkan(?:\s+membaca)?",
    r"\[gambas:[^\]]*\]",
    r"\(ads\.[\w.]+\)",
    r"artikel\s+ini\s+telah\s+(?:tayang|naik|terbit|dipublikasikan)\b.*",
    r"disclaimer\s*:.*",
    r"baca\s*:.*",
    r"ikuti\s+(?:berita|informasi|update|kabar|perkembangan)\b.*",
    r"(?:bagikan|share)(?:\s+(?:ke|artikel\s+ini|via))?\s*:?(?:\s*(?:facebook|twitter|x|whatsapp|"
    r"telegram|line|linkedin|email|copy\s+link|salin\s+tautan))*\s*",
    r"komentar\s*\(\d+\)",
    r"ringkasan\s+berita\s*:?",
    r"sesuai\s+minatmu",
    r"baca\s+\d+\s+(?:detik|menit)",
    r"add\s+as\s+a\s+preferred\s+source\s+on\s+google",
    r"baca\s+artikel\s+menarik\s+lainnya.*",
    r"load\s+more\W*",
    r"halaman\s*\d+\s*(?:/|dari)\s*\d+",
    r"(?:halaman\s+)?(?:selanjutnya|berikutnya|sebelumnya)\s*[»>]*",
    r"(?:download|unduh)\s+(?:aplikasi|app)\b.*",
    r"dapatkan\s+(?:update|informasi|berita)\b.*(?:google\s+news|whatsapp|telegram|aplikasi).*",
    r"(?:simak|ikuti|follow|gabung|cek|pantau|dapatkan)\b.*"
    r"(?:whatsapp\s+channel|saluran\s+whatsapp|kanal\s+whatsapp|google\s+news|telegram\s+channel|"
    r"whatsapp\.com/channel).*",
    r"telusuri\s+berita\b.*lainnya.*",
    r"(?:berita|topik)\s+terkait\s*:?.*",
    r"tag(?:s)?\s*:.*",
    # media references and captions that slipped out of their figure
    r"\(?\s*(?:foto|video|photo|gambar)\s*:\s*https?://\S+\s*\)?",
    r".{0,80}\bvideo\s*:",
    r".{0,200}[.!?]\s*(?:foto|photo)\s*:\s*[^.:]{1,40}",
    # a byline laid out as table cells: "| Penulis | : Nama |"
    r"\|?\s*(?:penulis|editor|reporter|pewarta|sumber)\s*\|.*",
)
BOILERPLATE_RE = re.compile(
    r"^\W{0,3}(?:" + "|".join(BOILERPLATE_PARAGRAPHS) + r")\W{0,3}$", re.IGNORECASE | re.DOTALL
)
# Long paragraphs that match the prompt patterns above are real text that mentions them.
BOILERPLATE_MAX_CHARS = 320

# A short label heading a box that is not the article: links ("Berita Lainnya", "Terpopuler") or
# a summary list ("Ringkasan", "Poin Penting").
LIST_LABEL_RE = re.compile(
    r"^\W{0,3}(?:(?:berita|artikel|video|foto|konten|topik|tag)\s+"
    r"(?:lainnya|lain|terkait|terbaru|terkini|terpopuler|populer|pilihan|rekomendasi|menarik|hangat|utama)"
    r"|(?:baca|lihat|simak)\s+(?:juga|lainnya)|terpopuler|populer|terbaru|terkini|trending(?:\s+topic)?"
    r"|ringkasan(?:\s+berita)?|poin\s+penting|intisari|highlights?|key\s+points"
    r"|rekomendasi(?:\s+untuk\s+(?:anda|kamu))?|pilihan\s+(?:editor|redaksi)|headlines?|news\s+update"
    r"|most\s+(?:popular|read|viewed)|related(?:\s+(?:news|articles|posts))?|read\s+(?:more|also)"
    r"|more\s+stories|editor'?s\s+picks?|paling\s+banyak\s+dibaca|terpopuler\s+hari\s+ini)\W{0,3}$",
    re.IGNORECASE,
)

# Markers that sites leave *inside* a paragraph; removed, the rest of the paragraph kept.
INLINE_MARKERS_RE = re.compile(
    r"\(ads\.[\w.]+\)|\bADVERTISEMENT\b|SCROLL TO (?:RESUME|CONTINUE WITH) CONTENT|\[Gambas:[^\]]*\]",
)

# Outlet names as they appear in datelines ("JAKARTA, KOMPAS.com", "Jakarta (ANTARA)").
OUTLET_RE = re.compile(
    r"^(?:[\w-]+\.(?:com|co\.id|id|net|co|or\.id|web\.id|news)(?:\.[a-z]{2})?|"
    r"ANTARA(?:\s+News)?|Antara(?:/[\w ]+)?|CNN Indonesia|CNBC Indonesia|VIVA|TEMPO|KOMPAS|"
    r"REPUBLIKA|Okezone|SINDOnews|Suara|iNews|IDN Times|JPNN|Merdeka|Bisnis|Kontan|Katadata)$",
    re.IGNORECASE,
)
_PLACE = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# The dateline before its dash at the start of the first paragraph.
DATELINE_RE = re.compile(
    r"^(?P<dateline>"
    r"(?:[\w.-]+\.(?:com|co\.id|id|net|co)(?:\.[a-z]{2})?|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    r"(?:,\s*(?:" + _PLACE + r"|\d{1,2}\s+\w+\s+\d{4}|[\w.-]+\.(?:com|co\.id|id)))*"
    r"(?:\s*\([^()]{2,40}\))?"
    r")\s*(?:-{1,2}|–|—)\s*(?=\S)",
)
DATELINE_MAX_WORDS = 8
# kontan: "KONTAN.CO.ID - JAKARTA. Bank Indonesia ..." (the outlet, a dash, the place, a full stop).
OUTLET_PLACE_RE = re.compile(
    r"^(?P<dateline>[\w-]+\.(?i:com|co\.id|id)\s*[-–—]\s*[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*){0,3})\.\s+(?=\S)"
)

# A trailing desk or credit tag: "(TASS)", "(ant)", "(mea/mea)", "(H-4)", "(Cas/Isk)".
CREDIT_TAG_RE = re.compile(
    r"(?:^|(?<=[.!?\"”’'])\s*)\(\s*(?P<credit>[A-Za-z][\w.\- ]{0,24}(?:/[\w.\- ]{1,24}){0,3})\s*\)\s*$"
)
# A trailing "Sumber: Antara" line.
SOURCE_LINE_RE = re.compile(r"^\(?\s*(?:sumber|source)\s*:\s*(?P<credit>[^()]{2,60}?)\s*\)?\s*$", re.I)

# Labels before names in bylines.
BYLINE_LABEL_RE = re.compile(
    r"^\s*(?:oleh|penulis|reporter|pewarta|wartawan|jurnalis|kontributor|laporan(?:\s+wartawan)?|"
    r"rep|red|redaktur|editor|penyunting|by|written\s+by)\s*[:.]?\s+",
    re.IGNORECASE,
)
# Trailing " - detikNews", " - Fakta.com", "| Kompas.com" after a byline name.
BYLINE_SUFFIX_RE = re.compile(
    r"\s*[-–|,]\s*(?:detik\w*|CNN Indonesia|CNBC Indonesia|[\w.-]+\.(?:com|co\.id|id))\s*$", re.I
)
# A role printed after a byline name: "Dewi Kania Jurnalis".
BYLINE_ROLE_RE = re.compile(r"\s+(?:jurnalis|reporter|penulis|wartawan|kontributor|pewarta)$", re.IGNORECASE)
# A byline line outside the body: "Reporter : Nama", "Rep: C31/ Red: Nama", "Oleh: Nama | Editor: Nama".
LABELLED_BYLINE_RE = re.compile(
    r"^(?:rep(?:orter)?|penulis|pewarta|wartawan|jurnalis|kontributor|oleh|laporan\s+wartawan)\s*[:.]?\s+"
    r"(?P<names>.+?)\s*(?:[/|]|\b(?:red(?:aktur)?|editor|penyunting)\b|$)",
    re.IGNORECASE,
)
# What a person's name (or a reporter code such as "C31") looks like: capitalised words.
NAME_RE = re.compile(
    r"(?:[A-Z][\w.'’-]*|[A-Z]{1,3}\d{2,3})(?:\s+(?:[A-Z][\w.'’-]*|bin|binti|de|van|al-\w+)){0,5}"
)

# Lines at the end of a body naming the staff: "Editor: Nama", "Pewarta: Nama".
STAFF_LINE_RE = re.compile(
    r"^(?P<label>pewarta|penulis|reporter|editor|redaktur|penyunting|rep|red)\s*:\s*(?P<names>.{2,80})$",
    re.IGNORECASE,
)
EDITOR_LABELS = frozenset({"editor", "redaktur", "penyunting", "red"})
# "Kontributor Lhokseumawe, Masriadi" at the end of a body: the writer.
CONTRIBUTOR_LINE_RE = re.compile(
    r"^(?:kontributor|koresponden)\s+[A-Z][\w ]{1,40},\s*(?P<names>[A-Z][\w .'’-]{1,60})$", re.IGNORECASE
)

# Photo credit inside a caption: "(Foto: ANTARA/Nama)", "Foto: Nama/detikcom", "(KOMPAS.com/Nama)".
CAPTION_CREDIT_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\s*[(\[]\s*(?:foto|photo|dok(?:umentasi)?|sumber|ilustrasi|image|gambar)\s*[:.]\s*"
        r"(?P<credit>[^()\[\]]+?)\s*[)\]]\s*$",
        re.I,
    ),
    re.compile(r"\s*[(\[](?P<credit>[^()\[\]]*\w/[^()\[\]]+?)[)\]]\s*$"),
    # "...Jakarta(Biro Pers Sekretariat Presiden)": a credit glued to the last word.
    re.compile(r"(?<=\w)\((?P<credit>[^()]{2,60})\)\s*$"),
    # "... 24 April 2025. TEMPO/Tony Hartawan", "... ANTARA FOTO/Nama/rwa.": an unbracketed credit.
    re.compile(r"(?<=[.!?])\s+(?P<credit>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*/[^/()]{2,60}(?:/[a-z]{2,4})?)\.?\s*$"),
    re.compile(r"(?:^|\s+|[.|-]\s*)(?:foto|photo)\s*:\s*(?P<credit>[^:]{2,80}?)\s*$", re.I),
)
CAPTION_LABEL_RE = re.compile(r"^\s*(?:foto|photo|ilustrasi|gambar)\s*:\s*", re.I)
