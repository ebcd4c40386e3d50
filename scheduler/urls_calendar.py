"""The Calendar page and its JSON; included by physsocial/urls.py under "calendar/"."""

from django.urls import path

from scheduler import views_calendar

urlpatterns = [
    path("", views_calendar.calendar_page, name="calendar"),
    path("events/", views_calendar.calendar_events, name="calendar-events"),
    path("slots/", views_calendar.calendar_slots, name="calendar-slots"),
    path("targets/<int:pk>/move/", views_calendar.calendar_move, name="calendar-move"),
    path("feed/revoke/", views_calendar.calendar_feed_revoke, name="calendar-feed-revoke"),
    # Read by calendar programs without signing in: the token is the key.
    path("feed/<str:token>.ics", views_calendar.calendar_feed, name="calendar-feed"),
]
