"""The publish log (a target's page) and notifications; mounted at the site root:
``path("", include("scheduler.urls"))`` in physsocial/urls.py."""

from django.urls import path

from scheduler import views, views_failures

urlpatterns = [
    path("targets/<int:pk>/", views.target_detail, name="target-detail"),
    path("targets/<int:pk>/retry/", views.retry_target, name="target-retry"),
    path("targets/<int:pk>/published/", views.confirm_published, name="target-confirm-published"),
    path("targets/<int:pk>/cancel/", views.cancel_target, name="target-cancel"),
    path("failures/", views_failures.failure_centre, name="failures"),
    path("failures/retry/", views_failures.retry_failures, name="failures-retry"),
    path("notifications/", views.notifications_page, name="notifications"),
    path("notifications/<int:pk>/read/", views.mark_notification_read, name="notification-read"),
    path("notifications/read-all/", views.mark_all_notifications_read, name="notifications-read-all"),
]
