"""The tool's signing keys: generated on first use, loaded once per process, published as JWKS."""
import base64
import secrets
import threading

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from lti_tool.extensions import db
from lti_tool.models import ToolKey
from lti_tool.models.base import utcnow

# Loading a PEM private key validates it and costs ~40 ms; signing with a loaded key ~0.4 ms.
_loaded = {}
_lock = threading.Lock()


def _b64(number):
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def generate_key():
    """Create and store a new RSA key; the caller commits."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    key = ToolKey(kid=secrets.token_hex(12), private_pem=pem)
    db.session.add(key)
    return key


def current_key():
    """The newest active key, created on first start when there is none."""
    key = (ToolKey.query.filter(ToolKey.retired_at.is_(None))
           .order_by(ToolKey.created_at.desc(), ToolKey.id.desc()).first())
    if key is None:
        key = generate_key()
        db.session.commit()
    return key


def private_key_object(key):
    """The loaded private key object for a ToolKey row, cached per process."""
    cached = _loaded.get(key.kid)
    if cached is None:
        with _lock:
            cached = _loaded.get(key.kid)
            if cached is None:
                cached = serialization.load_pem_private_key(key.private_pem.encode(), password=None)
                _loaded[key.kid] = cached
    return cached


def signing_key():
    """(kid, private key object) to sign outgoing JWTs with."""
    key = current_key()
    return key.kid, private_key_object(key)


def public_jwk(key):
    """The public JWK of a ToolKey."""
    numbers = private_key_object(key).public_key().public_numbers()
    return {"kty": "RSA", "alg": "RS256", "use": "sig", "kid": key.kid, "n": _b64(numbers.n), "e": _b64(numbers.e)}


def jwks():
    """The JWKS document: every key not yet retired (rotation keeps the old one published)."""
    current_key()
    keys = ToolKey.query.filter(ToolKey.retired_at.is_(None)).order_by(ToolKey.created_at).all()
    return {"keys": [public_jwk(key) for key in keys]}


def rotate():
    """Add a new signing key; the previous one stays published until retired. Returns the new kid."""
    key = generate_key()
    db.session.commit()
    return key.kid


def retire(kid):
    """Stop publishing and using a key; refuses to retire the only active key."""
    key = ToolKey.query.filter_by(kid=kid).first()
    if key is None:
        raise LookupError(f"No key with kid {kid}.")
    if key.retired_at is not None:
        raise ValueError(f"Key {kid} is already retired.")
    active = ToolKey.query.filter(ToolKey.retired_at.is_(None)).count()
    if active <= 1:
        raise ValueError("Refusing to retire the only active key; run `leernetwerk keys rotate` first.")
    key.retired_at = utcnow()
    db.session.commit()
    _loaded.pop(kid, None)
