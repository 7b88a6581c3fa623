"""Block every cookie of the tool's origin in a browser context, stricter than any browser does.

Playwright routes each request to the tool through `CookieWall`, which sends it to the live server
without its `Cookie` header and hands the response back without `Set-Cookie`. The requests are made
here with urllib3, which keeps no cookie jar (Playwright's own `route.fetch` would use, and fill, the
context's cookies). Redirects are passed to the browser unfollowed, so it navigates as usual.
"""
import re

import urllib3

DROPPED_REQUEST = {"cookie", "host", "content-length", "accept-encoding", "connection"}
DROPPED_RESPONSE = {"set-cookie", "content-length", "transfer-encoding", "connection", "content-encoding"}


class CookieWall:
    """Installed on a context: no cookie ever reaches or leaves the tool's origin."""

    def __init__(self, tool_url):
        self.tool_url = tool_url.rstrip("/")
        self.http = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(total=15))
        self.paths = []           # every tool path the browser asked for, in order
        self.cookies_offered = 0  # requests on which the browser tried to send a cookie
        self.cookies_refused = 0  # responses whose Set-Cookie headers were dropped

    def install(self, context):
        """Route every request for the tool's origin in `context` through this wall."""
        context.route(re.compile("^" + re.escape(self.tool_url) + "(/|$)"), self._handle)
        return self

    def _handle(self, route):
        request = route.request
        headers = request.all_headers()
        if any(name.lower() == "cookie" for name in headers):
            self.cookies_offered += 1
        self.paths.append(request.url[len(self.tool_url):].split("?")[0] or "/")
        response = self.http.request(
            request.method, request.url, body=request.post_data_buffer, redirect=False, decode_content=False,
            headers={name: value for name, value in headers.items()
                     if name.lower() not in DROPPED_REQUEST and not name.startswith(":")})
        kept = {}
        for name, value in response.headers.items():
            if name.lower() == "set-cookie":
                self.cookies_refused += 1
            elif name.lower() not in DROPPED_RESPONSE:
                kept[name] = value
        route.fulfill(status=response.status, headers=kept, body=response.data)
