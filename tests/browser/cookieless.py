"""Block every cookie of the tool's origin in a browser context, stricter than any browser does.

Playwright routes each request to the tool through `CookieWall`, which sends it to the live server
without its `Cookie` header and hands the response back without `Set-Cookie`. The requests are made
here with urllib3, which keeps no cookie jar (Playwright's `route.fetch` would use, and fill, the
context's cookies).

Playwright does not route the next hop of a redirect: the browser would fetch it on its own, cookies
and all. So a redirect is handed to the browser as a page that moves on at once (a meta refresh),
a new navigation that is routed again. The LMS's launch starts, which redirect into the tool, are
rewritten the same way. Pages fulfilled from here carry no IP address, so Chromium counts them as
public and asks before they reach a loopback address: the context is granted local network access.
"""
import html
import re
from urllib.parse import urljoin

import urllib3

# Headers urllib3 sets itself, or that no longer fit once the body is handed over as bytes.
DROPPED_REQUEST = {"host", "content-length", "accept-encoding", "connection"}
DROPPED_RESPONSE = {"content-length", "transfer-encoding", "connection", "content-encoding", "location"}
LMS_HOPS = "/lti/initiate"  # the LMS's launch starts answer with a redirect to the tool's login


def _hop(location):
    """A page that navigates on to `location` without a redirect."""
    url = html.escape(location, quote=True)
    return (f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}">'
            f'<title>Moving on</title><a href="{url}">Continue</a>')


class CookieWall:
    """Installed on a context: no cookie ever reaches or leaves the tool's origin."""

    def __init__(self, tool_url, lms_url):
        self.tool_url, self.lms_url = tool_url.rstrip("/"), lms_url.rstrip("/")
        self.http = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(total=15))
        self.paths = []           # every tool path the browser asked for, in order
        self.cookies_offered = 0  # tool requests on which the browser tried to send a cookie
        self.cookies_refused = 0  # Set-Cookie headers from the tool dropped
        self._routed, self._seen = [], []

    def install(self, context):
        """Route every request for the tool's origin (and the LMS's launch starts) in `context`."""
        context.grant_permissions(["local-network-access"])
        context.route(re.compile("^" + re.escape(self.tool_url) + "(/|$)"), self._tool)
        context.route(re.compile("^" + re.escape(self.lms_url + LMS_HOPS)), self._lms_hop)
        context.on("request", self._observe)
        return self

    def unrouted(self):
        """Requests to the tool's origin that reached the network without passing the wall."""
        return [request.url for request in self._seen if not any(request is seen for seen in self._routed)]

    def _observe(self, request):
        if request.url.startswith(self.tool_url + "/"):
            self._seen.append(request)

    def _tool(self, route):
        request = route.request
        self._routed.append(request)
        self.paths.append(request.url[len(self.tool_url):].split("?")[0] or "/")
        headers = request.all_headers()
        self.cookies_offered += any(name.lower() == "cookie" for name in headers)
        response = self._forward(request, {name: value for name, value in headers.items()
                                           if name.lower() != "cookie"})
        self.cookies_refused += len(response.headers.getlist("set-cookie"))
        self._fulfill(route, response, drop_cookies=True)

    def _lms_hop(self, route):
        # The LMS's own request with its own (first-party) cookies; only a redirect changes form.
        self._fulfill(route, self._forward(route.request, route.request.all_headers()), drop_cookies=False)

    def _forward(self, request, headers):
        return self.http.request(
            request.method, request.url, body=request.post_data_buffer, redirect=False, decode_content=False,
            headers={name: value for name, value in headers.items()
                     if name.lower() not in DROPPED_REQUEST and not name.startswith(":")})

    @staticmethod
    def _fulfill(route, response, drop_cookies):
        dropped = DROPPED_RESPONSE | {"set-cookie"} if drop_cookies else DROPPED_RESPONSE
        kept = {}
        for name, value in response.headers.items():
            name = name.lower()
            if name not in dropped:  # repeated headers joined the way Playwright reads them back
                kept[name] = f"{kept[name]}{chr(10) if name == 'set-cookie' else ', '}{value}" if name in kept else value
        location = response.headers.get("location")
        if 300 <= response.status < 400 and location:
            kept["content-type"] = "text/html; charset=utf-8"
            route.fulfill(status=200, headers=kept, body=_hop(urljoin(route.request.url, location)))
        else:
            route.fulfill(status=response.status, headers=kept, body=response.data)
