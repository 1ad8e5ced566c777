"""Indonesian newsroom knowledge as data: boilerplate, datelines, credit tags, byline labels.

Site files say *where* things are on one site; what Indonesian newsrooms print everywhere
lives here, so the generic path and every site share it.
"""

from __future__ import annotations

import re

# Whole paragraphs that are never article text (matched against the stripped paragraph).
BOILERPLATE_PARAGRAPHS: tuple[str, ...] = (
    r"(?:(?:yuk|ayo|mari|jangan\s+lupa)\W{0,2}\s*)?(?:baca|simak|lihat|cek|tonton|saksikan)\s+(?:juga|pula)\b.*",
    r"(?:baca|simak)\s+(?:selengkapnya|selanjutnya|berita\s+lainnya)\b.*",
    # copyright lines: "Copyright © 2025 ...", "© 2025 ...", "Hak cipta dilindungi undang-undang"
    r"(?:copyright|hak\s+cipta)\s*(?:©|\(c\)|\d{4}\b|dilindungi\b).*|©.*"
    r"|(?:copyright|hak\s+cipta)\b.{0,60}\b(?:all\s+rights\s+reserved|dilindungi)\b.*",
    r"(?:lihat|simak|saksikan|tonton|cek)\s+(?:juga\s+)?video\b.*",
    r"-{3,}|_{3,}|\*{3,}",
    r"(?:(?:foto|video|berita|artikel)\s+){1,2}(?:pilihan|terkait|lainnya|terpopuler|populer|rekomendasi)\s*:?",
    r"pilihan\s+editor\s*:.*",
    r"advertisement|advertorial|iklan|sponsored|konten\s+sponsor",
    r"scroll\s+to\s+(?:resume|continue\s+with)\s+content",
    r"scroll\s+ke\s+bawah\s+untuk\s+melanjutkan(?:\s+membaca)?",
    r"\[gambas:[^\]]*\]",
    r"\(ads\.[\w.]+\)",
    # syndication footers: "Artikel ini telah tayang di X dengan judul ...", "Berita ini sudah tayang di"
    r"(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah|sudah|pernah)\s+(?:tayang|naik|terbit|dipublikasikan)\b.*",
    r"disclaimer\s*:.*",
    r"baca\s*:.*",
    r"(?:bagikan|share|sebarkan)(?:\s+(?:ke|artikel\s+ini|berita\s+ini|this\s+(?:article|story|post)|via))?\s*:?(?:\s*(?:facebook|twitter|x|whatsapp|"
    r"telegram|line|linkedin|email|copy\s+link|salin\s+tautan))*\s*",
    r"komentar\s*\(\d+\)|\d+\s+komentar|tulis\s+komentar",
    r"ringkasan\s+berita\s*:?",
    r"sesuai\s+minatmu",
    r"baca\s+\d+\s+(?:detik|menit)",
    r"add\s+as\s+a\s+preferred\s+source\s+on\s+google",
    r"baca\s+artikel\s+menarik\s+lainnya.*",
    # a copied article's footer: 'Baca artikel detikinet, "Judul" selengkapnya https://...'
    r"baca\s+artikel\s+\S+.{0,200}\bselengkapnya\b.*",
    r"load\s+more\W*",
    r"halaman\s*\d+\s*(?:/|dari)\s*\d+|\d+\s+dari\s+\d+\s+halaman",
    r"selengkapnya",
    r"tamat|selesai|end|habis",  # "-selesai-", "(Tamat)": the end of a story, marked
    r"(?:halaman\s+)?(?:selanjutnya|berikutnya|sebelumnya)\s*[»>]*",
    # pagination: "Halaman: 1 2 3", "(Lanjut ke halaman berikutnya)", "Next page", "Next »", "(bersambung)"
    r"(?:halaman|hal\.?|page)\s*:?\s*(?:\d+\s*){2,}(?:selanjutnya|berikutnya|next)?\W*",
    r"(?:lanjut(?:kan)?|bersambung)\s+(?:(?:ke|di)\s+)?(?:halaman|hal\.?)\s+(?:berikutnya|selanjutnya|\d+)\b.*",
    r"bersambung|(?:next|previous|prev)(?:\s+page)?\s*[»>«<]*",
    # "Read also: ...", "Also read: ...", "READ MORE: ...", "Related: ...": English related lines
    r"(?:read|see)\s+also\b.*|also\s+read\b.*|(?:read\s+more|more\s+on\s+this|related(?:\s+(?:news|articles?|stories|posts?))?)\s*:.*",
    # comment boxes: "Komentar", "Berikan komentar Anda", "Silakan login untuk memberikan komentar."
    r"komentar(?:\s+(?:anda|kamu|pembaca))?|(?:berikan|tulis(?:kan)?|kirim(?:kan)?|lihat|tampilkan|muat)\s+"
    r"(?:semua\s+)?komentar\b.{0,60}",
    r"(?:silakan|silahkan|anda\s+harus|harap)?\s*(?:login|log\s+in|masuk|daftar)\b.{0,40}\b(?:komentar|berkomentar)\b.*",
    r"telusuri\s+berita\b.*lainnya.*",
    r"(?:berita|topik)\s+terkait\s*(?::.*|[^.!?]{0,60})",
    r"tag(?:s)?\s*:.*",
    # taxonomy lines: "Filed under: Politik", "Topik: Pemilu 2024", "Kategori: Daerah"
    r"(?:filed\s+under|posted\s+in|topik|kategori|categories|category|label|kata\s+kunci|keywords?)\s*:.*",
    r"baca\s+(?:berita|artikel|info(?:rmasi)?)\s+(?:terkini|terbaru|menarik|lainnya|lengkap)\b.{0,100}\bdi\b.*",
    # a print-edition note: "Berita ini juga dimuat di Koran ..., Senin (30/1/2017)"
    r"(?:berita|artikel|tulisan)\s+ini\s+(?:juga\s+)?(?:dimuat|terbit|tayang|diterbitkan)\s+(?:di|dalam)\b.*",
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
# Prompts in the imperative ("Ikuti berita ...", "Unduh aplikasi ..."): the same words open a
# source's quoted advice ("Ikuti perkembangan cuaca dari BMKG," kata dia), which stays.
PROMPT_PARAGRAPHS: tuple[str, ...] = (
    r"ikuti\s+(?:berita|informasi|update|kabar|perkembangan)\b.*",
    r"(?:download|unduh)\s+(?:aplikasi\w*|app)\b.*",
    r"dapatkan\s+(?:update|informasi|berita)\b.*(?:google\s+news|whatsapp|telegram|aplikasi).*",
    r"(?:simak|ikuti|follow|gabung|cek|pantau|dapatkan)\b.*"
    r"(?:whatsapp\s+channel|saluran\s+whatsapp|kanal\s+whatsapp|google\s+news|telegram\s+channel|"
    r"whatsapp\.com/channel).*",
    r"klik\s+(?:di\s+sini|link|tautan|tombol|untuk)\b.{0,100}",
    # rights notices: "Dilarang mengambil dan/atau menayangkan ulang ... tanpa seizin redaksi"
    r"dilarang\b.{0,80}\b(?:mengambil|menayangkan|menyalin|mengutip|memproduksi|mereproduksi|crawling)\b.{0,80}"
    r"\b(?:artikel|konten|berita|tulisan|materi)\b.{0,200}\b(?:seizin|izin\s+tertulis|tanpa\s+izin)\b.{0,100}",
    # prompts to follow the outlet elsewhere
    r"(?:ikuti|follow)\s+(?:kami\s+|us\s+)?(?:di|on|lewat|melalui|via)\b.{0,80}",
)
PROMPT_LINE_RE = re.compile(
    r"^\W{0,3}(?:" + "|".join(PROMPT_PARAGRAPHS) + r")\W{0,3}$", re.IGNORECASE | re.DOTALL
)
# Long paragraphs that match the prompt patterns above are real text that mentions them.
BOILERPLATE_MAX_CHARS = 320

# A prompt that asks the reader to follow the outlet somewhere, get its app or newsletter: a
# short paragraph naming such a channel that speaks to the reader (an imperative, "Anda", "kami",
# "!"), and is not someone's words quoted in the story ("Kami sudah melapor ke grup Telegram
# itu," kata Budi).
PROMPT_MAX_WORDS = 45
PROMPT_CHANNEL_RE = re.compile(
    r"\b(?:newsletter|buletin|telegram|whatsapp|wa\s+channel|google\s+news|instagram|youtube|tiktok|"
    r"facebook|twitter|threads|play\s*store|app\s*store|google\s+play|aplikasi\w*|notifikasi|push\s+notif\w*)\b",
    re.IGNORECASE,
)
PROMPT_ADDRESS_RE = re.compile(
    r"^\W{0,3}(?:ikuti|follow|gabung|bergabung(?:lah)?|mari|yuk|ayo|unduh|download|install|instal|pasang|klik|"
    r"simak|dapatkan|langganan|berlangganan|daftar(?:kan)?|subscribe|aktifkan|nyalakan|jangan\s+lupa|"
    r"jangan\s+sampai|kirim(?:kan)?)\b"
    r"|^\W{0,3}punya\s+(?:informasi|info|cerita|kisah|berita|tips|foto|video)\b[^?]{0,60}\?"  # "Punya info?"
    r"|\b(?:anda|kamu|kalian|kami|ponselmu|gawaimu|hpmu|emailmu|akunmu|andalanmu)\b|!",
    re.IGNORECASE,
)
# A reaction poll under the article: its question, then the choices, a word or two each
# ("Senang", "Sedih", "Marah 12%").
REACTION_PROMPT_RE = re.compile(
    r"^\W{0,3}(?:bagaimana|apa)\s+(?:reaksi|perasaan|tanggapan|mood)(?:\s+(?:anda|kamu)|mu)\b.{0,40}\?\W{0,3}$",
    re.IGNORECASE,
)
REACTION_CHOICE_MAX_WORDS = 3
# Someone's words quoted in the story: a paragraph in quotation marks, or a verb of saying after
# a comma or a closing quote ('..., kata dia', '..." ujar Budi'). A prompt's pattern never drops it.
REPORTED_SPEECH_RE = re.compile(
    r"^[\"“].*[\"”]$|[,.!?]\s*[\"”’']?\s*(?:kata|ujar|ucap|ungkap|jelas|tutur|tambah|imbuh|sebut|terang|tegas)"
    r"(?:nya)?\b",
    re.IGNORECASE | re.DOTALL,
)

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
    r"\(ads\.[\w.]+\)|\bADVERTISEMENT\b|SCROLL TO (?:RESUME|CONTINUE WITH) CONTENT|\[Gambas:[^\]]*\]"
    r"|[(\[]\s*(?i:baca|simak|lihat|tonton)\s+(?i:juga|pula)\b[^()\[\]]{0,200}[)\]]",  # "(Baca juga: ...)"
)

# A photo caption set as a plain paragraph (never longer than this many words): one that opens
# with a photo label ("Foto: Nama", "(Foto: Dok. Humas)", "dok. Pribadi", "ANTARA FOTO/Nama/abc",
# "Ilustrasi banjir"), or ends with a photo credit ("Warga antre (Foto: Nama/detikcom)",
# "... di Jakarta. REUTERS/Nama Lengkap"), or is a bare agency credit ("AP/NICK POTTS").
CAPTION_MAX_WORDS = 30
_CAPTION_LABEL = (
    r"(?:foto|photo|gambar|image|ilustrasi|dok(?:umentasi)?|doc|ist(?:imewa)?|sumber(?:\s+foto)?)"
)
CAPTION_PARAGRAPH_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^[(\[]?\s*(?:foto|photo|gambar|image|(?:sumber|kredit)\s+foto)\s*:.*$", re.I | re.S),
    re.compile(r"^[(\[]?\s*(?:dok(?:umentasi)?|doc)\s*[.:]\s*\S.{0,80}$", re.I),
    re.compile(r"^[(\[]?\s*(?:istimewa|ist)\s*[)\]]?\.?$", re.I),
    re.compile(r"^ilustrasi\b[^.!?]{0,100}(?:[.!?]\s*[(\[][^()\[\]]*[)\]])?\.?$", re.I),
    re.compile(r"^antara\s+foto\s*/.*$", re.I),
    re.compile(r"^.{0,200}[(\[]\s*" + _CAPTION_LABEL + r"\s*[:./][^()\[\]]*[)\]]\W{0,2}$", re.I | re.S),
    re.compile(r"^.{0,200}\b(?:foto|photo)\s*:\s*[^.:!?]{1,60}$", re.I | re.S),
    re.compile(
        r"^(?:.{0,200}[.!?]\s+)?[A-Z]{2,}(?:\s+FOTO)?\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
        r"(?:\s*/\s*[a-z]{2,4})?\.?$",
        re.S,
    ),
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
    r"(?:,?\s*\([^()]{2,40}\))?"  # "Jakarta (ANTARA)", "Bandung, (Kabarkota.com)"
    r")\s*(?:-{1,2}|–|—)\s*(?=\S)",
)
# A dateline closed by a colon: "Kabarkota.com, Jakarta: ...", "BANDUNG (Warta Priangan): ...";
# it counts only when it names an outlet (a place and a colon alone open many sentences).
COLON_DATELINE_RE = re.compile(r"^(?P<dateline>[^:]{2,60}?)\s*:\s+(?=\S)")
DATELINE_MAX_WORDS = 8
# kontan: "KONTAN.CO.ID - JAKARTA. Bank Indonesia ..." (the outlet, a dash, the place, a full stop).
OUTLET_PLACE_RE = re.compile(
    r"^(?P<dateline>[\w-]+\.(?i:com|co\.id|id)\s*[-–—]\s*[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*){0,3})\.\s+(?=\S)"
)

# A trailing desk or credit tag: "(TASS)", "(ant)", "(mea/mea)", "(H-4)", "(Cas/Isk)".
# Brackets may be square ("[sc]") and codes may hold stars ("(***/Nama)", "(*/abc*/xyz/k9)").
CREDIT_TAG_RE = re.compile(
    r"(?:^|(?<=[.!?\"”’'])\s*)[(\[]\s*(?P<credit>(?=[^()\[\]]*[A-Za-z])[A-Za-z*][\w.\-* ]{0,24}"
    r"(?:/[\w.\-* ]{1,24}){0,3})\s*[)\]]\s*$"
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
_NAME = r"[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}"
_NAMES = r"(?P<names>" + _NAME + r"(?:\s*(?:,|&|\sdan\s)\s*" + _NAME + r")*)"
# A byline or editor line written as a paragraph of the body: "OLEH NAMA", "Penulis: Nama",
# "Editor. Nama", "Laporan wartawan Kabar Kota, Nama", "Written for The Conversation by Nama".
# The names are checked against NAME_RE, so "Oleh karena itu, ..." is a sentence, not a byline.
BODY_BYLINE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^(?P<label>oleh|penulis|reporter|pewarta|wartawan|jurnalis|kontributor|editor|redaktur|penyunting|by)"
        r"\s*[:.]?\s+" + _NAMES + r"$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)\s+[^,]{2,60},\s*" + _NAMES + r"$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:written|ditulis)\s+(?:for|untuk)\s+.{2,80}?\s+(?:by|oleh)\s+" + _NAMES + r"\.?$", re.I),
)
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
