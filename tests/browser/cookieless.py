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

`frame_only=True` blocks the tool's cookies only inside frames (third-party), as browsers do; top-level
pages (a new window) keep theirs. `block_frame_storage=True` also makes sessionStorage and localStorage
throw in the tool's frames, as Chrome does with third-party cookies blocked.
"""
import html
import re
from urllib.parse import urljoin

import urllib3

# Headers urllib3 sets itself, or that no longer fit once the body is handed over as bytes.
DROPPED_REQUEST = {"host", "content-length", "accept-encoding", "connection"}
DROPPED_RESPONSE = {"content-length", "transfer-encoding", "connection", "content-encoding", "location"}
LMS_HOPS = "/lti/initiate"  # the LMS's launch starts answer with a redirect to the tool's login
# Chrome's answer to storage access in a third-party frame when third-party cookies are blocked.
BLOCK_FRAME_STORAGE = """(() => {
  if (location.origin !== %r || window.top === window) return;
  for (const name of ["sessionStorage", "localStorage"]) {
    Object.defineProperty(window, name, { configurable: true, get() {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    } });
  }
})();"""


def _hop(location):
    """A page that navigates on to `location` without a redirect."""
    url = html.escape(location, quote=True)
    return (f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}">'
            f'<title>Moving on</title><a href="{url}">Continue</a>')


class CookieWall:
    """Installed on a context: no cookie ever reaches or leaves the tool's origin."""

    def __init__(self, tool_url, lms_url, frame_only=False, block_frame_storage=False):
        self.tool_url, self.lms_url = tool_url.rstrip("/"), lms_url.rstrip("/")
        self.frame_only, self.block_frame_storage = frame_only, block_frame_storage
        self.http = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(total=15))
        self.paths = []           # every tool path the browser asked for (in frames, when frame_only), in order
        self.top_level_paths = []  # with frame_only: tool paths asked for top-level, cookies allowed
        self.cookies_offered = 0  # tool requests on which the browser tried to send a cookie
        self.cookies_refused = 0  # Set-Cookie headers from the tool dropped
        self._routed, self._seen = [], []

    def install(self, context):
        """Route every request for the tool's origin (and the LMS's launch starts) in `context`."""
        context.grant_permissions(["local-network-access"])
        context.route(re.compile("^" + re.escape(self.tool_url) + "(/|$)"), self._tool)
        context.route(re.compile("^" + re.escape(self.lms_url + LMS_HOPS)), self._lms_hop)
        context.on("request", self._observe)
        if self.block_frame_storage:
            context.add_init_script(BLOCK_FRAME_STORAGE % self.tool_url)
        return self

    @staticmethod
    def _top_level(request):
        try:
            return request.frame.parent_frame is None
        except Exception:  # a request without a frame (a worker) is nobody's top level
            return False

    def unrouted(self):
        """Requests to the tool's origin that reached the network without passing the wall."""
        return [request.url for request in self._seen if not any(request is seen for seen in self._routed)]

    def _observe(self, request):
        if request.url.startswith(self.tool_url + "/") and not (self.frame_only and self._top_level(request)):
            self._seen.append(request)

    def _tool(self, route):
        request = route.request
        if self.frame_only and self._top_level(request):
            self.top_level_paths.append(request.url[len(self.tool_url):].split("?")[0] or "/")
            route.continue_()  # first-party: the browser's own cookies, untouched
            return
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
