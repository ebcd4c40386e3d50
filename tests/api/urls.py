"""The project's URLs plus the API's (and the media files' the API links to), until
physsocial/urls.py includes them itself; whatever it already includes is not added twice."""

from types import ModuleType

from django.urls import URLResolver, include, path

from physsocial.urls import urlpatterns as project_urlpatterns


def _included(module: str) -> bool:
    for pattern in project_urlpatterns:
        if isinstance(pattern, URLResolver):
            name = pattern.urlconf_name
            if (name.__name__ if isinstance(name, ModuleType) else name) == module:
                return True
    return False


WANTED = [
    ("api/v1/", "accounts.api_urls"),
    ("api/v1/", "posts.api_urls"),
    ("settings/api-tokens/", "accounts.urls_api_tokens"),
    ("", "posts.urls_media"),
]

urlpatterns = [path(prefix, include(module)) for prefix, module in WANTED if not _included(module)]
urlpatterns += project_urlpatterns
