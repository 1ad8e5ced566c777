"""Copies planted among real records, for near-duplicate detection: an exact copy, and a
syndicated copy as another outlet prints a wire story (a new title, its own dateline, two to
four sentences reworded, dropped or added). Also invented pairs of *different* stories on one
event (same names, places, even one shared quote), which must never be joined.

Shared by tests/test_dedup_corpus.py and benchmarks/dedup_threshold.py. All text here is
invented; the records copied are built from the corpus pages in place, never stored.
"""

from __future__ import annotations

import random
import re
from typing import Any

from crawler.extraction.urls import article_id

# Lines another outlet adds to a wire story (all invented).
ADDED = (
    "Hingga berita ini diturunkan, pihak terkait belum memberikan keterangan resmi.",
    "Redaksi masih berupaya menghubungi sejumlah narasumber untuk konfirmasi lebih lanjut.",
    "Simak perkembangan selengkapnya hanya di kanal berita kami setiap hari.",
    "Peristiwa ini menjadi perbincangan hangat warganet sepanjang akhir pekan.",
)
# Words an editor swaps when rewording a sentence.
SWAPS = {
    "mengatakan": "menuturkan",
    "kata": "ujar",
    "ujar": "kata",
    "menurut": "kata",
    "yang": "yang",
    "akan": "bakal",
    "tidak": "tak",
    "sudah": "telah",
    "telah": "sudah",
    "saat": "ketika",
    "juga": "pun",
    "dengan": "bersama",
    "karena": "sebab",
    "bisa": "dapat",
    "sangat": "amat",
}
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.replace("\n\n", " ")) if s.strip()]


def reword(sentence: str, rng: random.Random) -> str:
    """Swap the editor's usual words; a sentence without any gets its halves turned round."""
    words = sentence.split()
    swapped = [SWAPS.get(w.lower(), w) for w in words]
    if swapped != words:
        return " ".join(swapped)
    cut = max(1, len(words) // 2)
    return " ".join(words[cut:] + words[:cut])


def syndicated(record: dict[str, Any], outlet: str, seed: int) -> dict[str, Any]:
    """Another outlet's copy of ``record``, a few hours later: new title, url, dateline and
    2-4 sentences reworded, dropped or added."""
    rng = random.Random(seed)
    parts = sentences(record["text"])
    for _ in range(rng.randint(2, 4)):
        action, at = rng.choice(("reword", "drop", "add")), rng.randrange(len(parts))
        if action == "reword":
            parts[at] = reword(parts[at], rng)
        elif action == "drop" and len(parts) > 3:
            del parts[at]
        else:
            parts.insert(at, rng.choice(ADDED))
    place = (record.get("place") or "Jakarta").upper()
    text = f"{place}, {outlet.upper()} - " + " ".join(parts)
    return copy_of(record, outlet, text, title=f"{record['title']} (Berita {outlet})")


def exact(record: dict[str, Any], outlet: str) -> dict[str, Any]:
    return copy_of(record, outlet, record["text"], title=record["title"])


def copy_of(record: dict[str, Any], outlet: str, text: str, title: str) -> dict[str, Any]:
    url = f"https://{outlet}.invalid/berita/{record['id'][:12]}"
    copy = {**record, "url": url, "canonical_url": url, "id": article_id(url), "site": outlet}
    copy.update(title=title, text=text, dateline=f"{outlet}", word_count=len(text.split()))
    published = record.get("published_at")
    copy["published_at"] = _later(published) if published else None
    return copy


def _later(value: str) -> str:
    """A time after ``value``: the copy is printed after the original."""
    if "T" not in value:
        return value
    return value[:11] + "23" + value[13:]


# Different stories on one event, as two outlets write them: same names, places, numbers and
# one quote in common, the rest their own reporting (all invented).
SAME_EVENT = (
    (
        "Banjir merendam tiga kecamatan di Kabupaten Sumber Jaya sejak Selasa pagi. Kepala BPBD "
        "Sumber Jaya, Rahmat Wibisono, menyebut ketinggian air mencapai satu meter di Desa Karang "
        'Anyar. "Kami sudah mengerahkan perahu karet dan tim evakuasi ke lokasi," kata Rahmat. '
        "Sebanyak 420 warga mengungsi ke balai desa dan masjid terdekat. Dapur umum didirikan di "
        "halaman kantor camat untuk melayani pengungsi. Hujan deras turun sejak Senin malam dan "
        "membuat tanggul Sungai Cibening jebol di dua titik. Petugas masih mendata kerugian.",
        "Ratusan warga Desa Karang Anyar terpaksa bermalam di balai desa setelah rumah mereka "
        "terendam. Siti Aminah, seorang pedagang sayur, mengaku kehilangan seluruh dagangannya. "
        '"Air naik cepat sekali, kami hanya sempat menyelamatkan anak-anak," tuturnya sambil '
        "menggendong bayinya. Kepala BPBD Sumber Jaya, Rahmat Wibisono, memastikan bantuan terus "
        'mengalir. "Kami sudah mengerahkan perahu karet dan tim evakuasi ke lokasi," kata Rahmat. '
        "Relawan dari kampus setempat membagikan selimut dan makanan siap saji. Anak-anak "
        "pengungsi mulai terserang batuk dan gatal-gatal karena udara lembap.",
    ),
    (
        "Tim nasional bola voli putri menang 3-1 atas Filipina di Gelanggang Olahraga Nusantara, "
        "Minggu malam. Pelatih Bambang Susilo memuji pertahanan timnya pada set ketiga dan keempat. "
        '"Anak-anak bermain disiplin dan tidak panik," ujar Bambang. Kapten tim Dewi Lestari '
        "mencetak 21 poin dan menjadi pemain terbaik. Kemenangan ini membawa tim ke babak semifinal "
        "dan akan bertemu Thailand pada Selasa. Penonton memadati tribun sejak sore.",
        "Dewi Lestari tak kuasa menahan tangis usai pertandingan melawan Filipina. Kapten tim voli "
        'putri itu baru pulih dari cedera lutut tiga bulan lalu. "Anak-anak bermain disiplin dan '
        'tidak panik," ujar pelatih Bambang Susilo tentang laga tersebut. Dewi bercerita ia sempat '
        "ragu bisa bermain lagi tahun ini. Ibunya datang langsung dari Kediri untuk menonton. "
        "Fisioterapis tim menjaga ketat jadwal latihannya agar cedera tidak kambuh menjelang "
        "semifinal melawan Thailand.",
    ),
    (
        "Pemerintah Kota Tanjung Sari menaikkan tarif parkir tepi jalan mulai 1 Maret. Tarif "
        "sepeda motor naik dari Rp2.000 menjadi Rp3.000, sedangkan mobil dari Rp4.000 menjadi "
        "Rp6.000. Kepala Dinas Perhubungan Yusuf Hamdani mengatakan kenaikan untuk menekan "
        'kemacetan di pusat kota. "Kami ingin warga beralih ke angkutan umum," kata Yusuf. Dinas '
        "juga akan memasang 40 mesin parkir elektronik di Jalan Merdeka dan Jalan Pahlawan.",
        "Juru parkir di Jalan Merdeka mengeluhkan rencana kenaikan tarif yang diumumkan Dinas "
        'Perhubungan Tanjung Sari. Mereka khawatir pengunjung toko berkurang. "Kami ingin warga '
        'beralih ke angkutan umum," kata Yusuf Hamdani saat sosialisasi, namun para pedagang '
        "menilai bus kota masih jarang. Ketua paguyuban pedagang, Hendra Gunawan, meminta "
        "pemerintah menunda kebijakan sampai halte baru selesai dibangun. Sejumlah pengemudi ojek "
        "daring juga mempertanyakan nasib mereka yang sering berhenti di tepi jalan.",
    ),
)


def same_event_records(base: dict[str, Any]) -> list[dict[str, Any]]:
    """The SAME_EVENT stories as records shaped like ``base`` (two outlets, one day)."""
    made = []
    for n, pair in enumerate(SAME_EVENT):
        for outlet, text in zip(("harianbaru", "kabarkota"), pair, strict=True):
            url = f"https://{outlet}.invalid/peristiwa/{n}"
            made.append(
                {
                    **base,
                    "url": url,
                    "canonical_url": url,
                    "id": article_id(url),
                    "site": outlet,
                    "title": f"Peristiwa {n} menurut {outlet}",
                    "text": text,
                    "dateline": None,
                    "word_count": len(text.split()),
                }
            )
    return made
