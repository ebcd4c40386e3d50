from posts.models.comment import PostComment
from posts.models.media import MediaAsset, MediaRendition
from posts.models.post import HashtagSet, Post, PostMedia
from posts.models.privacy import FaceConsent, FindingDismissal, ImageReading, PrivacyRelease
from posts.models.target import (
    FIGURE_FIELDS,
    RETRYABLE_STATES,
    FailureReason,
    IllegalTransition,
    PostTarget,
    TargetState,
)

__all__ = [
    "FIGURE_FIELDS",
    "FaceConsent",
    "FailureReason",
    "FindingDismissal",
    "HashtagSet",
    "IllegalTransition",
    "ImageReading",
    "MediaAsset",
    "MediaRendition",
    "Post",
    "PostComment",
    "PostMedia",
    "PostTarget",
    "PrivacyRelease",
    "RETRYABLE_STATES",
    "TargetState",
]
