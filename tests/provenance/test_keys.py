"""Key management: a root → intermediate → ES256 signing chain that c2pa trusts, kept safely."""
import datetime as dt
import os
import stat
import subprocess
import sys

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from provenance.keys import KeyStore, KeyStoreError, dev_keys, init_keys, rotate_signing_key


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_private_keys_are_created_0600_in_a_0700_folder_whatever_the_umask(tmp_path):
    old = os.umask(0)  # a permissive umask must not leak into key files: the mode is set at creation
    try:
        store = init_keys(tmp_path / "k")
    finally:
        os.umask(old)
    folder = store.directory
    assert _mode(folder) == 0o700
    keys = sorted(p.name for p in folder.glob("*.key"))
    assert keys == ["intermediate-01.key", "root-ca.key", "signing-0001.key"]
    assert all(_mode(folder / name) == 0o600 for name in keys)


def test_chain_shape_and_lifetimes(keys):
    root = keys.root_certificate
    identity = keys.signing_identity()
    leaf, intermediate = x509.load_pem_x509_certificates(identity.chain_pem)
    now = dt.datetime.now(dt.timezone.utc)
    # Root: a self-signed CA for 25 years; intermediate: a CA under it that cannot issue CAs.
    assert root.issuer == root.subject and root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert root.not_valid_after_utc - now > dt.timedelta(days=365 * 24)
    inter_bc = intermediate.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert inter_bc.ca and inter_bc.path_length == 0 and intermediate.issuer == root.subject
    intermediate.verify_directly_issued_by(root)
    leaf.verify_directly_issued_by(intermediate)
    # Leaf: what c2pa accepts by default — not a CA, digitalSignature, emailProtection, P-256.
    assert not leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert leaf.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
    assert list(leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value) == [
        ExtendedKeyUsageOID.EMAIL_PROTECTION]
    assert isinstance(leaf.public_key(), ec.EllipticCurvePublicKey) and leaf.public_key().curve.name == "secp256r1"
    # No timestamp authority offline: a clip signed today must still be inside the leaf's validity in 5 years.
    assert leaf.not_valid_after_utc - now > dt.timedelta(days=365 * 6)
    assert intermediate.not_valid_after_utc >= leaf.not_valid_after_utc
    assert identity.chain_pem.count(b"BEGIN CERTIFICATE") == 2  # the root travels separately, as the anchor


def test_init_refuses_a_folder_that_has_keys(keys):
    with pytest.raises(KeyStoreError, match="not empty"):
        init_keys(keys.directory)


def test_rotation_keeps_old_certificates_and_switches_current(tmp_path):
    store = init_keys(tmp_path / "k")
    first = store.signing_identity()
    rotated = rotate_signing_key(store.directory).signing_identity()
    assert (first.serial, rotated.serial) == (1, 2)
    assert rotated.certificate.serial_number != first.certificate.serial_number
    assert (store.directory / "signing-0001.pem").exists() and (store.directory / "signing-0001.key").exists()
    assert len(store.signing_certificates()) == 2
    assert _mode(store.directory / "signing-0002.key") == 0o600


def test_rotation_without_the_root_key_works_until_a_new_intermediate_is_needed(tmp_path):
    store = init_keys(tmp_path / "k")
    (store.directory / "root-ca.key").unlink()  # the root key lives offline
    assert rotate_signing_key(store.directory).signing_identity().serial == 2


def test_clear_errors_for_missing_unreadable_and_expired_keys(tmp_path, keys):
    with pytest.raises(KeyStoreError, match="does not exist.*init-keys"):
        KeyStore(tmp_path / "nowhere")
    store = init_keys(tmp_path / "k")
    (store.directory / "signing-0001.key").write_bytes(b"not a key")
    with pytest.raises(KeyStoreError, match="Cannot read private key"):
        store.signing_identity()
    (store.directory / "signing-0001.key").unlink()
    with pytest.raises(KeyStoreError, match="Missing private key"):
        store.signing_identity()
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=365 * 8)
    with pytest.raises(KeyStoreError, match="expired"):
        keys.signing_identity(now=later)
    in_three_years = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=365 * 3)
    with pytest.raises(KeyStoreError, match="rotate"):  # too little left for the five-year promise
        keys.signing_identity(now=in_three_years)
    assert issubclass(KeyStoreError, ValueError)


def test_dev_keys_are_created_on_first_use_then_reused(tmp_path):
    first = dev_keys(tmp_path / "dev")
    again = dev_keys(tmp_path / "dev")
    assert first.signing_identity().certificate == again.signing_identity().certificate


def test_command_line_init_and_rotate(tmp_path):
    folder = tmp_path / "cli-keys"
    run = lambda *args: subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True,
                                       timeout=60)
    made = run("init-keys", str(folder))
    assert made.returncode == 0, made.stderr
    assert "signing certificate 0001" in made.stdout and _mode(folder / "signing-0001.key") == 0o600
    rotated = run("rotate-keys", str(folder))
    assert rotated.returncode == 0 and "signing certificate 0002" in rotated.stdout
    again = run("init-keys", str(folder))
    assert again.returncode == 2 and "not empty" in again.stderr


def test_dev_keys_leave_no_staging_folder_and_refuse_a_foreign_folder(tmp_path):
    dev_keys(tmp_path / "dev")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev"]
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("not keys")
    with pytest.raises(KeyStoreError, match="holds no keys"):
        dev_keys(tmp_path / "other")
