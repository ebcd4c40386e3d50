"""REST API for connected accounts: which accounts a script may post to."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api_auth import OrganizationAPIView
from accounts.models import ConnectedAccount


class AccountListApi(OrganizationAPIView):
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
