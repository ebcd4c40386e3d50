"""django-csp's middleware, with the networks' consent pages allowed as form targets."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase

from accounts import connections


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Sends settings.CONTENT_SECURITY_POLICY, adding the configured networks' consent pages to form-action
    (and to img-src when served over plain HTTP: the simulator's account pictures).

    Connect and Reconnect are forms (a POST, for the CSRF check) whose answer redirects to the
    network's consent page. Chromium checks each redirect of a form's submission against
    form-action, so with 'self' alone the button would do nothing. The consent URLs come from
    settings.PLATFORMS, which the simulator and tests change, hence computed per response.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # Only pages hold forms; JSON, files and thumbnails need no consent origins.
        if "text/html" in response.get("Content-Type", "") and (origins := connections.consent_origins()):
            update = dict(parts.update or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            # Accounts' pictures come from the network: https: already covers the real ones; a
            # network served over plain HTTP is the simulator under `make run`, which serves them too.
            if plain_http := [origin for origin in origins if origin.startswith("http:")]:
                update["img-src"] = [*update.get("img-src", []), *plain_http]
            parts.update = update
        return parts
