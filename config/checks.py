"""Checking a configuration before anything serves: one clear message instead of a crash per worker."""
from urllib.parse import urlsplit

MIN_SECRET_BYTES = 32


def production_problems(config):
    """What is wrong with a production configuration (empty when it may start)."""
    problems = []
    secret = config.get("SECRET_KEY") or ""
    if len(secret.encode()) < MIN_SECRET_BYTES:
        problems.append(f"LEERNETWERK_SECRET_KEY must be at least {MIN_SECRET_BYTES} bytes of random text "
                        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(48))').")
    problem = base_url_problem(config.get("BASE_URL") or "")
    if problem:
        problems.append(problem)
    return problems


def base_url_problem(url):
    """Why a production LEERNETWERK_BASE_URL is unusable, or None: https://host[:port][/path], nothing else."""
    shown = url or "(empty)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return f"LEERNETWERK_BASE_URL is not a valid URL (got {shown})."
    local = parts.hostname in ("localhost", "127.0.0.1")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        return f"LEERNETWERK_BASE_URL must start with https:// in production (got {shown})."
    if not parts.hostname or "." not in parts.hostname and not local:
        return f"LEERNETWERK_BASE_URL must name the tool's host, e.g. https://leernetwerk.example.org (got {shown})."
    if parts.query or parts.fragment or parts.username or parts.password or url.endswith("?"):
        return f"LEERNETWERK_BASE_URL may not carry a query, fragment or user name (got {shown})."
    if port == 0:
        return f"LEERNETWERK_BASE_URL has an invalid port (got {shown})."
    return None


def check_environment(config_name=None):
    """Validate the configuration the environment describes; SystemExit with every problem at once."""
    from config import config_for

    cls = config_for(config_name)
    if cls.ENV_NAME != "production":
        return
    values = {name: getattr(cls, name) for name in dir(cls) if name.isupper()}
    problems = production_problems(values)
    if problems:
        raise SystemExit("Leernetwerk cannot start:\n- " + "\n- ".join(problems))

