"""Refusals explain themselves."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views import defaults


@pytest.mark.django_db
def test_the_403_page_says_why_the_permission_module_refused(alice):
    request = RequestFactory().get("/")
    request.user = alice
    response = defaults.permission_denied(request, PermissionDenied("Your role (Viewer) does not allow this."))
    assert response.status_code == 403
    assert "Your role (Viewer) does not allow this." in response.content.decode()
