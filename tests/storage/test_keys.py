"""Signing keys: a key file that is not an Ed25519 key is refused with a message naming the file."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from assessment.domain.errors import StorageError
from storage.keys import KeyFolder, verify


def test_a_new_key_signs_what_its_public_key_verifies(tmp_path):
    keys = KeyFolder(tmp_path)
    signature = keys.sign("00001", b"manifest")
    public = keys.public_key("00001")
    assert public is not None
    assert verify(public, signature, b"manifest")
    assert not verify(public, signature, b"another manifest")


def test_a_key_file_of_another_kind_is_refused_with_its_path(tmp_path):
    keys = KeyFolder(tmp_path)
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    keys.path("00001").write_bytes(rsa_key.private_bytes(serialization.Encoding.PEM,
                                                         serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    with pytest.raises(StorageError, match=r"00001\.key.*not an Ed25519 key"):
        keys.sign("00001", b"manifest")
    with pytest.raises(StorageError, match=r"not an Ed25519 key"):
        keys.public_key("00001")
