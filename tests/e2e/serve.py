#!/usr/bin/env python3
"""Static server for the end-to-end tests, on 127.0.0.1 only.

Serves dist/ at / as it is, and again under /tools/cloud-assessment/ with the
strict Content-Security-Policy header an agency would set, plus the example
host pages in tests/e2e/hosts/ at /hosts/. Under /agency/ it serves dist/ with
an agency's files beside it (target/e2e-agency/, written by agency.spec.mjs),
as an agency would publish them next to the widget. Serves .wasm as
application/wasm.
"""
import http.server
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
HOSTS = ROOT / "tests" / "e2e" / "hosts"
AGENCY = ROOT / "target" / "e2e-agency"
SUBPATH = "/tools/cloud-assessment/"
STRICT_CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".mjs": "text/javascript"}

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if clean.startswith(SUBPATH):
            return str(DIST / clean[len(SUBPATH):])
        if clean.startswith("/hosts/"):
            return str(HOSTS / clean[len("/hosts/"):])
        if clean.startswith("/agency/"):
            name = clean[len("/agency/"):]
            published = AGENCY / name
            return str(published if name and published.is_file() else DIST / name)
        return str(DIST / clean.lstrip("/"))

    def end_headers(self):
        clean = self.path.split("?", 1)[0]
        if clean.startswith(SUBPATH) or clean.startswith("/hosts/strict"):
            self.send_header("Content-Security-Policy", STRICT_CSP)
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(DIST)))
    server.serve_forever()
