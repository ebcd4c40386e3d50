"""One module per network; each offers ``register(sim)`` and ``seed_demo(sim)``.

``facebook`` serves Facebook Login and Pages and registers ``instagram``'s routes too, since
both are one Graph API under ``/facebook``; ``graph`` holds what the two share. ``google``
serves Google OAuth and the YouTube Data API. Each module's docstring names the section of
``docs/platform-contracts.md`` it is written from.
"""

from simulator.networks import facebook, google, linkedin, twitter

MODULES = [twitter, facebook, linkedin, google]
