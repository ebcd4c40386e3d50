"""The Celery app: Redis broker, JSON only, late acknowledgement.

Tasks take ids and are safe to run twice; the database, not the broker,
holds every schedule (see scheduler/).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "physsocial.settings")

app = Celery("physsocial")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
