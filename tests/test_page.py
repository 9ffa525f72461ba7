"""The page at ``/``, its static files and ``/docs``: served by the service itself, open without a key."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest


class _Refs(HTMLParser):
    """Every URL a page loads or links to (src, href, action)."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"src", "href", "action"} and value is not None:
                self.refs.append((tag, value))
            if name == "id" and value:
                self.ids.add(value)


def _refs(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def keyed(make_app):
    return make_app(API_KEYS="page-test-key").test_client()


@pytest.mark.parametrize("path, mimetype", [
    ("/", "text/html"),
    ("/static/app.js", "text/javascript"),
    ("/static/app.css", "text/css"),
    ("/static/index.html", "text/html"),
    ("/docs", "text/html"),
    ("/openapi.json", "application/json"),
])
@pytest.mark.parametrize("which", ["open", "keyed"])
def test_page_files_and_docs_are_served_without_a_key(client, keyed, which, path, mimetype):
    response = (client if which == "open" else keyed).get(path)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == mimetype
    assert response.data


def test_the_api_itself_still_needs_the_key(keyed, check_error):
    check_error(keyed.post("/v1/quotes", json={"text": "“Yes,” she said."}), 401, "unauthorized")


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_pages_load_nothing_from_another_host(client, path):
    html = client.get(path).get_data(as_text=True)
    refs = _refs(html).refs
    assert refs, "the page loads its script and styles"
    for tag, url in refs:
        assert not re.match(r"^(?:[a-z]+:)?//", url, re.I), f"<{tag}> reaches another host: {url}"
        if tag in {"script", "link"} and not url.startswith("data:"):
            assert client.get("/" + url.lstrip("./")).status_code == 200, url
    csp = client.get(path).headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert "<script>" not in html, "no inline script (the CSP forbids it)"


@pytest.mark.parametrize("path", ["/static/app.js", "/static/app.css"])
def test_static_files_name_no_other_host(client, path):
    body = client.get(path).get_data(as_text=True)
    assert not re.search(r"https?://", body), "static files must not fetch from elsewhere"


def test_the_page_has_what_the_script_needs(client):
    """Every element app.js looks up by id exists in the page."""
    html = client.get("/").get_data(as_text=True)
    script = client.get("/static/app.js").get_data(as_text=True)
    wanted = set(re.findall(r'\$\("([\w-]+)"\)', script))
    assert {"article", "submit", "speakers", "article-view", "copy-json", "key-form", "error"} <= wanted
    assert wanted <= _refs(html).ids, f"missing ids: {wanted - _refs(html).ids}"


@pytest.mark.parametrize("needle", [
    "v1/quotes",           # the API it calls, relative so that a path prefix works
    "sessionStorage",      # the key is kept for the tab's session
    "Bearer ",             # and sent as a bearer token
    "codeUnitOffsets",     # code points converted to UTF-16 units
    "textContent",
])
def test_script_does_what_the_page_promises(client, needle):
    assert needle in client.get("/static/app.js").get_data(as_text=True)


@pytest.mark.parametrize("forbidden", ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("])
def test_script_never_writes_html_from_strings(client, forbidden):
    assert forbidden not in client.get("/static/app.js").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/static/missing.js", "/static/../config.py", "/static/"])
def test_missing_static_files_are_json_404(client, check_error, path):
    check_error(client.get(path), 404, "not_found")


@pytest.mark.parametrize("method, path", [("POST", "/"), ("DELETE", "/docs"), ("PUT", "/openapi.json")])
def test_other_methods_are_json_405(client, check_error, method, path):
    check_error(client.open(path, method=method), 405, "method_not_allowed")


def test_docs_show_every_endpoint_and_error_code(client):
    html = client.get("/docs").get_data(as_text=True)
    for endpoint in ("POST</span> <code>/v1/quotes</code>", "POST</span> <code>/v1/quotes/batch</code>",
                     "GET</span> <code>/healthz</code>", "GET</span> <code>/readyz</code>"):
        assert endpoint in html
    for code in ("invalid_json", "invalid_encoding", "unauthorized", "not_found", "method_not_allowed",
                 "payload_too_large", "unsupported_media_type", "invalid_request", "internal_error",
                 "not_ready", "timeout"):
        assert f'id="error-{code}"' in html, code
    for schema in ("Quote", "SpeakerRef", "Speaker", "Span", "Error", "BatchResult"):
        assert f'id="schema-{schema}"' in html, schema
    # internal links all land on an anchor of the page
    ids = _refs(html).ids
    for _, url in _refs(html).refs:
        if url.startswith("#"):
            assert url[1:] in ids, url


def test_docs_escape_what_they_show(client):
    html = client.get("/docs").get_data(as_text=True)
    assert "<Bearer" not in html and "&lt;key&gt;" in html
