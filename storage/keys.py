"""Signing keys for exchange packages: one Ed25519 key per signer identity (a unit code, or
`inspector:<name>`), created on first use and kept in the user's data folder (`<data>/keys/`, or
DXSCORE_KEYS_DIR), readable by the user only. The private key never leaves that folder; packages carry the
public key, and the receiving database decides whether it trusts it (assessment.services.packages_area).
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.errors import StorageError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEYS_ENV = "DXSCORE_KEYS_DIR"


def keys_dir() -> Path:
    override = os.environ.get(KEYS_ENV)
    if override:
        return Path(override).expanduser()
    from storage.sqlite_file import default_data_dir

    return default_data_dir() / "keys"


def _file_name(identity: str) -> str:
    """A file name for any identity: safe characters kept, the rest as _xx hex (no collisions)."""
    return re.sub(r"[^A-Za-z0-9.-]", lambda m: "".join(f"_{b:02x}" for b in m.group().encode()), identity) + ".key"


class KeyFolder:
    """The private keys of the signers that use this computer."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder

    @property
    def folder(self) -> Path:
        return self._folder or keys_dir()

    def path(self, identity: str) -> Path:
        return self.folder / _file_name(identity)

    def private_key(self, identity: str, *, create: bool) -> Ed25519PrivateKey | None:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        path = self.path(identity)
        if not path.exists():
            if not create:
                return None
            self._create(path)
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError, OSError) as exc:
            raise StorageError(f"the signing key {path} cannot be read ({exc}); restore it from a backup, or move it "
                               "aside to create a new key (the inspectors must then trust the new one)") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise StorageError(f"the signing key {path} is not an Ed25519 key (packages are signed with Ed25519); "
                               "restore it from a backup, or move it aside to create a new key")
        return key

    def _create(self, path: Path) -> None:
        """Write a new key beside its place and link it in: two processes creating the same key at once end up
        using the same one."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption())
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        handle = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(handle, pem)
            os.fsync(handle)
        finally:
            os.close(handle)
        try:
            os.link(part, path)
        except FileExistsError:
            pass
        finally:
            part.unlink(missing_ok=True)

    def public_key(self, identity: str, *, create: bool = False) -> str | None:
        key = self.private_key(identity, create=create)
        return None if key is None else public_text(key.public_key())

    def sign(self, identity: str, data: bytes) -> bytes:
        key = self.private_key(identity, create=True)
        if key is None:  # cannot happen: create=True writes the key when it is missing
            raise StorageError(f"no signing key for {identity}")
        return key.sign(data)


def public_text(public_key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def verify(public_key: str, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
