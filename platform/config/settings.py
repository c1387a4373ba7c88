"""Hallmark settings. Every knob is an environment variable, read here and only here.

HALLMARK_ENV            development (default) | production
DJANGO_SECRET_KEY       required in production; development keeps one under .data/
DJANGO_ALLOWED_HOSTS    comma-separated; required in production
DATABASE_URL            postgres://…; unset (development only) → embedded PostgreSQL in .data/
HALLMARK_DATA_DIR       where local state lives (default: <repo>/.data)
HALLMARK_CSRF_TRUSTED_ORIGINS  comma-separated origins, for a proxy on another origin
HALLMARK_DEFAULT_CLIPS_PER_DAY, HALLMARK_DEFAULT_VIDEO_SECONDS_PER_MONTH  quotas of new teams
HALLMARK_API_KEY_MAX_DAYS   longest lifetime an API key may be given (default 365)
HALLMARK_INVITATION_DAYS    how long an invitation link stays valid (default 7)
HALLMARK_MEDIA_DIR      where clips are stored (default: <data dir>/media)
HALLMARK_MODEL_DIR      the default model's checkpoint (default: generation/weights)
HALLMARK_WAN_DIR, HALLMARK_LTX_DIR, HALLMARK_COGVIDEOX_DIR
                        open-weight backends in diffusers format (unset: that backend is unavailable)
HALLMARK_BACKEND_OPTIONS JSON per backend: dtype, cpu_offload, vae_tiling, width, height
HALLMARK_PROVENANCE_KEYS  C2PA key folder (python -m provenance init-keys); required in production
HALLMARK_MAX_UPLOAD_BYTES  largest clip a verification accepts (default 50 MB)
HALLMARK_RATE_GENERATIONS_PER_KEY, HALLMARK_RATE_GENERATIONS_PER_TEAM
                        generation requests a minute, per API key (or signed-in person) and per team
                        (defaults 60 and 600; 0: no limit); over it → 429 with Retry-After
HALLMARK_RATE_VERIFICATIONS_PER_KEY, HALLMARK_RATE_VERIFICATIONS_PER_TEAM
                        verification uploads a minute, the same way (defaults 120 and 1200)
HALLMARK_REPEATED_BLOCKS, HALLMARK_REPEATED_BLOCKS_HOURS
                        this many blocked prompts from one account within this many hours raise one
                        flag to the team's moderators per window (defaults 3 and 24)
HALLMARK_WATERMARK_KEY  the watermark's secret key; required in production
HALLMARK_STALLED_AFTER_SECONDS  a render with no worker heartbeat this long is queued again (default 60)
HALLMARK_TEST_DATABASE  the test database's name (default test_<name>): one per concurrent test run
HALLMARK_AUDIT_SIGNING_KEY  Ed25519 PEM that signs audit checkpoints; required in production
HALLMARK_AUDIT_PUBLIC_KEYS  extra PEM public keys, comma-separated (earlier signing keys, after a rotation)
HALLMARK_AUDIT_EXPORT_DIR   append-only folder of exported events and checkpoints (default: <data dir>/audit-export)
HALLMARK_AUDIT_ARCHIVE_DIR  where events past retention are archived (default: <data dir>/audit-archive)
HALLMARK_AUDIT_RETENTION_DAYS  age after which events are archived and may be removed (default 2555, 7 years)
HALLMARK_AUDIT_REPORTS_DIR  where compliance reports (HTML and PDF) are written (default: <data dir>/audit-reports)
HALLMARK_LOGIN_FAILURE_LIMIT    failed sign-ins (per email and client IP) before a lockout (default 5)
HALLMARK_LOGIN_COOLOFF_MINUTES  how long that lockout lasts (default 15)
In production the private keys named by HALLMARK_PROVENANCE_KEYS (*.key) and HALLMARK_AUDIT_SIGNING_KEY
must be readable by the service alone (mode 600), or it refuses to start.
"""
from __future__ import annotations

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.database import embedded_database_url, parse_database_url
from config.key_files import require_private_key_file, require_private_key_folder

ROOT_DIR = Path(__file__).resolve().parents[2]
PLATFORM_DIR = ROOT_DIR / "platform"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (_env(name, default) or "").split(",") if item.strip()]


def _env_int(name: str, default: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


HALLMARK_ENV = _env("HALLMARK_ENV", "development")
if HALLMARK_ENV not in ("development", "production"):
    raise ImproperlyConfigured(f"HALLMARK_ENV must be development or production, got {HALLMARK_ENV!r}")
PRODUCTION = HALLMARK_ENV == "production"
DEBUG = not PRODUCTION
DATA_DIR = Path(_env("HALLMARK_DATA_DIR", str(ROOT_DIR / ".data"))).resolve()


def _secret_key() -> str:
    key = _env("DJANGO_SECRET_KEY")
    # Production refuses a short or template key (Django's own test of strength, security.W009).
    if key and PRODUCTION and (len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-")):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is too weak for production: 50+ random characters.")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
    # Development: one random key per checkout, kept out of the repository.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = _env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production.")
CSRF_TRUSTED_ORIGINS = _env_list("HALLMARK_CSRF_TRUSTED_ORIGINS")

_database_url = _env("DATABASE_URL")
if _database_url is None:
    if PRODUCTION:
        raise ImproperlyConfigured("DATABASE_URL must be set in production.")
    _database_url = embedded_database_url(DATA_DIR)
DATABASES = {"default": parse_database_url(_database_url)}
# HALLMARK_TEST_DATABASE: a separate test database, so two test runs can share one server.
DATABASES["default"]["TEST"] = {"NAME": _env("HALLMARK_TEST_DATABASE", f"test_{DATABASES['default']['NAME']}")}

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "procrastinate.contrib.django",
    "ninja",
    "axes",  # login throttling
    "django_otp",
    "django_otp.plugins.otp_totp",  # two-factor for moderators, admins, auditors
    "config",
    "accounts",
    "audit",
    "api",
    "studio",
    "verification",
    "moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security_headers.SecurityHeadersMiddleware",
    "config.db_outage.DatabaseOutageMiddleware",  # 503 + Retry-After while PostgreSQL is unreachable
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor_middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PLATFORM_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.team_switcher",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Argon2id first: new passwords are hashed with it; the others only verify old hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Login throttling (django-axes): lock an email out from one client IP after repeated failures.
# The API authenticates with keys, not passwords, so it is not throttled here.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out attempt before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = _env_int("HALLMARK_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=_env_int("HALLMARK_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.login.attempted_email"
AXES_CLIENT_IP_CALLABLE = "accounts.actors.client_ip"  # REMOTE_ADDR, like the audit log
AXES_LOCKOUT_CALLABLE = "accounts.login.locked_out"
OTP_TOTP_ISSUER = "Hallmark"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PLATFORM_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Clips and uploads: files through Django storage (a folder here; any storage backend works).
MEDIA_ROOT = Path(_env("HALLMARK_MEDIA_DIR", str(DATA_DIR / "media"))).resolve()
MEDIA_URL = "media/"  # never served directly: downloads go through views that check access

# Requests larger than this are refused before a view sees them (uploads get their own cap).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "config.uploads.CappedUploadHandler",  # first: stops an oversized body before it is stored
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts and stylesheets only from our own origin (htmx is vendored); no inline script. Inline style
# *attributes* stay allowed: the audit charts are inline SVG, and an attribute cannot run code.
# data: images: the favicon and the two-factor QR code. Set by config.security_headers.
HALLMARK_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HALLMARK_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env("HALLMARK_SSL_REDIRECT", "true") == "true"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

HALLMARK_DEFAULT_CLIPS_PER_DAY = _env_int("HALLMARK_DEFAULT_CLIPS_PER_DAY", 50)
HALLMARK_DEFAULT_VIDEO_SECONDS_PER_MONTH = _env_int("HALLMARK_DEFAULT_VIDEO_SECONDS_PER_MONTH", 3600)
HALLMARK_API_KEY_MAX_DAYS = _env_int("HALLMARK_API_KEY_MAX_DAYS", 365)
HALLMARK_INVITATION_DAYS = _env_int("HALLMARK_INVITATION_DAYS", 7)
# The default model's checkpoint (reproduced by `make train`) and the name clips are signed with.
HALLMARK_MODEL_DIR = Path(_env("HALLMARK_MODEL_DIR", str(ROOT_DIR / "generation" / "weights"))).resolve()
HALLMARK_MODEL_NAME = "hallmark-spacetime-dit"
HALLMARK_BACKEND_DIRS = {"default": HALLMARK_MODEL_DIR, **{
    name: Path(folder).expanduser().resolve() for name in ("wan", "ltx", "cogvideox")
    if (folder := _env(f"HALLMARK_{name.upper()}_DIR"))}}
try:
    HALLMARK_BACKEND_OPTIONS = json.loads(_env("HALLMARK_BACKEND_OPTIONS", "{}"))
except ValueError as exc:
    raise ImproperlyConfigured(f"HALLMARK_BACKEND_OPTIONS is not JSON: {exc}") from None
# C2PA signing keys made by `python -m provenance init-keys DIR`; unset in development: keys under .data/.
HALLMARK_PROVENANCE_KEYS = _env("HALLMARK_PROVENANCE_KEYS", "")
if PRODUCTION and not HALLMARK_PROVENANCE_KEYS:
    raise ImproperlyConfigured("HALLMARK_PROVENANCE_KEYS must be set in production (the C2PA signing key folder).")
# The watermark's secret key: whoever holds it can make and read our mark. Development uses the
# library's public default key (clips made in development are not evidence of anything).
HALLMARK_WATERMARK_KEY = _env("HALLMARK_WATERMARK_KEY", "" if PRODUCTION else "hallmark-watermark-v1")
if PRODUCTION and len(HALLMARK_WATERMARK_KEY or "") < 32:
    raise ImproperlyConfigured("HALLMARK_WATERMARK_KEY must be set in production (32 characters or more, secret).")
# The audit log's signed checkpoints (audit.signed_checkpoint). Development keeps a key under .data/.
HALLMARK_AUDIT_SIGNING_KEY = Path(_env("HALLMARK_AUDIT_SIGNING_KEY", str(DATA_DIR / "audit-checkpoint-key.pem")))
if PRODUCTION and not _env("HALLMARK_AUDIT_SIGNING_KEY"):
    raise ImproperlyConfigured("HALLMARK_AUDIT_SIGNING_KEY must be set in production (an Ed25519 PEM file).")
if PRODUCTION:  # signing keys readable by the service alone
    require_private_key_folder(Path(HALLMARK_PROVENANCE_KEYS), "HALLMARK_PROVENANCE_KEYS")
    require_private_key_file(HALLMARK_AUDIT_SIGNING_KEY, "HALLMARK_AUDIT_SIGNING_KEY")
HALLMARK_AUDIT_PUBLIC_KEYS = [Path(p.strip()) for p in (_env("HALLMARK_AUDIT_PUBLIC_KEYS", "") or "").split(",")
                              if p.strip()]
HALLMARK_AUDIT_EXPORT_DIR = Path(_env("HALLMARK_AUDIT_EXPORT_DIR", str(DATA_DIR / "audit-export"))).resolve()
HALLMARK_AUDIT_ARCHIVE_DIR = Path(_env("HALLMARK_AUDIT_ARCHIVE_DIR", str(DATA_DIR / "audit-archive"))).resolve()
HALLMARK_AUDIT_RETENTION_DAYS = _env_int("HALLMARK_AUDIT_RETENTION_DAYS", 2555)
HALLMARK_AUDIT_REPORTS_DIR = Path(_env("HALLMARK_AUDIT_REPORTS_DIR", str(DATA_DIR / "audit-reports"))).resolve()
# A render whose worker sent no heartbeat for this long is queued again (workers beat every 10 s).
HALLMARK_STALLED_AFTER_SECONDS = _env_int("HALLMARK_STALLED_AFTER_SECONDS", 60)
# Verification uploads: larger files are refused before they are read.
HALLMARK_MAX_UPLOAD_BYTES = _env_int("HALLMARK_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
# Abuse: per-minute limits (accounts.ratelimits) and repeated blocked prompts (moderation).
HALLMARK_RATE_GENERATIONS_PER_KEY = _env_int("HALLMARK_RATE_GENERATIONS_PER_KEY", 60)
HALLMARK_RATE_GENERATIONS_PER_TEAM = _env_int("HALLMARK_RATE_GENERATIONS_PER_TEAM", 600)
HALLMARK_RATE_VERIFICATIONS_PER_KEY = _env_int("HALLMARK_RATE_VERIFICATIONS_PER_KEY", 120)
HALLMARK_RATE_VERIFICATIONS_PER_TEAM = _env_int("HALLMARK_RATE_VERIFICATIONS_PER_TEAM", 1200)
HALLMARK_REPEATED_BLOCKS = _env_int("HALLMARK_REPEATED_BLOCKS", 3)
HALLMARK_REPEATED_BLOCKS_HOURS = _env_int("HALLMARK_REPEATED_BLOCKS_HOURS", 24)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_url_secrets": {"()": "config.log_filters.RedactUrlSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_url_secrets"]}},
    "root": {"handlers": ["console"], "level": "INFO" if PRODUCTION else "WARNING"},
    "loggers": {
        # runserver logs through its own handler; route it through ours to redact it.
        "django.server": {"level": "INFO", "handlers": ["console"], "propagate": False},
        # At DEBUG these log SQL with its parameters, and a template's whole context on a failed lookup:
        # prompts and upload names. Never let them through (tests/platform/config/test_logs.py).
        "django.db.backends": {"level": "INFO"},
        "django.template": {"level": "INFO"},
        "procrastinate": {"level": "INFO"},
        "procrastinate.blueprints": {"level": "WARNING"},
        "procrastinate.periodic": {"level": "WARNING"},
    },
}
