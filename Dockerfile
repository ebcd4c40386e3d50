# PhysSocial production image: one image, three roles (web, worker, beat).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=physsocial.settings

RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 physsocial

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# The translation catalogues, compiled from locale/*.po (the .mo files are never committed).
RUN python -m physsocial.i18n

# collectstatic needs settings to load; these values exist only for this step.
RUN DJANGO_DEBUG=false SECRET_KEY=build-only-$(head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n') \
    ALLOWED_HOSTS=build PUBLIC_BASE_URL=https://build TOKEN_ENCRYPTION_KEYS=$(python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())") \
    python manage.py collectstatic --no-input \
    && mkdir -p /app/media && chown -R physsocial /app/media

USER physsocial
EXPOSE 8000
CMD ["gunicorn", "physsocial.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
