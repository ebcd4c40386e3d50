from accounts.models.api_tokens import ApiToken
from accounts.models.connected import ConnectedAccount
from accounts.models.notifications import Notification
from accounts.models.people import (
    Invitation,
    Membership,
    Organization,
    Role,
    User,
    validate_time_zone,
)

__all__ = [
    "ApiToken",
    "ConnectedAccount",
    "Invitation",
    "Membership",
    "Notification",
    "Organization",
    "Role",
    "User",
    "validate_time_zone",
]
