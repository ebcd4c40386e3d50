"""Page URLs of analytics; included by physsocial/urls.py at the root."""

from django.urls import path

from analytics import views

urlpatterns = [
    path("analytics/", views.analytics_page, name="analytics"),
    path("analytics/export.csv", views.analytics_export, name="analytics-export"),
    path("analytics/best-times/use/", views.use_best_times, name="analytics-use-best-times"),
]
