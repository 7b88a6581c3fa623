"""The platform's RSA key (generated once, kept in the instance folder) and the session secret."""
import json
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK

KEY_FILE = "platform_key.pem"
SECRET_FILE = "secret_key"
_loaded = {}  # PEM text → PlatformKey: loading (and checking) a key costs ~30 ms, an LMS restarted in-process reuses it


def _write_private(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(data)


class PlatformKey:
    """The LMS's signing key, loaded once: key objects sign ~90x faster than PEM strings."""

    def __init__(self, pem):
        self.pem = pem
        self.private_key = serialization.load_pem_private_key(pem.encode(), password=None)
        self.public_key = self.private_key.public_key()
        public_pem = self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        public_jwk = JWK.from_pem(public_pem)
        jwk = json.loads(public_jwk.export_public())
        # The RFC 7638 thumbprint as kid: stable for the key, the same in every process.
        jwk.update(kid=public_jwk.thumbprint(), alg="RS256", use="sig")
        self.kid = jwk["kid"]
        self.jwk = jwk


def generate_pem():
    """A new 2048-bit RSA private key as PKCS#8 PEM."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def load_or_create_key(instance_dir):
    """The platform key from `instance_dir`, created on first start."""
    path = Path(instance_dir) / KEY_FILE
    if not path.exists():
        try:
            _write_private(path, generate_pem())
        except FileExistsError:  # another process created it first
            pass
    pem = path.read_text()
    if pem not in _loaded:
        _loaded[pem] = PlatformKey(pem)
    return _loaded[pem]


def load_or_create_secret(instance_dir):
    """The secret that signs the LMS's own session cookie and message hints."""
    path = Path(instance_dir) / SECRET_FILE
    if not path.exists():
        try:
            _write_private(path, secrets.token_urlsafe(48))
        except FileExistsError:
            pass
    return path.read_text().strip()
