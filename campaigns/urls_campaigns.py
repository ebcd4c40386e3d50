from django.urls import path

from physsocial import views

urlpatterns = [
    path("campaigns/", views.coming_soon, {"section": "campaigns"}, name="campaigns"),
]
