"""A real HTTP server on 127.0.0.1 that plays the sites citing our cables.

Tests put pages on it (`server.page("/post", html)`), redirects, slow or huge answers, and
read back which paths were requested: the proof that a refused address was never fetched.
Runs in a thread for the length of one test.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between each 1 KB of the body


class SourceServer:
    def __init__(self) -> None:
        self.answers: dict[str, Answer] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, headers)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                server.requests.append((self.path, dict(self.headers)))
                answer = server.answers.get(self.path, Answer(404, b"not here"))
                time.sleep(answer.delay)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    if answer.drip:
                        for start in range(0, len(answer.body), 1024):
                            self.wfile.write(answer.body[start : start + 1024])
                            self.wfile.flush()
                            time.sleep(answer.drip)
                    else:
                        self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the fetcher stopped reading: that is what some tests want

            def log_message(self, format: str, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, html: str, **options) -> str:
        self.answers[path] = Answer(body=html.encode("utf-8"), **options)
        return self.url(path)

    def answer(self, path: str, answer: Answer) -> str:
        self.answers[path] = answer
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.answer(path, Answer(status, b"", headers={"Location": location}))

    def requested(self, path: str | None = None) -> list[str]:
        paths = [requested for requested, _headers in self.requests]
        return paths if path is None else [p for p in paths if p == path]

    def start(self) -> SourceServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def source_server():
    server = SourceServer().start()
    yield server
    server.stop()


def blog_post(*, links: list[str], title: str = "A post citing a cable", extra: str = "") -> str:
    """A plain blog post (no microformats) whose second paragraph links to each of `links`."""
    anchors = " and ".join(f'<a href="{link}">the cable</a>' for link in links)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="A Blog About Cables"></head>
<body><article><h1>{title}</h1>
<p>An opening paragraph that says nothing about cables.</p>
<p>The embassy's reading is in {anchors}, which says more than the minister did.</p>
{extra}
</article></body></html>"""
