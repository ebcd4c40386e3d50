from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.views_auth import admin_login
from accounts.views_notifications import save_notification_preferences
from physsocial import views
from physsocial.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Before admin/: the admin's own login would skip the two-factor step.
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file: our CSP allows no inline script.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api_docs/swagger_ui.html"),
        name="api-docs",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    # The JavaScript's translations (static/js/*.js call gettext), one address per language so
    # browsers may cache each; base.html loads the page's language before any of our scripts.
    path("jsi18n/<str:language>/", views.javascript_catalog, name="javascript-catalog"),
    path("", views.home, name="home"),
    path("calendar/", include("scheduler.urls_calendar")),
    path("queue/", include("scheduler.urls_queue")),
    path("settings/", views.settings_page, name="settings"),
    path("settings/notifications/", save_notification_preferences, name="notification-preferences"),
    path("settings/api-tokens/", include("accounts.urls_api_tokens")),
    path("api/v1/", include("accounts.api_urls")),
    path("api/v1/", include("posts.api_urls")),
    path("api/v1/", include("posts.api_urls_privacy")),
    path("api/v1/", include("scheduler.api_urls")),
    path("api/v1/", include("audit.api_urls")),
    path("api/v1/", include("campaigns.api_urls")),
    path("api/v1/", include("analytics.api_urls")),
    path("", include("scheduler.urls")),
    path("", include("posts.urls")),
    path("", include("posts.urls_media")),
    path("", include("posts.urls_privacy")),
    path("", include("accounts.urls")),
    path("", include("audit.urls")),
    path("", include("campaigns.urls")),
    path("", include("analytics.urls")),
]

# JSON under /api/, the usual pages elsewhere: a JSON API never answers an HTML error page.
handler400 = "physsocial.api_input.api_bad_request"
handler404 = "physsocial.api_input.api_not_found"
handler500 = "physsocial.api_input.api_server_error"
