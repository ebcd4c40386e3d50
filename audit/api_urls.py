"""``/api/v1/`` URLs of the audit trail; included by physsocial/urls.py under "api/v1/"."""

from django.urls import path

from audit import api

urlpatterns = [
    path("audit/", api.AuditListApi.as_view(), name="api-audit"),
]
