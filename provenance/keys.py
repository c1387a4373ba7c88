"""Signing keys for C2PA: a private root CA, an intermediate CA and ES256 signing certificates.

There is no timestamp authority offline, so a reader judges the signing certificate's validity
at reading time: a clip reads Trusted only while the certificate that signed it is unexpired.
Hence the lifetimes: each signing certificate lives `SIGNING_LIFETIME` (7 years) and is rotated
yearly, so any clip reads Trusted for at least `PROMISED_TRUST` (5 years) after signing. The
store refuses to sign with a certificate that has less than that left.

Layout of a key folder (mode 0700; every private key 0600, created with that mode):

    root-ca.pem / root-ca.key          the trust anchor, 25 years. The key is needed only to
                                       issue an intermediate: move it offline after init-keys.
    intermediate-NN.pem / .key         15 years; a new one is issued only when the current one
                                       would expire before a new signing certificate.
    signing-NNNN.pem / .key            leaf + its intermediate (the chain c2pa embeds).
    CURRENT                            the number of the signing certificate in use.

Older signing certificates stay: clips signed with them keep validating, since the trust
anchor is the root, not the signing certificate.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT_LIFETIME = dt.timedelta(days=365 * 25 + 6)
INTERMEDIATE_LIFETIME = dt.timedelta(days=365 * 15 + 4)
SIGNING_LIFETIME = dt.timedelta(days=365 * 7 + 2)
PROMISED_TRUST = dt.timedelta(days=365 * 5 + 1)  # a clip signed now must read Trusted this long
BACKDATE = dt.timedelta(minutes=5)  # tolerate small clock skew between signer and reader

ORGANIZATION = "Hallmark"
DEV_KEYS_DIR = Path(__file__).resolve().parent.parent / ".data" / "provenance-keys"

_SIGNING_RE = re.compile(r"^signing-(\d{4})\.pem$")
_INTERMEDIATE_RE = re.compile(r"^intermediate-(\d{2})\.pem$")


class KeyStoreError(ValueError):
    """A key folder is missing, unreadable, incomplete or holds an expired key."""


@dataclass(frozen=True)
class SigningIdentity:
    """What the C2PA signer needs: the private key and the chain, both PEM."""

    serial: int  # the signing certificate's number in the folder (1, 2, …)
    key_pem: bytes
    chain_pem: bytes  # leaf first, then the intermediate; never the root
    certificate: x509.Certificate

    @property
    def not_after(self) -> dt.datetime:
        return self.certificate.not_valid_after_utc

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _name(common_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _write_private_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    # O_EXCL + mode 0600 at creation: the key is never readable by others, not even briefly.
    data = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _write_public(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _ca_certificate(*, subject: x509.Name, key: ec.EllipticCurvePrivateKey, issuer_cert: x509.Certificate | None,
                    issuer_key: ec.EllipticCurvePrivateKey, lifetime: dt.timedelta, path_length: int | None,
                    now: dt.datetime) -> x509.Certificate:
    issuer_name = issuer_cert.subject if issuer_cert else subject
    aki_source = issuer_cert.public_key() if issuer_cert else key.public_key()
    not_after = now + lifetime
    if issuer_cert is not None:
        not_after = min(not_after, issuer_cert.not_valid_after_utc)
    return (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(aki_source), critical=False)
        .sign(issuer_key, hashes.SHA256())
    )


def _signing_certificate(*, number: int, key: ec.EllipticCurvePrivateKey, issuer_cert: x509.Certificate,
                         issuer_key: ec.EllipticCurvePrivateKey, now: dt.datetime) -> x509.Certificate:
    # c2pa wants an end entity: not a CA, digitalSignature, and an EKU it accepts by default
    # (emailProtection; documentSigning and the C2PA EKU need trust_config on every reader).
    return (
        x509.CertificateBuilder()
        .subject_name(_name(f"Hallmark C2PA signing {number:04d}")).issuer_name(issuer_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE).not_valid_after(now + SIGNING_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_cert.public_key()), critical=False)
        .sign(issuer_key, hashes.SHA256())
    )


def _new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _load_cert(path: Path) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(path.read_bytes())
    except FileNotFoundError:
        raise KeyStoreError(f"Missing certificate {path}.") from None
    except (OSError, ValueError) as exc:
        raise KeyStoreError(f"Cannot read certificate {path}: {exc}") from None


def _load_key(path: Path) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise KeyStoreError(f"Missing private key {path}.") from None
    except PermissionError:
        raise KeyStoreError(f"Cannot read private key {path}: permission denied.") from None
    except (OSError, ValueError, TypeError) as exc:
        raise KeyStoreError(f"Cannot read private key {path}: {exc}") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise KeyStoreError(f"{path} is not a P-256 (ES256) key.")
    return key


def _numbers(folder: Path, pattern: re.Pattern) -> list[int]:
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := pattern.match(p.name)))


def _set_current(folder: Path, number: int) -> None:
    tmp = folder / "CURRENT.tmp"
    tmp.unlink(missing_ok=True)
    tmp.write_text(f"{number:04d}\n")
    os.replace(tmp, folder / "CURRENT")  # atomic: a reader sees the old or the new number


def init_keys(directory: str | os.PathLike) -> "KeyStore":
    """Create root CA, intermediate CA and the first signing certificate in an empty folder."""
    folder = Path(directory)
    if folder.exists():
        if not folder.is_dir():
            raise KeyStoreError(f"{folder} exists and is not a folder.")
        if any(folder.iterdir()):
            raise KeyStoreError(f"{folder} is not empty; refusing to overwrite keys (use rotate-keys).")
        os.chmod(folder, 0o700)
    else:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700)
    now = _now()
    root_key = _new_key()
    root = _ca_certificate(subject=_name("Hallmark C2PA Root CA"), key=root_key, issuer_cert=None,
                           issuer_key=root_key, lifetime=ROOT_LIFETIME, path_length=1, now=now)
    _write_private_key(folder / "root-ca.key", root_key)
    _write_public(folder / "root-ca.pem", _pem(root))
    _issue_intermediate(folder, 1, root, root_key, now)
    _issue_signing(folder, 1, now)
    return KeyStore(folder)


def _issue_intermediate(folder: Path, number: int, root: x509.Certificate, root_key, now: dt.datetime) -> None:
    key = _new_key()
    cert = _ca_certificate(subject=_name(f"Hallmark C2PA Intermediate CA {number:02d}"), key=key, issuer_cert=root,
                           issuer_key=root_key, lifetime=INTERMEDIATE_LIFETIME, path_length=0, now=now)
    _write_private_key(folder / f"intermediate-{number:02d}.key", key)
    _write_public(folder / f"intermediate-{number:02d}.pem", _pem(cert))


def _issue_signing(folder: Path, number: int, now: dt.datetime) -> None:
    inter_numbers = _numbers(folder, _INTERMEDIATE_RE)
    if not inter_numbers:
        raise KeyStoreError(f"{folder} holds no intermediate CA.")
    inter_no = inter_numbers[-1]
    inter = _load_cert(folder / f"intermediate-{inter_no:02d}.pem")
    if inter.not_valid_after_utc < now + SIGNING_LIFETIME:
        # The intermediate would expire before the new signing certificate: issue a new one.
        root_key_path = folder / "root-ca.key"
        if not root_key_path.exists():
            raise KeyStoreError(
                f"Intermediate CA {inter_no:02d} expires {inter.not_valid_after_utc:%Y-%m-%d}, before a new signing "
                f"certificate would; a new intermediate needs the offline root key at {root_key_path}.")
        inter_no += 1
        _issue_intermediate(folder, inter_no, _load_cert(folder / "root-ca.pem"), _load_key(root_key_path), now)
        inter = _load_cert(folder / f"intermediate-{inter_no:02d}.pem")
    inter_key = _load_key(folder / f"intermediate-{inter_no:02d}.key")
    key = _new_key()
    cert = _signing_certificate(number=number, key=key, issuer_cert=inter, issuer_key=inter_key, now=now)
    _write_private_key(folder / f"signing-{number:04d}.key", key)
    _write_public(folder / f"signing-{number:04d}.pem", _pem(cert) + _pem(inter))
    _set_current(folder, number)


def rotate_signing_key(directory: str | os.PathLike) -> "KeyStore":
    """Issue a new signing certificate from the intermediate and make it current; keep the old ones."""
    folder = Path(directory)
    if not (folder / "root-ca.pem").exists():
        raise KeyStoreError(f"{folder} is not a key folder (no root-ca.pem); run init-keys first.")
    numbers = _numbers(folder, _SIGNING_RE)
    _issue_signing(folder, (numbers[-1] if numbers else 0) + 1, _now())
    return KeyStore(folder)


class KeyStore:
    """The keys in one folder: the trust anchor and the current signing identity."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise KeyStoreError(f"Key folder {self.directory} does not exist; run `python -m provenance init-keys "
                                f"{self.directory}`.")

    @property
    def root_pem(self) -> str:
        """The trust anchor (PEM) a reader must be given to see our clips as Trusted."""
        cert = _load_cert(self.directory / "root-ca.pem")
        return _pem(cert).decode()

    @property
    def root_certificate(self) -> x509.Certificate:
        return _load_cert(self.directory / "root-ca.pem")

    def current_number(self) -> int:
        path = self.directory / "CURRENT"
        try:
            text = path.read_text().strip()
        except FileNotFoundError:
            raise KeyStoreError(f"{path} is missing: the folder has no current signing key.") from None
        except OSError as exc:
            raise KeyStoreError(f"Cannot read {path}: {exc}") from None
        if not text.isdigit():
            raise KeyStoreError(f"{path} should hold a signing certificate number, not {text[:20]!r}.")
        return int(text)

    def signing_identity(self, *, now: dt.datetime | None = None) -> SigningIdentity:
        """Load the current signing key and chain; refuse a key that clips could not rely on."""
        now = now or _now()
        number = self.current_number()
        chain_path = self.directory / f"signing-{number:04d}.pem"
        key = _load_key(self.directory / f"signing-{number:04d}.key")
        try:
            chain_pem = chain_path.read_bytes()
            chain = x509.load_pem_x509_certificates(chain_pem)
        except FileNotFoundError:
            raise KeyStoreError(f"Missing certificate chain {chain_path}.") from None
        except (OSError, ValueError) as exc:
            raise KeyStoreError(f"Cannot read certificate chain {chain_path}: {exc}") from None
        leaf = chain[0]
        if leaf.public_key().public_numbers() != key.public_key().public_numbers():
            raise KeyStoreError(f"signing-{number:04d}.key does not match its certificate.")
        for cert in chain:
            if cert.not_valid_after_utc <= now:
                raise KeyStoreError(f"Certificate {cert.subject.rfc4514_string()} expired "
                                    f"{cert.not_valid_after_utc:%Y-%m-%d}; run `python -m provenance rotate-keys`.")
            if cert.not_valid_before_utc > now:
                raise KeyStoreError(f"Certificate {cert.subject.rfc4514_string()} is not valid before "
                                    f"{cert.not_valid_before_utc:%Y-%m-%d %H:%M} (clock skew?).")
        if leaf.not_valid_after_utc < now + PROMISED_TRUST:
            raise KeyStoreError(f"The signing certificate expires {leaf.not_valid_after_utc:%Y-%m-%d}, sooner than "
                                f"the {PROMISED_TRUST.days // 365} years a clip must read Trusted; rotate the keys.")
        return SigningIdentity(serial=number, key_pem=key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
            chain_pem=chain_pem, certificate=leaf)

    def signing_certificates(self) -> list[x509.Certificate]:
        """Every signing certificate issued from this folder, oldest first."""
        return [_load_cert(self.directory / f"signing-{n:04d}.pem") for n in _numbers(self.directory, _SIGNING_RE)]


def dev_keys(directory: str | os.PathLike | None = None) -> KeyStore:
    """Development keys under .data/provenance-keys, created on first use. Not for production."""
    folder = Path(directory) if directory is not None else DEV_KEYS_DIR
    if not (folder / "CURRENT").exists():
        # Built aside, then renamed into place: two workers starting at once end with one set of keys.
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = folder.parent / f".{folder.name}.{os.getpid()}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        init_keys(staging)
        try:
            os.rename(staging, folder)  # fails if another process got there first (non-empty target)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            if not (folder / "CURRENT").exists():
                raise KeyStoreError(f"{folder} exists but holds no keys; remove it or run init-keys.") from None
    return KeyStore(folder)
