"""One way for tests to read HTML: BeautifulSoup, as a browser would see the page (not regexes)."""
from bs4 import BeautifulSoup


def soup(html):
    """The parsed page (html.parser: no extra dependency, forgiving as browsers are)."""
    return BeautifulSoup(html if isinstance(html, str) else html.get_data(as_text=True), "html.parser")


def page_text(html):
    """Everything the page says, white space collapsed: no attribute (a random token may spell a name)."""
    return " ".join(soup(html).get_text(" ").split())


def texts(html, selector):
    """The visible text of every element matching a CSS selector, white space collapsed."""
    return [" ".join(node.get_text(" ").split()) for node in soup(html).select(selector)]


def _field_values(form):
    """The name/value pairs a browser submits for a form by default (no button pressed)."""
    fields = {}
    for node in form.select("input[name], textarea[name], select[name]"):
        name = node["name"]
        if node.name == "textarea":
            # Browsers drop one newline right after <textarea> (WTForms writes "\r\n" there).
            text = node.string or ""
            fields[name] = text[2:] if text.startswith("\r\n") else text[1:] if text.startswith("\n") else text
        elif node.name == "select":
            chosen = node.select_one("option[selected]") or node.select_one("option")
            if chosen is not None:
                fields[name] = chosen.get("value", chosen.get_text())
        else:
            kind = (node.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file") or (kind in ("checkbox", "radio") and
                                                                  not node.has_attr("checked")):
                continue
            fields[name] = node.get("value", "on" if kind == "checkbox" else "")
    return fields


def parse_form(html):
    """(action, {name: value}) of the first form on a page, as a browser would submit it."""
    form = soup(html).find("form")
    return (form.get("action"), _field_values(form)) if form else (None, {})


def forms_on(html):
    """(action, hidden fields) of every POST form on a page."""
    return [(form.get("action"), {node["name"]: node.get("value", "")
                                  for node in form.select("input[type=hidden][name]")})
            for form in soup(html).select("form[method=post]")]
