"""Language choice: the launch's locale first, then the browser's Accept-Language."""
from flask import current_app, g, request


def normalise_locale(value):
    """Map a platform locale such as 'nl-BE', 'en_US' or 'fr' to a supported language or None."""
    if not value or not isinstance(value, str):
        return None
    lang = value.replace("_", "-").split("-")[0].lower()
    return lang if lang in current_app.config["LANGUAGES"] else None


def select_locale():
    """Flask-Babel's locale selector."""
    launch = g.get("launch")
    if launch is not None and normalise_locale(launch.locale):
        return normalise_locale(launch.locale)
    forced = normalise_locale(g.get("locale_hint"))
    if forced:
        return forced
    if request:
        best = request.accept_languages.best_match(current_app.config["LANGUAGES"])
        if best:
            return best
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language():
    """The request's language code ('nl' or 'en') as Flask-Babel chose it; the default outside a request."""
    from flask import has_request_context
    from flask_babel import get_locale

    locale = get_locale() if has_request_context() else None
    return locale.language if locale else current_app.config["BABEL_DEFAULT_LOCALE"]
