from accounts.models.api_tokens import ApiToken
from accounts.models.connected import ConnectedAccount
from accounts.models.notifications import Channel, Notification, NotificationPreference
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
    "Channel",
    "ConnectedAccount",
    "Invitation",
    "Membership",
    "Notification",
    "NotificationPreference",
    "Organization",
    "Role",
    "User",
    "validate_time_zone",
]
