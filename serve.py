#!/usr/bin/env python3
"""Local static server for the built Ozon seller console (standard library only).

    ./serve.py                 install deps, build the release site, serve it on
                               http://127.0.0.1:8080/
    ./serve.py --no-build      serve what is already built (build/site)
    ./serve.py --portal https://portal.example
                               let that seller portal embed the console in a frame
                               (repeatable). The CSP always says frame-ancestors 'self'
                               plus these origins, and GET /portals.json answers
                               {"portals": [...]} (for the console to read at start, to
                               know which embedders to trust). Without --portal, the list is
                               the site's own portals.json (written at build time from
                               CONSOLE_PORTALS), else empty.
    ./serve.py --proxy         also forward POST /ozon/<path> to the Ozon Seller API
                               (https://api-seller.ozon.ru/<path>), so a seller running
                               the console locally can use a real account. Only the
                               Client-Id, Api-Key and Content-Type headers are forwarded;
                               the keys are never logged and never stored. A call gets
                               60 s in all, the upstream's answer read to its end (504
                               after; SERVE_PROXY_DEADLINE=<seconds> shortens it for tests).
                               Without --proxy, /ozon/<path> answers 404 with the JSON body
                               {"error": "proxy_off", "message": ...}, for the console to
                               say what to run.

Files are sent compressed when the client's Accept-Encoding allows: the big ones as the
.br/.gz copies the build wrote beside them (tools/precompress.py; a copy older than its file is
ignored), other text gzipped here. Vary: Accept-Encoding; the Content-Type is the file's own.

The server prints exactly one line `Serving http://HOST:PORT/` on stdout once it
is listening (with --port 0 the real port is shown), and logs one short line per
request (method, path without query, status) on stderr. It handles at most 64
connections at once; more wait in a 1024-deep listen backlog.
"""

import argparse
import base64
import gzip
import hashlib
import http.client
import ipaddress
import json
import os
import re
import signal
import socket
import socketserver
import ssl
import stat
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPO = os.path.dirname(os.path.realpath(__file__))
DEFAULT_SITE = os.path.join(REPO, "build", "site")
DEFAULT_TARGET = "https://api-seller.ozon.ru"
LOOPBACK_NAMES = {"127.0.0.1", "::1", "localhost"}

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8",
    ".data": "application/octet-stream",
}
DEFAULT_MIME = "application/octet-stream"
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".ttf", ".txt"}
NO_CACHE_FILES = {"index.html", "sw.js"}
# Compressed copies written beside the big files when the site is assembled
# (tools/precompress.py: NAME.br, NAME.gz), served as they are, best first.
# Python's standard library has no brotli: without a .br, only gzip is offered.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))

MAX_PROXY_BODY = 10 * 1024 * 1024
UPSTREAM_TIMEOUT = 60  # seconds for a whole proxied call, the upstream's answer read to its end
CLIENT_TIMEOUT = 30
FORWARDED_HEADERS = ("Client-Id", "Api-Key", "Content-Type")
TIMEOUTS = (socket.timeout, TimeoutError)
# Errors that just mean the client went away or stalled; never worth a traceback.
QUIET_ERRORS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) + TIMEOUTS

# At most this many connections are handled at once; the next ones wait in the
# listen backlog (which is deep enough for a burst) until a handler is free.
MAX_CONNECTIONS = 64
LISTEN_BACKLOG = 1024
# Before closing, read what a client may still be sending, for this long at most.
LINGER_SECONDS = 2
LINGER_BYTES = 1024 * 1024

# A request line starts with a method name (or a stray empty line). Anything
# else, such as a TLS ClientHello (0x16) sent to this plain-HTTP port, is
# answered 400 at once instead of waiting for a line end that may never come.
REQUEST_LINE_START = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\r\n")


# The console calls a proxy URL the seller types in at run time (a store's
# "proxy URL" road), so connect-src cannot name it in advance: HTTPS anywhere,
# and plain HTTP only on this machine (a proxy the seller runs locally).
DEFAULT_CONNECT_SRC = ["'self'", "https:", "http://127.0.0.1:*", "http://localhost:*"]

HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\Z")
DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_origin(text):
    """`text` as a web origin in the form browsers give it (scheme://host[:port],
    lower case, no default port), or ValueError saying what is wrong with it.
    Portal origins go into the CSP and are compared with postMessage origins,
    so nothing else (paths, wildcards, CSP keywords) is accepted."""
    if not isinstance(text, str) or not text.isascii() or any(c.isspace() or not c.isprintable() for c in text):
        raise ValueError("only printable ASCII, no spaces")
    parts = urllib.parse.urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError("the scheme must be http or https")
    if parts.path or parts.query or parts.fragment or text.endswith(("?", "#")):
        raise ValueError("an origin has no path, query or fragment, not even a final /")
    if "@" in parts.netloc:
        raise ValueError("an origin has no user name")
    try:
        port = parts.port
    except ValueError:
        raise ValueError("bad port") from None
    host = parts.hostname or ""
    if ":" in host:
        try:
            host = "[%s]" % ipaddress.IPv6Address(host).compressed
        except ValueError:
            raise ValueError("bad IPv6 address") from None
    elif not HOST_NAME.match(host):
        raise ValueError("bad host name")
    if port == 0:
        raise ValueError("bad port")
    shown_port = "" if port in (None, DEFAULT_PORTS[scheme]) else ":%d" % port
    return "%s://%s%s" % (scheme, host, shown_port)


def parse_origins(values):
    """The canonical origins of `values`, each once, in order (ValueError names the first bad one)."""
    out = []
    for value in values:
        try:
            origin = parse_origin(value)
        except ValueError as e:
            raise ValueError("%s is not an origin (%s); write scheme://host[:port], "
                             "e.g. https://portal.example" % (value, e)) from None
        if origin not in out:
            out.append(origin)
    return out


def read_site_portals(site):
    """The origins in the site's portals.json (written at build time from CONSOLE_PORTALS), [] without one."""
    path = os.path.join(site, "portals.json")
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict) or not isinstance(data.get("portals"), list):
        raise ValueError('expected {"portals": ["https://portal.example", ...]}')
    return parse_origins(data["portals"])


def build_csp(connect_extra, portals, style_hashes=(), script_hashes=()):
    connect = " ".join(DEFAULT_CONNECT_SRC + list(connect_extra))
    parts = [
        "default-src 'self'",
        # The page's own inline scripts (site-info.js and boot.js, inlined by the
        # build: the start waits for no request), by hash: nothing else inline.
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'"] + ["'%s'" % h for h in script_hashes]),
        # The page's own inline <style> (its first paint waits for no file), by hash: nothing else inline.
        "style-src " + " ".join(["'self'"] + ["'%s'" % h for h in style_hashes]),
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src " + connect,
        "worker-src 'self'",
        "manifest-src 'self'",
        # The console frames only its own documents: the packing station prints
        # a label PDF from a hidden frame of a blob: URL it made (opening one in
        # a new window is a navigation no directive governs). Nothing else.
        "frame-src blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        # Only the console itself and the listed seller portals may frame it.
        "frame-ancestors " + " ".join(["'self'"] + list(portals)),
    ]
    return "; ".join(parts)


INLINE_STYLE = re.compile(rb"<style>(.*?)</style>", re.S)
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)  # no attributes: an inline script, not src=


def inline_hashes(page_path):
    """The CSP hash sources ('sha256-...') of the page's inline <style> and <script> blocks: (styles, scripts)."""
    try:
        with open(page_path, "rb") as f:
            html = f.read()
    except OSError:
        return [], []

    def hashes(pattern):
        return ["sha256-" + base64.b64encode(hashlib.sha256(block).digest()).decode("ascii")
                for block in pattern.findall(html)]

    return hashes(INLINE_STYLE), hashes(INLINE_SCRIPT)


class GzipCache:
    """Compressed file bodies keyed by (path, mtime_ns, size): each version is compressed once."""

    LIMIT = 256 * 1024 * 1024

    def __init__(self):
        self._lock = threading.Lock()
        self._items = {}
        self._bytes = 0

    def get(self, path, st):
        key = (path, st.st_mtime_ns, st.st_size)
        with self._lock:
            data = self._items.get(key)
        if data is not None:
            return data
        with open(path, "rb") as f:
            raw = f.read()
        data = gzip.compress(raw, compresslevel=6, mtime=0)
        with self._lock:
            # Drop stale versions of the same file, and everything if the cache grows too big.
            for old in [k for k in self._items if k[0] == path and k != key]:
                self._bytes -= len(self._items.pop(old))
            if self._bytes + len(data) > self.LIMIT:
                self._items.clear()
                self._bytes = 0
            if key not in self._items:
                self._items[key] = data
                self._bytes += len(data)
        return data


def accepts(header, coding):
    """Whether an Accept-Encoding header value lets the answer use `coding` (q > 0, or * with q > 0)."""
    for item in (header or "").split(","):
        parts = [p.strip() for p in item.split(";")]
        name = parts[0].lower()
        if name not in (coding, "*"):
            continue
        q = 1.0
        for p in parts[1:]:
            if p.lower().startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            return True
    return False


def printable(s, limit=200):
    out = "".join(c if 32 <= ord(c) < 127 else "?" for c in s)
    return out[:limit] + ("..." if len(out) > limit else "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Relay upstream redirects to the client instead of following them (a POST must not turn into a GET)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


# ---- the proxy's deadline ---------------------------------------------------------------------
# A socket timeout bounds each read, not a call: an upstream sending a byte every
# few seconds could hold a call for ever. So every blocking operation on an
# upstream socket gets as timeout what is left of the call's deadline, kept per
# thread (a handler thread makes one upstream call at a time).

_call = threading.local()


def time_left():
    """Seconds left for this thread's upstream call; TimeoutError once there are none."""
    deadline = getattr(_call, "deadline", None)
    if deadline is None:
        return UPSTREAM_TIMEOUT
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("proxy deadline passed")
    return left


def _within_deadline(method):
    def call(self, *args, **kwargs):
        self.settimeout(time_left())
        return method(self, *args, **kwargs)
    return call


class DeadlineSocket(socket.socket):
    __slots__ = ()
    connect = _within_deadline(socket.socket.connect)
    recv = _within_deadline(socket.socket.recv)
    recv_into = _within_deadline(socket.socket.recv_into)
    send = _within_deadline(socket.socket.send)
    sendall = _within_deadline(socket.socket.sendall)


class DeadlineSSLSocket(ssl.SSLSocket):
    # recv and recv_into read through read(); sendall loops over send().
    do_handshake = _within_deadline(ssl.SSLSocket.do_handshake)
    read = _within_deadline(ssl.SSLSocket.read)
    send = _within_deadline(ssl.SSLSocket.send)


def connect_within_deadline(address, timeout=None, source_address=None, *args, **kwargs):
    """socket.create_connection for http.client, making a DeadlineSocket (the timeout is the deadline's)."""
    host, port = address
    error = OSError("no address for %s" % host)
    for family, kind, proto, _, addr in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
        sock = DeadlineSocket(family, kind, proto)
        try:
            if source_address:
                sock.bind(source_address)
            sock.connect(addr)
            return sock
        except OSError as e:
            sock.close()
            error = e
    raise error


class _DeadlineConnection:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = connect_within_deadline  # http.client's hook for opening the socket


class DeadlineHTTPConnection(_DeadlineConnection, http.client.HTTPConnection):
    pass


class DeadlineHTTPSConnection(_DeadlineConnection, http.client.HTTPSConnection):
    pass


class DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(DeadlineHTTPConnection, req)


class DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(DeadlineHTTPSConnection, req, context=self._context)


def proxy_opener(target):
    """A urllib opener for the proxy target: no redirects followed, every socket bounded by the call's deadline."""
    context = ssl.create_default_context()
    context.sslsocket_class = DeadlineSSLSocket
    handlers = [DeadlineHTTPHandler(), DeadlineHTTPSHandler(context=context), NoRedirect()]
    if is_loopback(urllib.parse.urlsplit(target).hostname or ""):
        handlers.append(urllib.request.ProxyHandler({}))  # never send a loopback target through an HTTP proxy
    return urllib.request.build_opener(*handlers)


def call_upstream(opener, req, seconds):
    """Send `req`; (status, content type, body), the body read to its end, all within `seconds`."""
    _call.deadline = time.monotonic() + seconds
    try:
        try:
            resp = opener.open(req, timeout=seconds)
        except urllib.error.HTTPError as e:
            resp = e  # an upstream error status is relayed as is
        with resp:
            status = getattr(resp, "status", None) or resp.code
            return status, resp.headers.get("Content-Type"), resp.read()
    finally:
        _call.deadline = None


class Handler(BaseHTTPRequestHandler):
    server_version = "ozon-console-serve"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    # Never answer HTTP/0.9 style (a bare body): an error found before the version is
    # known (505, a bad request line) still gets a status line and headers.
    default_request_version = "HTTP/1.0"
    timeout = CLIENT_TIMEOUT
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s\n"

    # Set on the class by main().
    site = DEFAULT_SITE
    portals = []
    connect_src = []
    csp_cache = ("unread", None)  # (the page's (mtime, size), or None without a page; the CSP for it)
    proxy_target = None  # None: proxy disabled
    proxy_opener = None
    proxy_check_host = True
    proxy_deadline = UPSTREAM_TIMEOUT
    gzip_cache = GzipCache()

    # ---- plumbing -------------------------------------------------------------------------

    def version_string(self):
        return self.server_version

    def handle_one_request(self):
        # The stdlib sets these only once a request line parses; log_request reads them.
        self.command = self.path = None
        self.request_version = ""
        try:
            if not self._starts_like_http():
                self.requestline = ""
                return self.send_error(400)
            super().handle_one_request()
        except QUIET_ERRORS:
            self.close_connection = True
        except OSError as e:
            self.close_connection = True
            sys.stderr.write("connection error: %s\n" % e.__class__.__name__)

    def _starts_like_http(self):
        first = self.rfile.peek(1)[:1]
        return not first or first[0] in REQUEST_LINE_START

    def send_error(self, code, message=None, explain=None):
        # The standard reason phrase only: the stdlib's own messages quote the raw request line.
        super().send_error(code)

    def __getattr__(self, name):
        # Any method without a do_X handler (PUT, DELETE, OPTIONS, ...) answers 405, not 501.
        if name.startswith("do_"):
            return self._method_not_allowed
        raise AttributeError(name)

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", self.csp())
        super().end_headers()

    def csp(self):
        """The CSP, with the hashes of the site page's inline styles and scripts (read again when the page changes)."""
        page = os.path.join(self.site, "index.html")
        try:
            st = os.stat(page)
            key = (st.st_mtime_ns, st.st_size)
        except OSError:
            key = None
        cached_key, csp = Handler.csp_cache
        if key != cached_key:
            styles, scripts = inline_hashes(page)
            csp = build_csp(self.connect_src, self.portals, styles, scripts)
            Handler.csp_cache = (key, csp)
        return csp

    def log_request(self, code="-", size="-"):
        if isinstance(code, HTTPStatus):
            code = code.value
        method = self.command or "-"
        path = (self.path or "-").split("?", 1)[0].split("#", 1)[0]
        sys.stderr.write("%s %s %s\n" % (printable(method, 16), printable(path), code))

    def log_error(self, format, *args):
        pass  # log_request already reports the status; nothing else (no headers, no raw lines).

    def log_message(self, format, *args):
        pass

    def send_plain(self, code, text, extra_headers=()):
        body = text.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for k, v in extra_headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_json(self, code, obj, cache="no-store"):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def not_found(self):
        self.send_plain(404, "404 not found\n")

    def proxy_off(self):
        # A Seller API path on a server started without --proxy: a 404 the
        # console tells apart from Ozon's own (JSON with code/message/details)
        # by its "error" field, to say what to run instead of "not found".
        self.send_json(404, {"error": "proxy_off",
                             "message": "this server was started without --proxy: run python3 serve.py --proxy"})

    def _method_not_allowed(self):
        self.close_connection = True  # a request body may be unread
        allow = "POST" if self._is_proxy_path() and self.proxy_target else "GET, HEAD"
        self.send_plain(405, "405 method not allowed\n", [("Allow", allow)])

    def _url_path(self):
        return self.path.split("?", 1)[0].split("#", 1)[0]

    def _is_proxy_path(self):
        return self._url_path().startswith("/ozon/")

    # ---- static files ---------------------------------------------------------------------

    def resolve(self):
        """The real path of the file to serve, or None (-> 404)."""
        raw = self._url_path()
        if not raw.startswith("/"):
            return None
        path = urllib.parse.unquote(raw, errors="strict") if "%" in raw else raw
        if "\x00" in path or "\\" in path:
            return None
        segments = path.split("/")
        if any(seg == ".." for seg in segments):
            return None
        rel = "/".join(seg for seg in segments if seg not in ("", "."))
        root = os.path.realpath(self.site)
        full = os.path.realpath(os.path.join(root, rel)) if rel else root
        try:
            if os.path.commonpath([root, full]) != root:
                return None
        except ValueError:
            return None
        if os.path.isdir(full):
            full = os.path.join(full, "index.html")
            if os.path.realpath(full) != full:
                full = os.path.realpath(full)
                if os.path.commonpath([root, full]) != root:
                    return None
        if not os.path.isfile(full):
            return None
        return full

    def do_GET(self):
        if self._is_proxy_path():
            if self.proxy_target:
                return self._method_not_allowed()
            return self.proxy_off()
        if self._url_path() == "/portals.json":
            # The origins allowed to embed the console, for it to read at start.
            return self.send_json(200, {"portals": self.portals}, cache="no-cache")
        try:
            full = self.resolve()
        except (UnicodeDecodeError, ValueError):
            full = None
        if full is None:
            return self.not_found()
        try:
            st = os.stat(full)
        except OSError:
            return self.not_found()
        name = os.path.basename(full)
        ext = os.path.splitext(name)[1].lower()
        ctype = MIME_TYPES.get(ext, DEFAULT_MIME)
        accept = self.headers.get("Accept-Encoding")
        coding, stored = self.precompressed(full, st, accept) if ext in COMPRESSIBLE else (None, None)
        if coding is None and ext in COMPRESSIBLE and accepts(accept, "gzip"):
            coding = "gzip"  # compressed here, once per file version (GzipCache)
        # One tag per representation: a cache must not answer a gzip request with brotli bytes.
        suffix = {"br": "-br", "gzip": "-gz"}.get(coding, "")
        etag = '"%x-%x%s"' % (st.st_size, st.st_mtime_ns, suffix)
        cache = "no-cache" if name in NO_CACHE_FILES else "max-age=0, must-revalidate"

        inm = self.headers.get("If-None-Match")
        if inm:
            tags = [t.strip() for t in inm.split(",")]
            tags = [t[2:] if t.startswith("W/") else t for t in tags]
            if "*" in tags or etag in tags:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", cache)
                if ext in COMPRESSIBLE:
                    self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return

        data = None
        try:
            if stored is not None:
                f = open(stored, "rb")
                length = os.fstat(f.fileno()).st_size
            elif coding == "gzip":
                data = self.gzip_cache.get(full, st)
                f = None
                length = len(data)
            else:
                f = open(full, "rb")
                length = os.fstat(f.fileno()).st_size
        except OSError:
            return self.not_found()
        try:
            self.send_response(200)
            # The type of the file itself (app.wasm stays application/wasm, for streaming compilation).
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(length))
            self.send_header("Cache-Control", cache)
            self.send_header("ETag", etag)
            if ext in COMPRESSIBLE:
                self.send_header("Vary", "Accept-Encoding")
            if coding:
                self.send_header("Content-Encoding", coding)
            self.end_headers()
            if self.command == "HEAD":
                return
            if f is None:
                self.wfile.write(data)
            else:
                remaining = length
                while remaining > 0:
                    chunk = f.read(min(256 * 1024, remaining))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    remaining -= len(chunk)
        finally:
            if f is not None:
                f.close()

    def precompressed(self, full, st, accept):
        """(coding, path) of the best stored compressed copy of `full` the client accepts, or (None, None).
        A copy older than its file is stale (the file was replaced after the site was assembled) and is
        skipped; so is one that is not a regular file inside the site."""
        root = os.path.realpath(self.site)
        for coding, suffix in PRECOMPRESSED:
            if not accepts(accept, coding):
                continue
            path = os.path.realpath(full + suffix)
            try:
                if os.path.commonpath([root, path]) != root:
                    continue
                vst = os.stat(path)
            except (OSError, ValueError):
                continue
            if stat.S_ISREG(vst.st_mode) and vst.st_mtime_ns >= st.st_mtime_ns:
                return coding, path
        return None, None

    def do_HEAD(self):
        self.do_GET()

    # ---- proxy ----------------------------------------------------------------------------

    def _host_allowed(self):
        """Refuse proxying for requests whose Host/Origin is not this loopback server (DNS rebinding),
        and for pages with no origin (Origin: null: a sandboxed frame, a file: page)."""
        if (self.headers.get("Origin") or "").strip().lower() == "null":
            return False
        if not self.proxy_check_host:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        if host.startswith("["):
            hostname = host[1:].split("]", 1)[0]
        else:
            hostname = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        if hostname not in LOOPBACK_NAMES:
            return False
        origin = self.headers.get("Origin")
        if origin:
            o = urllib.parse.urlsplit(origin)
            if (o.hostname or "").lower() not in LOOPBACK_NAMES or o.netloc.lower() != host:
                return False
        return True

    def _upstream_url(self):
        """The upstream URL for this /ozon/ path, or None if it must not be forwarded."""
        rest = self.path[len("/ozon/"):].split("#", 1)[0]
        # Printable ASCII only: a control or non-ASCII byte cannot go on the upstream's request line.
        if not all("!" <= c <= "~" for c in rest):
            return None
        rest_path, _, query = rest.partition("?")
        decoded = urllib.parse.unquote(rest_path)
        if "\x00" in decoded or "\\" in decoded or any(s in ("..", ".") for s in decoded.split("/")):
            return None
        return self.proxy_target + "/" + rest_path + ("?" + query if query else "")

    def _read_proxy_body(self):
        """The request body, or None once a refusal was sent (or the client went away)."""
        length = self.headers.get("Content-Length")
        if length is None:
            self.send_json(411, {"code": 411, "message": "Content-Length required"})
            return None
        try:
            n = int(length)
            if n < 0:
                raise ValueError
        except ValueError:
            self.send_json(400, {"code": 400, "message": "bad Content-Length"})
            return None
        if n > MAX_PROXY_BODY:
            self.send_json(413, {"code": 413, "message": "request body too large"})
            return None
        body = self.rfile.read(n) if n else b""
        return body if len(body) == n else None

    def do_POST(self):
        if not self._is_proxy_path():
            return self._method_not_allowed()
        if not self.proxy_target:
            self.close_connection = True
            return self.proxy_off()
        self.close_connection = True  # simple and safe: one proxied call per connection
        if not self._host_allowed():
            return self.send_json(403, {"code": 403, "message": "proxy refuses requests for another host"})
        url = self._upstream_url()
        if url is None:
            return self.send_json(400, {"code": 400, "message": "bad proxy path"})
        body = self._read_proxy_body()
        if body is None:
            return
        headers = {name: self.headers[name] for name in FORWARDED_HEADERS if self.headers.get(name) is not None}
        req = urllib.request.Request(url, data=body, method="POST", headers=headers)
        try:
            status, ctype, data = call_upstream(self.proxy_opener, req, self.proxy_deadline)
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as e:
            reason = getattr(e, "reason", e)
            if isinstance(e, TIMEOUTS) or isinstance(reason, TIMEOUTS):
                return self.send_json(504, {"code": 504, "message": "upstream timeout"})
            target_host = urllib.parse.urlsplit(self.proxy_target).netloc
            return self.send_json(502, {"code": 502, "message": "proxy could not reach %s: %s" % (target_host, reason)})
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = LISTEN_BACKLOG  # a burst of connections waits here instead of being refused

    def __init__(self, *args, **kwargs):
        self._handlers = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        # With every handler busy, stop accepting: new connections wait in the backlog.
        self._handlers.acquire()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._handlers.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._handlers.release()

    def shutdown_request(self, request):
        # Closing a socket with input still unread (the rest of a refused request) sends a
        # reset, which can destroy the answer before the client reads it: send our end's
        # close first, then read until the client closes too, for a short while at most.
        try:
            request.shutdown(socket.SHUT_WR)
            end = time.monotonic() + LINGER_SECONDS
            drained = 0
            while drained < LINGER_BYTES and time.monotonic() < end:
                request.settimeout(max(0.01, end - time.monotonic()))
                chunk = request.recv(64 * 1024)
                if not chunk:
                    break
                drained += len(chunk)
        except OSError:
            pass
        self.close_request(request)

    def server_bind(self):
        # Skip HTTPServer.server_bind's getfqdn(), which can stall on DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name = self.server_address[0]
        self.server_port = self.server_address[1]

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, QUIET_ERRORS):
            return
        sys.stderr.write("error while handling a request: %s: %s\n" % (exc.__class__.__name__, exc))


def is_loopback(host):
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(host, port):
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, _, _, _, addr = infos[0]

    class S(Server):
        address_family = family

    return S(addr[:2], Handler)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Serve the built Ozon seller console.")
    ap.add_argument("--port", type=int, default=8080, help="port (0 picks a free one; default 8080)")
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--no-build", action="store_true", help="do not run tools/deps.sh and tools/build.sh wasm")
    ap.add_argument("--site", default=DEFAULT_SITE, help="site directory (default build/site)")
    ap.add_argument("--proxy", action="store_true", help="forward POST /ozon/<path> to the Ozon Seller API")
    ap.add_argument("--proxy-target", default=DEFAULT_TARGET, help="proxy target (default %s)" % DEFAULT_TARGET)
    ap.add_argument("--allow-remote", action="store_true", help="allow --proxy on a non-loopback --host")
    ap.add_argument("--connect-src", action="append", default=[], metavar="ORIGIN",
                    help="extra origin for the CSP connect-src (repeatable)")
    ap.add_argument("--portal", action="append", default=[], metavar="ORIGIN",
                    help="a seller portal's origin (https://portal.example) allowed to embed the console "
                         "in a frame (repeatable; default: the site's portals.json, else none)")
    args = ap.parse_args(argv)

    for v in args.connect_src:
        if any(c in v for c in ";,\r\n") or not v.strip():
            ap.error("bad CSP value: %r" % v)
    try:
        portals = parse_origins(args.portal)
    except ValueError as e:
        ap.error("--portal %s" % e)
    try:
        # Test hook: a shorter deadline for proxied calls.
        deadline = float(os.environ.get("SERVE_PROXY_DEADLINE") or UPSTREAM_TIMEOUT)
        if not 0 < deadline <= 3600:
            raise ValueError
    except ValueError:
        ap.error("SERVE_PROXY_DEADLINE must be a number of seconds")

    loopback = is_loopback(args.host)
    if args.proxy and not loopback and not args.allow_remote:
        ap.error("--proxy carries the seller's API keys: it listens on loopback only; "
                 "add --allow-remote to serve it on %s" % args.host)
    if not loopback:
        sys.stderr.write("warning: listening on %s, reachable from other machines\n" % args.host)

    target = None
    if args.proxy:
        t = urllib.parse.urlsplit(args.proxy_target)
        if t.scheme not in ("http", "https") or not t.hostname:
            ap.error("--proxy-target must be an http(s) URL")
        target = args.proxy_target.rstrip("/")

    if not args.no_build:
        try:
            subprocess.run([os.path.join(REPO, "tools", "deps.sh")], cwd=REPO, check=True)
            subprocess.run([os.path.join(REPO, "tools", "build.sh"), "wasm"], cwd=REPO, check=True)
        except subprocess.CalledProcessError as e:
            sys.stderr.write("serve.py: build step failed (%s exited with %d)\n" % (os.path.basename(e.cmd[0]), e.returncode))
            return e.returncode or 1
        except OSError as e:
            sys.stderr.write("serve.py: could not run the build: %s\n" % e)
            return 1

    site = os.path.realpath(args.site)
    if not os.path.isdir(site) or not os.path.isfile(os.path.join(site, "index.html")):
        sys.stderr.write("serve.py: no built site at %s (index.html missing); run ./serve.py without --no-build, "
                         "or tools/build.sh wasm\n" % site)
        return 1

    if not args.portal:
        try:
            portals = read_site_portals(site)
        except (OSError, ValueError) as e:
            sys.stderr.write("serve.py: %s: %s\n" % (os.path.join(site, "portals.json"), e))
            return 1

    Handler.site = site
    Handler.portals = portals
    Handler.connect_src = args.connect_src
    Handler.proxy_target = target
    Handler.proxy_check_host = not args.allow_remote
    Handler.proxy_deadline = deadline
    if target:
        Handler.proxy_opener = proxy_opener(target)

    try:
        httpd = make_server(args.host, args.port)
    except OSError as e:
        sys.stderr.write("serve.py: cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        return 1

    port = httpd.server_address[1]
    shown = "[%s]" % args.host if ":" in args.host else args.host
    print("Serving http://%s:%d/" % (shown, port), flush=True)

    def on_term(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_term)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    sys.stderr.write("serve.py: stopped\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
