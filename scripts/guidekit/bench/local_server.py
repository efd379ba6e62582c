"""Serve a built site on 127.0.0.1 for as long as a `with` block runs."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the build and test output stay readable
        pass


class CompressingHandler(QuietHandler):
    """Serves text with gzip, as a static host does (for the benchmark's Lighthouse runs)."""

    cache: dict[str, bytes] = {}

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (
            not path.endswith(COMPRESSIBLE)
            or not os.path.isfile(path)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        """A browser that leaves a page drops the files it was still fetching: not an error to print."""
        if not isinstance(sys.exc_info()[1], ConnectionError):  # broken pipe, reset by peer
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, compress: bool = False) -> Iterator[str]:
    handler_class = CompressingHandler if compress else QuietHandler
    handler = functools.partial(handler_class, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
