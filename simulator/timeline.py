"""The simulator's web side: what a person clicking through from PhysSocial sees.

A network's post links ("View on X") and account pictures point at the real sites and CDNs,
which fail offline and show nothing of the sandbox. The simulator stands in for those too:

- ``/_sim/timeline/{network}``: every post the network received, newest first, one
  ``<article id="post-{id}">`` each; plain HTML with no external assets.
- the networks' post addresses, on the simulator's own host (``{base}/twitter/{user}/status/{id}``,
  ``{base}/linkedin/feed/update/{urn}/``, ``{base}/google/watch?v={id}``, Facebook's and
  Instagram's permalinks): each redirects to its post on that timeline. PhysSocial builds the
  first three from its ``*_WWW_URL`` settings, which `make run` points here.
- ``/_sim/avatars/{network}/{account}.svg``: a picture for every account, with its initials.

Kept apart from the network modules: they only call :func:`web_url` and :func:`avatar_url`.
"""

from __future__ import annotations

import hashlib
import html
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

from simulator.core import RecordedPost, Request, Response, Simulator

AVATAR_PATH = "/_sim/avatars/"

# Post addresses as each network shows them to people, relative to its prefix on the simulator.
WEB_ROUTES = {
    "twitter": ["/{user}/status/{id}"],
    "facebook": ["/{page}/posts/{number}", "/{page}/videos/{video}/", "/instagram/{kind}/{code}/"],
    "linkedin": ["/feed/update/{urn}/"],
    "google": ["/watch"],
}

# The simulator's own pages claim no favicon, so browsers do not ask for one that is not there.
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="icon" href="data:,">{head}
<style>body{{font:16px system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
article{{border:1px solid #ccc;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}}
article:target{{border-color:#1a5fb4;box-shadow:0 0 0 3px #99c1f1}}
header{{display:flex;gap:.5rem;align-items:center}} header img{{border-radius:50%}}
time{{color:#555;font-size:.85rem}} pre{{white-space:pre-wrap;font:inherit;margin:.5rem 0}}</style></head>
<body><h1>{title}</h1>{content}</body></html>"""


def web_url(sim: Simulator, prefix: str, path: str) -> str:
    """``path`` on a network's website as the simulator serves it, e.g. a post's permalink."""
    return f"{sim.base_url}/{prefix}{path}"


def avatar_url(sim: Simulator, network: str, account_id: str) -> str:
    """The account's picture. Before the server has an address (demo accounts are seeded
    first) this is a path, made absolute by :func:`rebase` when the server starts."""
    return f"{sim.base_url}{AVATAR_PATH}{network}/{account_id}.svg"


def rebase(sim: Simulator) -> None:
    """Give picture addresses stored before the server had one (``/_sim/avatars/...``) its base URL."""

    def absolute(value: Any) -> Any:
        if isinstance(value, str) and value.startswith(AVATAR_PATH):
            return sim.base_url + value
        if isinstance(value, dict):
            for key, item in value.items():
                value[key] = absolute(item)
        elif isinstance(value, list):
            value[:] = [absolute(item) for item in value]
        return value

    with sim.lock:
        absolute(sim.accounts)
        absolute(sim.store)


def register(sim: Simulator) -> None:
    """The networks' post addresses on the simulator, each redirecting to its timeline."""
    for prefix, patterns in WEB_ROUTES.items():
        for pattern in patterns:
            sim.route(prefix, "GET", pattern)(lambda request: _show_post(sim, request))


def _show_post(sim: Simulator, request: Request) -> Response:
    wanted = _address(f"/{request.network}{request.path}", urlencode(request.query, doseq=True))
    post = next((p for p in sim.posts_for() if _address(*urlsplit(p.url)[2:4]) == wanted), None)
    if post is None:
        content = "<p>The simulator received no post with this address (it forgets them when it restarts).</p>"
        return Response(status=404, body=PAGE.format(title="No such post", head="", content=content))
    return Response(status=302, headers={"Location": f"/_sim/timeline/{post.network}#post-{post.id}"})


def _address(path: str, query: str) -> str:
    return unquote(path) + (f"?{query}" if query else "")


def control(sim: Simulator, method: str, path: str) -> Response | None:
    """``/_sim/timeline/{network}`` and ``/_sim/avatars/...``; None for any other control path."""
    parts = path.strip("/").split("/")
    if method != "GET":
        return None
    if len(parts) == 3 and parts[1] == "timeline":
        return Response(body=timeline_page(sim, parts[2]))
    if len(parts) == 4 and parts[1] == "avatars" and parts[3].endswith(".svg"):
        return Response(
            body=avatar_svg(sim, parts[2], parts[3].removesuffix(".svg")),
            headers={"Content-Type": "image/svg+xml", "Cache-Control": "max-age=3600"},
        )
    return None


def timeline_page(sim: Simulator, network: str) -> str:
    posts = sorted(sim.posts_for(network), key=lambda p: p.received_at, reverse=True)
    content = "".join(_article(sim, p) for p in posts) or "<p>No posts yet.</p>"
    # Shows new posts as they arrive; a reload keeps the #post-… a link pointed at.
    head = '<meta http-equiv="refresh" content="5">'
    return PAGE.format(title=f"{html.escape(network)} · everything received", head=head, content=content)


def _article(sim: Simulator, post: RecordedPost) -> str:
    profile = _profile(sim, post.network, post.account_id)
    name = html.escape(str(profile.get("name") or profile.get("username") or post.account_id))
    avatar = f"{AVATAR_PATH}{post.network}/{html.escape(post.account_id)}.svg"
    when = post.received_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    return (
        f'<article id="post-{html.escape(post.id)}"><header><img src="{avatar}" alt="" width="32" height="32">'
        f'<a href="/_sim/timeline/{post.network}/{html.escape(post.account_id)}">{name}</a>'
        f' <time datetime="{post.received_at.isoformat()}">{when}</time></header>'
        f"<pre>{html.escape(post.text)}</pre>"
        f"<small>id {html.escape(post.id)} · {len(post.media)} media</small></article>"
    )


def _profile(sim: Simulator, network: str, account_id: str) -> dict[str, Any]:
    # Instagram and YouTube accounts live under the simulated API that serves them.
    for key in (network, {"instagram": "facebook", "youtube": "google"}.get(network, network)):
        if account_id in sim.accounts.get(key, {}):
            return sim.accounts[key][account_id]
    return {}


def avatar_svg(sim: Simulator, network: str, account_id: str) -> str:
    """A round picture with the account's initials, its colour fixed by the account."""
    name = str(_profile(sim, network, account_id).get("name") or account_id)
    initials = "".join(word[0] for word in name.replace("@", "").split()[:2]).upper() or "?"
    hue = int(hashlib.sha256(f"{network}/{account_id}".encode()).hexdigest()[:4], 16) % 360
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">'
        f'<circle cx="48" cy="48" r="48" fill="hsl({hue} 55% 40%)"/>'
        '<text x="48" y="60" font-family="sans-serif" font-size="36" fill="#fff" text-anchor="middle">'
        f"{html.escape(initials)}</text></svg>"
    )
