"""Every browser of a live session at once (for bench/live.py): the LMS that signs the launches, and a crowd
of people who launch, open pages, follow them by polling with ETags, and vote, from one pool of threads."""
import heapq
import random
import re
import secrets
import threading
import time
from html import unescape
from html.parser import HTMLParser
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import parse_qs, urljoin, urlparse

import jwt
import requests

from harness import CLIENT_ID, DEPLOYMENT_ID, INSTRUCTOR, LEARNER, LTI, TOP_LEVEL, BenchPlatform, page_summary

LINK = "live-session"


class Platform(BenchPlatform):
    """The LMS: id_tokens for one course and one resource link, for a given person."""

    def token_for(self, nonce, target, person, instructor=False):
        """A signed LtiResourceLinkRequest for `person` in the session's course."""
        now = int(time.time())
        claims = {
            "iss": self.issuer, "aud": CLIENT_ID, "azp": CLIENT_ID, "sub": f"live-{person}",
            "exp": now + 300, "iat": now, "nonce": nonce, "name": f"Deelnemer {person}",
            LTI + "deployment_id": DEPLOYMENT_ID, LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0", LTI + "target_link_uri": target,
            LTI + "resource_link": {"id": LINK, "title": "Stellingen in de zaal"},
            LTI + "context": {"id": "live-course", "title": "Lerend netwerk live", "label": "LN"},
            LTI + "roles": [INSTRUCTOR if instructor else LEARNER],
            LTI + "launch_presentation": {"locale": "nl-NL", "document_target": "iframe"},
        }
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})


class Form(HTMLParser):
    """The fields of the first POST form on a page whose action contains `marker`, as a browser sends them."""

    def __init__(self, marker):
        super().__init__()
        self.marker, self.inside, self.done, self.fields, self.textarea = marker, False, False, {}, None

    def handle_starttag(self, tag, attrs):
        """Collect inputs (checked radios only) and textareas of the form."""
        attrs = dict(attrs)
        if tag == "form" and not self.done and self.marker in (attrs.get("action") or ""):
            self.inside, self.action = True, attrs["action"]
        elif self.inside and tag == "input" and attrs.get("name"):
            if attrs.get("type") not in ("radio", "checkbox") or "checked" in attrs:
                self.fields[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "textarea":
            self.textarea = attrs.get("name")
            self.fields[self.textarea] = ""

    def handle_data(self, data):
        """Text inside a textarea is its value."""
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        """A form ends; a textarea ends."""
        if tag == "textarea":
            self.textarea = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_on(html, marker):
    """(action, fields) of the first form posting to an address containing `marker`."""
    parser = Form(marker)
    parser.feed(html)
    if not parser.done:
        raise RuntimeError(f"no form for {marker!r} on the page: {html[:300]}")
    return parser.action.replace("&amp;", "&"), parser.fields


class Person:
    """One launched browser: its page address (with the launch token), its live address and what it saw."""

    def __init__(self, number):
        self.number, self.page_url, self.live_url, self.etag, self.csrf = number, "", "", "", ""
        self.updates = []  # (monotonic time, html) of every page it loaded and every changed answer
        self.polls = []  # (due, asked, answered, status) of every poll, in monotonic time


class Crowd:
    """Every browser of the session, driven by a pool of threads from one schedule (a heap of due tasks)."""

    def __init__(self, tool, platform, threads, poll_seconds):
        self.tool, self.platform, self.base, self.poll_seconds = tool, platform, tool.base_url, poll_seconds
        self.queue, self.lock, self.wake, self.stop = [], threading.Lock(), threading.Condition(), threading.Event()
        self.errors, self.latency, self.counts, self.sequence, self.last_vote = [], {}, {}, 0, 0.0
        self.local = threading.local()
        self.threads = [threading.Thread(target=self._work, daemon=True) for _ in range(threads)]
        for thread in self.threads:
            thread.start()

    # -- the schedule --------------------------------------------------------------------------------------
    def at(self, when, task):
        """Run `task()` on a pool thread at monotonic time `when`."""
        with self.wake:
            self.sequence += 1
            heapq.heappush(self.queue, (when, self.sequence, task))
            self.wake.notify()

    def _work(self):
        while not self.stop.is_set():
            with self.wake:
                while not self.stop.is_set() and (not self.queue or self.queue[0][0] > time.monotonic()):
                    self.wake.wait(timeout=(self.queue[0][0] - time.monotonic()) if self.queue else 0.2)
                if self.stop.is_set():
                    return
                _when, _seq, task = heapq.heappop(self.queue)
            try:
                task()
            except Exception as exc:  # a failed request is an error of the run, never the end of a thread
                self.error(f"{type(exc).__name__}: {exc}")

    def session(self):
        """This thread's keep-alive connection (no cookies: the launch token in the address is enough)."""
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
            self.local.session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        return self.local.session

    def error(self, message):
        """Count one error (grouped in the report)."""
        with self.lock:
            self.errors.append(message)

    def timed(self, kind, method, url, **kwargs):
        """One request, its latency kept under `kind`."""
        started = time.perf_counter()
        response = self.session().request(method, url, allow_redirects=False, timeout=30, **kwargs)
        with self.lock:
            self.latency.setdefault(kind, []).append(time.perf_counter() - started)
            self.counts[(kind, response.status_code)] = self.counts.get((kind, response.status_code), 0) + 1
        return response

    def close(self):
        """Stop the pool."""
        self.stop.set()
        with self.wake:
            self.wake.notify_all()

    # -- what browsers do ------------------------------------------------------------------------------------
    def launch(self, person, instructor=False):
        """OIDC login and id_token post, as bench/launch.py does; keeps the page address it redirects to."""
        target = self.base + "/lti/launch"
        login = self.timed("login", "GET", self.base + "/lti/login", params={
            "iss": self.platform.issuer, "login_hint": secrets.token_hex(4), "target_link_uri": target,
            "client_id": CLIENT_ID, "lti_deployment_id": DEPLOYMENT_ID}, headers=TOP_LEVEL)
        if login.status_code != 302:
            return self.error(f"login {page_summary(login)}")
        query = parse_qs(urlparse(login.headers["Location"]).query)
        cookie = next((c.split(";", 1)[0] for c in login.raw.headers.getlist("Set-Cookie")
                       if c.startswith("ln_state_")), "")
        token = self.platform.token_for(query["nonce"][0], target, person.number, instructor)
        launched = self.timed("launch", "POST", target, data={"id_token": token, "state": query["state"][0]},
                              headers={"Cookie": cookie})
        if launched.status_code != 303:
            return self.error(f"launch {page_summary(launched)}")
        person.page_url = urljoin(self.base, launched.headers["Location"])

    def open_page(self, person):
        """Load the page as the browser does after the launch; keep its live address and CSRF token."""
        page = self.timed("page", "GET", person.page_url)
        if page.status_code != 200:
            return self.error(f"page {page_summary(page)}")
        live = re.search(r'data-live-url="([^"]+)"', page.text)
        person.live_url = urljoin(self.base, live.group(1).replace("&amp;", "&")) if live else ""
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        person.csrf = csrf.group(1) if csrf else ""
        person.etag = page_etag(page.text)
        person.updates.append((time.monotonic(), page.text))
        return page.text

    def follow(self, person, kind="poll"):
        """Poll the person's live address every `poll_seconds` with its ETag, for as long as the run lasts."""
        def poll(due):
            if self.stop.is_set():
                return
            headers = {"Accept": "application/json"}
            if person.etag:
                headers["If-None-Match"] = person.etag
            asked = time.monotonic()
            answer = self.timed(kind, "GET", person.live_url, headers=headers)
            person.polls.append((due, asked, time.monotonic(), answer.status_code))
            if answer.status_code == 200:
                person.etag = answer.headers.get("ETag", "")
                data = answer.json()
                if data.get("live_url"):
                    person.live_url = urljoin(self.base, data["live_url"])
                person.updates.append((time.monotonic(), data["html"]))
            elif answer.status_code != 304:
                self.error(f"{kind} {page_summary(answer)}")
            next_due = time.monotonic() + self.poll_seconds
            self.at(next_due, lambda: poll(next_due))
        first = time.monotonic() + random.uniform(0, self.poll_seconds)
        self.at(first, lambda: poll(first))

    def vote(self, person, key, choice, reason, due):
        """Vote on the statement shown (`key`), then load the page the answer redirects to (as the browser does);
        how late the vote left after it was `due` is kept too: a busy client must not hide a slow server."""
        with self.lock:
            self.latency.setdefault("vote start lag", []).append(time.monotonic() - due)
        fields = {"lt": parse_qs(urlparse(person.page_url).query)["lt"][0], "csrf_token": person.csrf,
                  "round": "1", "statement": key, f"choice_{key}": choice, f"reason_{key}": reason}
        action = urljoin(self.base, urlparse(person.page_url).path + "/votes")
        answer = self.timed("vote", "POST", action, data=fields)
        if answer.status_code != 303:
            return self.error(f"vote {page_summary(answer)}")
        with self.lock:
            self.last_vote = max(self.last_vote, time.monotonic())
        page = self.timed("page after vote", "GET", urljoin(self.base, answer.headers["Location"]))
        # The loaded page follows from the tag it carries, as a browser's new page does (static/js/live.js).
        if page.status_code == 200:
            person.etag = page_etag(page.text)
            person.updates.append((time.monotonic(), page.text))


def page_etag(html):
    """The ETag a page carries for its first poll (data-live-etag), as its script reads it."""
    found = re.search(r'data-live-etag="([^"]*)"', html)
    return unescape(found.group(1)) if found else ""


def wait_until(predicate, seconds, what):
    """Wait (bounded) until `predicate()`; RuntimeError naming `what` otherwise."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")
