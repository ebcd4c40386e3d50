"""Pages of bulk import, export and bulk actions; included at the root by campaigns/urls.py."""

from django.urls import path

from campaigns import views_import

urlpatterns = [
    path("posts/import/", views_import.import_page, name="posts-import"),
    path("posts/import/confirm/", views_import.import_confirm, name="posts-import-confirm"),
    path("posts/import/template-<slug:layout>.csv", views_import.import_template, name="posts-import-template"),
    path("posts/export.csv", views_import.export_posts, name="posts-export"),
    path("posts/bulk/", views_import.bulk_page, name="posts-bulk"),
]
