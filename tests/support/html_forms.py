"""Reading HTML forms the way a browser would submit them (for auto-post and settings pages in tests)."""
from html.parser import HTMLParser


class _FormParser(HTMLParser):
    """The first form's action and the values a browser would submit by default."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self.forms = None, {}, 0
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        """Note the form's action and each field's default value."""
        attrs = dict(attrs)
        if tag == "form":
            self.forms += 1
            if self.forms == 1:
                self.action = attrs.get("action")
        if self.forms != 1 or not attrs.get("name") and tag != "option":
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "image", "file"):
                self.fields[attrs["name"]] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.fields[self._textarea] = ""
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select is not None:
            if "selected" in attrs or self._select not in self.fields:
                self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        """Close a textarea or select."""
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        """Collect a textarea's text."""
        if self._textarea is not None:
            if not self.fields[self._textarea]:
                # Browsers drop one newline right after <textarea> (WTForms writes "\r\n" there).
                data = data[2:] if data.startswith("\r\n") else data[1:] if data.startswith("\n") else data
            self.fields[self._textarea] += data


def parse_form(html):
    """(action, {name: value}) of the first form in an HTML page."""
    parser = _FormParser()
    parser.feed(html)
    return parser.action, parser.fields
