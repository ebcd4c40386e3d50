"""The Accounts page, mounted at ``accounts/``.

The callback paths are what administrators register with each network
(README, "Registering network apps"): ``{PUBLIC_BASE_URL}/accounts/<network>/callback/``.
"""

from django.urls import path

from accounts import views_connections as views

urlpatterns = [
    path("", views.accounts_page, name="connections"),
    path("<int:pk>/disconnect/", views.disconnect, name="connection-disconnect"),
    path("<slug:network>/connect/", views.start, name="connection-start"),
    path("<slug:network>/callback/", views.callback, name="connection-callback"),
    path("<slug:network>/choose/", views.choose, name="connection-choose"),
]

# The navigation in base.html links the Accounts page by this name.
urlpatterns.append(path("", views.accounts_page, name="connected-accounts"))
