from posts.models.comment import PostComment
from posts.models.media import MediaAsset, MediaRendition
from posts.models.post import HashtagSet, Post, PostMedia
from posts.models.target import RETRYABLE_STATES, FailureReason, IllegalTransition, PostTarget, TargetState

__all__ = [
    "FailureReason",
    "HashtagSet",
    "IllegalTransition",
    "MediaAsset",
    "MediaRendition",
    "Post",
    "PostComment",
    "PostMedia",
    "PostTarget",
    "RETRYABLE_STATES",
    "TargetState",
]
