"""Lines of page furniture that reach the text as paragraphs (prompts, syndication footers,
pagination, comment boxes, reaction polls) against prose that merely uses the same words: the
first go, the second stay. Invented sentences, several per shape."""

from __future__ import annotations

import pytest

from crawler.extraction.text import clean_paragraphs

LEAD = "Pemerintah kota meresmikan pasar baru di pusat kota pada Senin pagi setelah dua tahun pembangunan."
TAIL = "Pasar itu menampung lebih dari empat ratus pedagang yang sebelumnya berjualan di bahu jalan."

FURNITURE = [
    # syndication footers
    'Artikel ini telah tayang di Kabarjateng.example.id dengan judul "Harga Cabai Turun", Klik untuk baca: https://x.example.id/a',
    "Berita ini sudah tayang di Jogjapos.example.com dengan judul Pasar Baru Diresmikan",
    "Artikel ini pernah dipublikasikan di Harian Nusantara edisi cetak",
    # chat groups, channels, apps, newsletters
    "Follow Instagram @kabarpantura untuk berita terbaru lainnya",
    "Unduh aplikasinya di Play Store dan App Store sekarang!",
    "Gabung ke saluran WhatsApp Kabar Pantura untuk update berita terkini, klik di sini.",
    "Jangan sampai ketinggalan berita terkini, langganan newsletter kami sekarang!",
    "Daftarkan email Anda untuk menerima newsletter harian Kabar Kota.",
    "Aktifkan notifikasi agar kamu tidak ketinggalan kabar terbaru dari kami.",
    "Subscribe kanal YouTube kami untuk video berita terbaru setiap hari!",
    # pagination
    "Halaman: 1 2 3",
    "Halaman 1 2 3 4 Selanjutnya",
    "(Lanjut ke halaman berikutnya)",
    "Lanjutkan ke halaman 2",
    "Next page",
    "Next »",
    "(Bersambung)",
    # related lines in English
    "Read also: Sleman Opens New Bus Route to the Airport",
    "Also read: Kupang Book Fair Draws Thousands",
    "READ MORE: Ferry Sinks off Jepara",
    "Related: Rain Damages Roads in Three Regencies",
    # comment boxes
    "Komentar",
    "Berikan komentar Anda",
    "Silakan login untuk memberikan komentar.",
    "Tulis komentar",
    # copyright lines
    "Copyright © 2025 Kabar Kota. All rights reserved.",
    "© 2025 Jogjapos. Hak cipta dilindungi undang-undang.",
    "Hak Cipta Dilindungi Undang-Undang",
    # rights notices, a copied article's footer, share and sponsor labels
    "Dilarang mengambil dan/atau menayangkan ulang artikel di atas tanpa seizin redaksi.",
    "Dilarang keras mengambil konten atau melakukan crawling di situs ini tanpa izin tertulis dari redaksi.",
    'Baca artikel kabarntt, "Dua Mobil Perpustakaan Siap" selengkapnya https://kabarntt.example.id/read/1',
    "Klik di sini untuk berita lainnya",
    "Punya informasi menarik? Kirimkan ke redaksi melalui WhatsApp 0812-0000-1111.",
    "ADVERTORIAL",
    "Sebarkan:",
    "Share this article",
    # end marks
    "-selesai-",
    "(Tamat)",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_dropped(line: str) -> None:
    assert clean_paragraphs([LEAD, line, TAIL]).paragraphs == [LEAD, TAIL]


@pytest.mark.parametrize(
    "poll",
    [
        ["Bagaimana reaksi Anda?", "Senang", "Sedih", "Kaget", "Marah"],
        ["Bagaimana reaksi Anda tentang artikel ini?", "Senang 40%", "Terinspirasi 10%", "Marah 50%"],
        ["Apa reaksimu?", "Suka", "Tidak suka"],
    ],
    ids=["words", "shares", "mu"],
)
def test_reaction_poll_is_dropped(poll: list[str]) -> None:
    assert clean_paragraphs([LEAD, TAIL, *poll]).paragraphs == [LEAD, TAIL]


PROSE = [
    "Foto-foto kegiatan itu kemudian diunggah warga ke media sosial dan ramai dibicarakan.",
    "Sumber air bersih di desa tersebut mengering sejak awal Agustus sehingga warga membeli air.",
    "Baca tulis menjadi program utama relawan yang setiap sore mendatangi rumah warga.",
    "Editor senior majalah itu, Rina Wulandari, mengatakan redaksi sedang menyiapkan edisi khusus.",
    "Halaman sekolah yang biasa dipakai upacara kini dipenuhi tenda pengungsi dari tiga desa di sekitarnya.",
    "Halaman 12 laporan tersebut memuat daftar proyek yang pengerjaannya terlambat.",
    "Polisi menyebut pelaku menawarkan pekerjaan palsu melalui grup Telegram dan meminta uang.",
    '"Kami sudah melaporkan grup Telegram itu ke polisi sejak bulan lalu," kata Budi Hartono.',
    "Warga diminta mengunduh aplikasi resmi pemerintah daerah untuk melaporkan jalan rusak di lingkungannya.",
    '"Unduh aplikasi Sapa Warga, lalu daftarkan nomor induk kependudukan Anda," ujar Kepala Dinas Sosial.',
    "\u201cIkuti perkembangan informasi cuaca dari BMKG sebelum melaut,\u201d kata Kepala Pelabuhan Juwana.",
    "Berita terkait penangkapan itu sempat ramai dibicarakan di media sosial sepanjang pekan lalu.",
    "Hak cipta atas motif batik tersebut kini didaftarkan atas nama pemerintah kabupaten.",
    "Sengketa copyright lagu daerah itu akhirnya diselesaikan lewat mediasi di kantor kementerian.",
    "Komentar warganet terhadap kebijakan itu beragam, sebagian mendukung dan sebagian menolak.",
    "Warga yang berlangganan newsletter dinas akan menerima jadwal pemadaman listrik setiap pekan.",
    "Iklan rokok di papan reklame sepanjang jalan protokol akan dicopot mulai bulan depan.",
    "Video amatir yang merekam kejadian itu kini menjadi barang bukti di kepolisian.",
    "Pelaku mengaku mempelajari cara merakit bahan peledak dari sebuah kanal YouTube.",
    "Pemerintah daerah menyiapkan nomor WhatsApp khusus bagi warga yang belum menerima bantuan sosial.",
    "Ilmu yang didapat para peserta pelatihan diharapkan bisa diterapkan di desa masing-masing.",
    "Lanjutan sidang kasus itu digelar pekan depan dengan agenda pemeriksaan saksi.",
    "Reaksi warga beragam. Sebagian menyambut baik, sebagian lain menolak rencana relokasi pasar.",
    "Catatan redaksi: Jika Anda memiliki pikiran untuk bunuh diri, segera hubungi layanan kesehatan jiwa.",
    "Dilarang mengambil gambar di dalam ruang sidang tanpa izin majelis hakim.",
    "Dilarang menyalin jawaban teman, kata guru itu kepada para siswa sebelum ujian dimulai.",
    "Pendaftaran dibuka melalui laman https://daftar.example.go.id hingga akhir April mendatang.",
]


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_with_furniture_words_stays(sentence: str) -> None:
    assert clean_paragraphs([LEAD, sentence, TAIL]).paragraphs == [LEAD, sentence, TAIL]


@pytest.mark.parametrize("name", ["DINI PRATIWI", "YOSEF BRIA LADO", "M. RIZAL"])
def test_capitals_sign_off_is_the_writer(name: str) -> None:
    cleaned = clean_paragraphs([LEAD, TAIL, name])
    assert (cleaned.paragraphs, cleaned.authors) == ([LEAD, TAIL], [name])


@pytest.mark.parametrize(
    "paragraphs",
    [
        [LEAD, "JALAN DITUTUP", TAIL],  # a subheading in capitals, prose after it
        [LEAD, TAIL, "AFP"],  # one word in capitals: as often an agency as a writer
        [LEAD, TAIL, "KOMPAS.COM"],
        ["DINI PRATIWI"],  # nothing signed
    ],
    ids=["subheading", "agency", "outlet", "alone"],
)
def test_capitals_that_are_no_sign_off(paragraphs: list[str]) -> None:
    assert clean_paragraphs(paragraphs).authors == []


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("Penulis: Rina Puspita | Editor: Yosef Lado", ["Rina Puspita"], ["Yosef Lado"]),
        ("Reporter: Budi | Editor: Yosef Lado, Maria Ulfa", ["Budi"], ["Yosef Lado", "Maria Ulfa"]),
        ("Editor: Ani Rahmawati", [], ["Ani Rahmawati"]),
    ],
)
def test_staff_lines_on_one_line(line: str, authors: list[str], editors: list[str]) -> None:
    cleaned = clean_paragraphs([LEAD, TAIL, line])
    assert (cleaned.paragraphs, cleaned.authors, cleaned.editors) == ([LEAD, TAIL], authors, editors)
