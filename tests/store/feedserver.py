"""A local HTTP server of feeds and article pages, started by the tests on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = (
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title></head>'
    "<body><nav>الرئيسية | سياسة | رياضة</nav><article><h1>{title}</h1><p>{body}</p>"
    "<p>وأضاف المصدر أن فرق الإسعاف نقلت المصابين إلى المستشفيات القريبة، فيما فرضت قوات الأمن "
    "طوقا حول المكان وبدأت التحقيق في ملابسات الحادث الذي وقع صباح اليوم.</p></article>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>"
)

ARTICLES = {
    "/news/1.html": (
        "انفجار في إعزاز",
        "قتل خمسة أشخاص على الأقل في انفجار سيارة مفخخة وسط مدينة إعزاز شمالي حلب أمس الأحد، "
        "بحسب مصادر طبية.",
    ),
    "/news/2.html": (
        "مظاهرة في بيروت",
        "تجمع نحو ألفي شخص أمام مقر البرلمان في بيروت، ورفعوا لافتات تطالب بمحاسبة المسؤولين "
        "عن انفجار المرفأ.",
    ),
}


def rss(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>خبر {i}</title><link>{base}{link}</link>"
        "<pubDate>Mon, 04 Jun 2018 10:00:00 GMT</pubDate></item>"
        for i, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
        f"<channel><title>أخبار</title>{items}</channel></rss>"
    )


class Handler(BaseHTTPRequestHandler):
    delay = 3.0

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: str, kind: str) -> None:
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            self._send(200, rss(base, [*ARTICLES, "/news/missing.html"]), "application/rss+xml")
        elif self.path == "/broken-feed":
            self._send(503, "<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html")
        elif self.path == "/html-feed":
            self._send(200, "<html><body><h1>Maintenance</h1><p>Back soon.</p></body></html>", "text/html")
        elif self.path == "/slow-feed":
            time.sleep(self.delay)
            self._send(200, rss(base, []), "application/rss+xml")
        elif self.path in ARTICLES:
            title, body = ARTICLES[self.path]
            self._send(200, PAGE.format(title=title, body=body), "text/html")
        else:
            self._send(404, "<html><body>Not found</body></html>", "text/html")


@contextmanager
def serving() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
