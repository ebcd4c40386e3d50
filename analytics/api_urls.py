"""``/api/v1/`` URLs of analytics; included under "api/v1/"."""

from django.urls import path

from analytics import api

urlpatterns = [
    path("analytics/", api.AnalyticsApi.as_view(), name="api-analytics"),
]
