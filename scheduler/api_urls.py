"""``/api/v1/`` URLs of the scheduler; included by physsocial/urls.py under "api/v1/"."""

from django.urls import path

from scheduler import api_calendar

urlpatterns = [
    path("calendar-feed/", api_calendar.CalendarFeedApi.as_view(), name="api-calendar-feed"),
]
