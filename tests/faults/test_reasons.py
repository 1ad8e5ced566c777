"""Faults that must end with a clear reason, not a crash or a silent drop (issue 9): language
codes the record cannot hold, pages in UTF-16 or undeclared windows-1252, a site asking to
come back in days (Retry-After), malformed URLs, redirects and unknown hosts, bad option values,
and listeners nobody asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extraction.document import decode_page
from crawler.extraction.language import detect_language
from tests.conftest import assert_valid, run_warta

PARAGRAPHS = (
    "Ratusan warga Kota Bandung menanam seribu pohon di tepi sungai pada Minggu pagi. Kafé “Kopi"
    " Kita” mengajak pelanggannya ikut serta — sebuah ide yang disambut hangat oleh warga.",
    "Menurut panitia, pohon yang ditanam terdiri atas mahoni, trembesi, dan ketapang. Mereka"
    " berharap bantaran sungai menjadi lebih teduh dan tidak mudah longsor ketika hujan tiba.",
    "Wali kota menyampaikan terima kasih kepada semua pihak yang terlibat dan berjanji merawat"
    " pohon-pohon tersebut bersama dinas lingkungan hidup setempat.",
)
# Acehnese, which py3langid labels "ace" (ISO 639-3; there is no ISO 639-1 code for it).
ACEHNESE = (
    "Ureueng Aceh jeut keu ureueng nyang meuseuraya, teuma lam buleuen puasa jipeugot kuah"
    " beulangong bak meunasah gampong.",
    "Nanggroe Aceh nakeuh saboh nanggroe nyang na di ujong pulo Sumatra, ibukota jih Banda Aceh.",
    "Bahasa Acèh nakeuh bahasa nyang geupeugah lé ureuëng Acèh di Nanggroë Acèh.",
)


def article(paragraphs: tuple[str, ...] = PARAGRAPHS, head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head>{head}<title>Warga Menanam Pohon</title>"
        '<meta property="article:published_time" content="2025-03-14T08:30:00+07:00"></head>'
        f"<body><article><h1>Warga Menanam Pohon</h1>{body}</article></body></html>"
    )


def one_record(result) -> dict:
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    record = json.loads(lines[0])
    assert_valid(record)
    return record


# -- language codes outside ISO 639-1 --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [" ".join(ACEHNESE), "xxxxx yyyyy zzzzz wwwww qqqqq", "12345 67890 11111 22222 33333"],
    ids=["ace", "zxx-letters", "zxx-digits"],
)
def test_a_three_letter_model_answer_is_no_language(text: str) -> None:
    from py3langid import langid

    assert len(langid.classify(text)[0]) == 3  # the model answers a code the record cannot hold
    assert detect_language(text) is None


def test_a_page_in_acehnese_is_written_with_language_null(tmp_path: Path) -> None:
    page = tmp_path / "aceh.html"
    page.write_text(article(ACEHNESE), "utf-8")
    record = one_record(run_warta("extract", str(page), "--url", "https://contoh.example/aceh/1"))
    assert record["language"] is None
    assert "Nanggroe Aceh" in record["text"]


# -- encodings -------------------------------------------------------------------------------
PAGE = article()
META_UTF16 = article(head='<meta charset="utf-16">')
ENCODED = {
    "utf-16 bom": (PAGE.encode("utf-16"), "text/html"),
    "utf-16-le no bom, undeclared": (PAGE.encode("utf-16-le"), "text/html"),
    "utf-16-be no bom, undeclared": (PAGE.encode("utf-16-be"), "text/html"),
    "utf-16-be no bom, header": (PAGE.encode("utf-16-be"), "text/html; charset=utf-16"),
    "utf-16-le no bom, header says utf-16": (PAGE.encode("utf-16-le"), "text/html; charset=UTF-16"),
    "utf-16-le no bom, meta": (META_UTF16.encode("utf-16-le"), "text/html"),
    "windows-1252 undeclared": (PAGE.encode("cp1252"), "text/html"),
    "windows-1252 declared latin-1": (PAGE.encode("cp1252"), "text/html; charset=iso-8859-1"),
}


@pytest.mark.parametrize("name", list(ENCODED))
def test_a_page_is_read_in_its_encoding(name: str) -> None:
    body, content_type = ENCODED[name]
    page = decode_page(body, content_type)
    assert "Kafé “Kopi Kita” mengajak" in page.text
    assert "\ufffd" not in page.text
    assert page.guessed == (name == "windows-1252 undeclared")


def test_binary_is_still_refused() -> None:
    from crawler.errors import ExtractionError

    with pytest.raises(ExtractionError, match="binary"):
        decode_page(bytes(range(256)) * 20, "text/html")


@pytest.mark.parametrize("name", ["utf-16 bom", "utf-16-le no bom, meta", "windows-1252 undeclared"])
def test_extract_reads_utf16_and_windows_1252_files(tmp_path: Path, name: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(ENCODED[name][0])
    record = one_record(run_warta("extract", str(page), "--url", "https://contoh.example/berita/1"))
    assert "Kafé “Kopi Kita” mengajak" in record["text"]
    assert "\ufffd" not in record["text"]


def test_fetch_reads_utf16_and_windows_1252_pages(mockserver, tmp_path: Path) -> None:
    routes = {}
    for i, (body, content_type) in enumerate(ENCODED.values()):
        (tmp_path / f"{i}.html").write_bytes(body)
        routes[f"127.0.0.1/berita/{i}"] = {
            "file": str(tmp_path / f"{i}.html"),
            "headers": {"Content-Type": content_type},
        }
    server = mockserver(routes)
    urls = [f"{server.url}/berita/{i}" for i in range(len(ENCODED))]
    result = run_warta("fetch", *urls)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in records] == urls
    for record in records:
        assert_valid(record)
        assert "Kafé “Kopi Kita” mengajak" in record["text"]
        assert "\ufffd" not in record["text"]


def test_a_guessed_charset_is_counted_in_the_run_summary(mockserver, tmp_path: Path) -> None:
    from tests.test_scheduled import build_site, crawl_args

    routes = build_site(tmp_path, 3)
    first = tmp_path / "article-0.html"  # one page in windows-1252, with no charset anywhere
    html = first.read_text("utf-8").replace('charset="utf-8"', "").replace("charset=utf-8", "")
    first.write_bytes(html.replace("Nomor 0", "Nomor 0 di kafé").encode("cp1252", "xmlcharrefreplace"))
    key = next(k for k, v in routes.items() if v.get("file") == str(first))
    routes[key]["headers"] = {"Content-Type": "text/html"}
    server = mockserver(routes)
    stats = tmp_path / "s.json"
    result = run_warta(*crawl_args(tmp_path, "--stats", str(stats)), env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(stats.read_text("utf-8"))["sites"]["fakta"]
    assert summary["written"] == 3
    assert summary["charset_guessed"] == 1
    records = [json.loads(line) for path in (tmp_path / "out").rglob("*.jsonl") for line in path.open()]
    assert any("Nomor 0 di kafé" in r["title"] for r in records)


# -- Retry-After -----------------------------------------------------------------------------
BUSY = {"status": 503, "body": "sibuk", "headers": {"Retry-After": "999999", "Content-Type": "text/plain"}}


def test_fetch_waits_a_short_while_on_retry_after_then_says_why(mockserver, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, "utf-8")
    server = mockserver(
        {"127.0.0.1/sibuk": BUSY, "localhost/berita/1": {"file": str(tmp_path / "page.html")}}
    )
    busy, other = f"{server.url}/sibuk", server.url.replace("127.0.0.1", "localhost") + "/berita/1"
    # the site asks for 11 days; the crawl cap (120 s) would make this take 2 minutes
    result = run_warta("fetch", busy, other, "-s", "RETRY_TIMES=1", timeout=60)
    assert result.returncode == 1
    assert json.loads(result.stdout)["url"] == other  # the other host went on
    assert result.stderr.strip().splitlines() == [f"warta: {busy}: HTTP 503"]
    assert [s for s, u in server.requests() if u.endswith("/sibuk")] == [503, 503]  # retried once


def test_retry_after_slows_the_whole_host(mockserver, tmp_path: Path) -> None:
    """One page answers "come back in 8 s" (and is not retried): the other pages of that host
    wait those 8 s too, as the site asked; a sleep on that one response would not have held them."""
    import time

    (tmp_path / "page.html").write_text(PAGE, "utf-8")
    wait = {**BUSY, "headers": {**BUSY["headers"], "Retry-After": "8"}}
    page = {"file": str(tmp_path / "page.html")}
    server = mockserver({"127.0.0.1/a": wait, "127.0.0.1/b": page, "127.0.0.1/c": page})
    urls = [f"{server.url}/{name}" for name in "abc"]
    # one request a second to the host, so /a's answer comes before /b goes
    steady = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=1", "-s", "DOWNLOAD_DELAY_JITTER=0"]
    started = time.monotonic()
    result = run_warta("fetch", *urls, *steady, "-s", "RETRY_TIMES=0", timeout=60)
    assert result.stderr.strip() == f"warta: {urls[0]}: HTTP 503"
    assert len(result.stdout.splitlines()) == 2
    assert time.monotonic() - started >= 8  # a lower bound: the host was held


def _stop_after(args: list[str], env: dict[str, str] | None, server, signum: int):
    """Run ``warta`` with ``args``, send ``signum`` a second after the server's first 503;
    (result, seconds to exit)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        cwd=REPO,
    )
    deadline = time.monotonic() + 60
    while 503 not in [status for status, _ in server.requests()] and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(signal.Signals(signum))
    sent = time.monotonic()
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return subprocess.CompletedProcess(args, proc.returncode, out, err), time.monotonic() - sent


@pytest.mark.parametrize("signum", [15, 2], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_a_retry_after_wait_ends_fetch_at_once(mockserver, signum: int) -> None:
    server = mockserver({"127.0.0.1/sibuk": BUSY})
    url = f"{server.url}/sibuk"
    done, took = _stop_after(["fetch", url, "-s", "WARTA_MAX_RETRY_AFTER=600"], None, server, signum)
    assert took < 10  # the wait is 600 s
    assert done.returncode == 130
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"warta: {url}: stopped during a Retry-After wait",
        "warta: interrupted: stopped by a signal (SIGTERM or Ctrl-C)",
    ]


def test_sigterm_during_a_retry_after_wait_ends_a_crawl_at_once(mockserver, tmp_path: Path) -> None:
    from tests.test_scheduled import build_site, crawl_args

    routes = build_site(tmp_path, 3)
    for key in [k for k in routes if "/news/" in k]:
        routes[key] = BUSY
    server = mockserver(routes)
    args = crawl_args(tmp_path, "--stats", str(tmp_path / "s.json"))
    done, took = _stop_after(args, server.proxy_env, server, 15)
    assert took < 10, done.stderr  # each wait is 120 s
    assert done.returncode != 0
    summary = json.loads((tmp_path / "s.json").read_text("utf-8"))["sites"]["fakta"]
    assert summary["finish_reason"] == "shutdown"
    assert list(summary["failed"]) == ["stopped during a Retry-After wait"]  # the slowed host's requests
    assert summary["failed"]["stopped during a Retry-After wait"] >= 3
    assert all(s == 503 for s, u in server.requests() if "/news/" in u)


# -- URLs ------------------------------------------------------------------------------------
MALFORMED = [
    "http://[::1",
    "http://",
    "http:///x",
    "http://exa mple.com",
    "http://a:99999/",
    "ftp://a/b",
    "a/b",
]


@pytest.mark.parametrize("url", MALFORMED)
@pytest.mark.parametrize("verb", ["fetch", "extract"])
def test_a_malformed_url_is_a_usage_error(verb: str, url: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")
    args = ["fetch", url] if verb == "fetch" else ["extract", str(page), "--url", url]
    result = run_warta(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warta: ") and url in lines[0], result.stderr


def test_fetch_gives_the_real_reason_for_redirects_and_hosts(mockserver, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, "utf-8")
    chain = {f"127.0.0.1/r{i}": {"status": 302, "headers": {"Location": f"/r{i + 1}"}} for i in range(30)}
    server = mockserver(
        {
            **chain,
            "127.0.0.1/putar": {"status": 302, "headers": {"Location": "/putar"}},
            "127.0.0.1/putar-a": {"status": 302, "headers": {"Location": "/putar-b"}},
            "127.0.0.1/putar-b": {"status": 302, "headers": {"Location": "/putar-a"}},
            "127.0.0.1/pindah": {"status": 301, "headers": {"Location": "/"}},
            "127.0.0.1/": {"body": "<html><body><p>Beranda</p><a href='/x'>x</a></body></html>"},
            "127.0.0.1/berita%20dengan%20spasi": {"file": str(tmp_path / "page.html")},
        }
    )
    base = server.url
    urls = [f"{base}/putar", f"{base}/putar-a", f"{base}/r0", f"{base}/pindah", f"{base}/berita dengan spasi",
            "http://tidak-ada.invalid/berita"]  # fmt: skip
    result = run_warta("fetch", *urls, "-s", "RETRY_TIMES=0")
    assert result.returncode == 1
    assert json.loads(result.stdout)["url"] == f"{base}/berita%20dengan%20spasi"
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"warta: {base}/putar: redirect loop (back to {base}/putar)"
    assert lines[1] == f"warta: {base}/putar-a: redirect loop (back to {base}/putar-a)"
    assert lines[2] == f"warta: {base}/r0: too many redirects (at {base}/r20)"
    assert lines[3].startswith(f"warta: {base}/pindah: no article") and lines[3].endswith(f"(at {base}/)")
    assert lines[4] == "warta: http://tidak-ada.invalid/berita: DNS lookup failed (unknown host)"
    assert "no record" not in result.stderr


def test_fetch_follows_a_redirect_to_another_site_or_says_so(mockserver, tmp_path: Path) -> None:
    from tests.conftest import FIXTURES

    sample = FIXTURES / "fakta_sample" / "input.html"
    server = mockserver(
        {
            "fakta.com/robots.txt": {
                "body": "User-agent: *\nAllow: /\n",
                "headers": {"Content-Type": "text/plain"},
            },
            "fakta.com/news/nasional/pindah-ke-lain": {
                "status": 301,
                "headers": {"Location": "https://lain.example/x"},
            },
            "lain.example/x": {"file": str(sample)},
        }
    )
    url = "https://fakta.com/news/nasional/pindah-ke-lain"
    result = run_warta("fetch", url, env=server.proxy_env)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"warta: {url}: redirected to another site, not followed (https://lain.example/x)"
    )


def test_fetch_an_idn_host_as_punycode(mockserver, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, "utf-8")
    server = mockserver({"xn--brita-bsa.example/berita/1": {"file": str(tmp_path / "page.html")}})
    result = run_warta(
        "fetch", "http://bérita.example/berita/1", "http://bérita.example/hilang", env=server.proxy_env
    )
    assert json.loads(result.stdout)["url"] == "http://xn--brita-bsa.example/berita/1"
    assert result.stderr.strip() == "warta: http://bérita.example/hilang: HTTP 404"


# -- bad option values -----------------------------------------------------------------------
BAD_OPTIONS = {
    "max-articles 0": ["crawl", "fakta", "--max-articles", "0"],
    "max-articles -1": ["crawl", "fakta", "--max-articles", "-1"],
    "max-articles x": ["crawl", "fakta", "--max-articles", "x"],
    "until before since": ["crawl", "fakta", "--since", "2025-05-01", "--until", "2025-04-30"],
    "since not a date": ["crawl", "fakta", "--since", "2025-02-30"],
    "unknown section": ["crawl", "fakta", "--sections", "tidak-ada"],
    "-s without =": ["crawl", "fakta", "-s", "DOWNLOAD_DELAY"],
    "-s no name": ["fetch", "https://fakta.com/x", "-s", "=1"],
    "-s int": ["crawl", "fakta", "-s", "CONCURRENT_REQUESTS=banyak"],
    "-s float": ["fetch", "https://fakta.com/x", "-s", "DOWNLOAD_DELAY=pelan"],
    "-s bool": ["crawl", "fakta", "-s", "ROBOTSTXT_OBEY=mungkin"],
    "-s dict": ["crawl", "fakta", "-s", "FEEDS=bukan-json"],
    "-s list of ints": ["fetch", "https://fakta.com/x", "-s", "RETRY_HTTP_CODES=500,lima"],
    "-s log level": ["fetch", "https://fakta.com/x", "-s", "LOG_LEVEL=NOPE"],
    "-s warta number": ["crawl", "fakta", "-s", "WARTA_PROGRESS_INTERVAL=x"],
    "contact on two lines": ["fetch", "https://fakta.com/x", "--contact", "a\nb"],
    "now invalid": ["extract", "page.html", "--now", "2025-13-01"],
    "now missing": ["extract", "page.html", "--now"],
}


@pytest.mark.parametrize("name", list(BAD_OPTIONS))
def test_a_bad_option_value_is_one_line_and_exit_2(name: str, tmp_path: Path) -> None:
    args = [str(tmp_path / a) if a == "page.html" else a for a in BAD_OPTIONS[name]]
    if args[0] == "crawl":
        args += ["--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out")]
    dead = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}  # never the network
    result = run_warta(*args, env=dead, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out").exists()  # refused before anything ran


def test_good_setting_values_still_pass(mockserver, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, "utf-8")
    server = mockserver({"127.0.0.1/berita/1": {"file": str(tmp_path / "page.html")}})
    values = ["DOWNLOAD_TIMEOUT=2.5", "RETRY_HTTP_CODES=500,503", "ROBOTSTXT_OBEY=False", "FEEDS={}",
              "LOG_LEVEL=ERROR", "USER_AGENT=uji/1.0", "WARTA_FETCH_MAX_RETRY_AFTER=3"]  # fmt: skip
    result = run_warta("fetch", f"{server.url}/berita/1", *[x for v in values for x in ("-s", v)])
    assert one_record(result)["title"] == "Warga Menanam Pohon"


# -- listeners -------------------------------------------------------------------------------
def _listening_sockets(pid: int) -> int:
    """How many sockets of process ``pid`` are listening for TCP connections."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = fd.readlink().name
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            count += fields[3] == "0A" and fields[9] in inodes  # 0A: LISTEN
    return count


def _listeners_while_fetching(server, tmp_path: Path, *extra: str) -> tuple[int, list[Path]]:
    import os
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    jobs = tmp_path / "jobs"
    jobs.mkdir(exist_ok=True)
    before = len(server.requests())
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "fetch", f"{server.url}/lambat",
         "-s", f"REMOTE_CONTROL_JOBS_DIR={jobs}", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while len(server.requests()) == before and time.monotonic() < deadline:
            time.sleep(0.2)  # robots.txt answered: the run is under way, the page takes 4 s more
        time.sleep(1)
        listening = _listening_sockets(proc.pid) if proc.poll() is None else -1
    finally:
        proc.kill()
        proc.wait()
    return listening, list(jobs.iterdir())


@pytest.mark.skipif(not Path("/proc/self/net/tcp").exists(), reason="needs Linux /proc")
def test_a_run_opens_no_listening_socket(mockserver, tmp_path: Path) -> None:
    slow = {"body": "<html><body><p>x</p></body></html>", "delay": 4}
    server = mockserver({"127.0.0.1/robots.txt": {"body": "", "headers": {"Content-Type": "text/plain"}},
                         "127.0.0.1/lambat": slow})  # fmt: skip
    assert _listeners_while_fetching(server, tmp_path) == (0, [])
    # and the same probe sees Scrapy's remote-control server when it is asked for
    listening, jobs = _listeners_while_fetching(server, tmp_path, "-s", "REMOTE_CONTROL_ENABLED=True")
    assert listening >= 1 and jobs


def test_extract_names_a_page_as_fetch_does(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")
    record = one_record(run_warta("extract", str(page), "--url", "http://bérita.example/berita satu"))
    assert record["url"] == "http://xn--brita-bsa.example/berita%20satu"  # what `warta fetch` records
