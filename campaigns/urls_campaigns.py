from django.urls import path

from campaigns import views

urlpatterns = [
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/new/", views.campaign_create, name="campaign-create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign-detail"),
    path("campaigns/<int:pk>/edit/", views.campaign_edit, name="campaign-edit"),
    path("campaigns/<int:pk>/delete/", views.campaign_delete, name="campaign-delete"),
    path("campaigns/<int:pk>/duplicate/", views.campaign_duplicate, name="campaign-duplicate"),
    path("campaigns/<int:pk>/report.csv", views.campaign_report_csv, name="campaign-report"),
]
