"""The site's URLs with the scheduler's pages mounted, as physsocial/urls.py will mount them."""

from django.urls import include, path

from physsocial.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("", include("scheduler.urls")), *site_urlpatterns]
