"""REST API: the base every ``/api/v1/`` view builds on, and the connected accounts endpoint.

``OrganizationAPIView`` authenticates with an API token (``accounts.api_auth``)
and acts in the token's organization only, so no view handles tokens,
organizations or Django's ``ValidationError`` itself.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import permissions, throttling
from accounts.api_auth import ApiTokenAuthentication
from accounts.models import ConnectedAccount, Organization


def as_api_error(error: ValidationError) -> exceptions.ValidationError:
    """A service's Django ValidationError as DRF's, keeping the field names (non-field errors under "detail")."""
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(
            {
                ("detail" if field == "__all__" else field): [str(m) for e in errors for m in e.messages]
                for field, errors in error.error_dict.items()
            }
        )
    return exceptions.ValidationError({"detail": error.messages})


class OrganizationAPIView(APIView):
    """An ``/api/v1/`` view: token authentication, acting in the token's organization.

    Combine with ``permission_classes = [permissions.allows("<action>")]`` for
    list and create endpoints, and fetch single objects with ``get_object``.
    """

    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [IsAuthenticated]

    def get_organization(self) -> Organization:
        return self.request.auth.organization

    def get_object(
        self, queryset: models.QuerySet | models.Manager, pk: Any, action: str, org_field: str = "organization"
    ):
        """The row ``pk`` of ``queryset`` in the token's organization (404 otherwise; 403 if the role forbids)."""
        in_organization = queryset.filter(**{org_field: self.get_organization()})
        return permissions.get_object(self.request.user, in_organization, pk, action, org_field)

    def throttled(self, request: Request, wait: float | None):
        raise throttling.RateLimited(wait)

    def handle_exception(self, exc: Exception):
        if isinstance(exc, ValidationError):
            exc = as_api_error(exc)
        return super().handle_exception(exc)


class AccountListApi(OrganizationAPIView):
    """The organization's connected social accounts."""

    permission_classes = [permissions.allows("account.view")]

    class OutputSerializer(serializers.ModelSerializer):
        name = serializers.CharField(source="display_name")
        handle = serializers.CharField(source="display_handle")

        class Meta:
            model = ConnectedAccount
            fields = ["id", "network", "name", "handle", "status"]
            ref_name = "ConnectedAccount"

    @extend_schema(
        operation_id="accounts_list",
        summary="List connected accounts",
        description=(
            "The social accounts the token's organization has connected (disconnected ones are left out). "
            "Use their ids in `accounts` when creating a post. An account whose status is `needs_reconnect` "
            "cannot publish until someone reconnects it in the app."
        ),
        responses={200: OutputSerializer(many=True)},
        tags=["accounts"],
    )
    def get(self, request: Request) -> Response:
        accounts = ConnectedAccount.objects.for_organization(self.get_organization()).shown()
        return Response(self.OutputSerializer(accounts, many=True).data)
