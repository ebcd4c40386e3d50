"""One module per network; each offers ``register(sim)`` and ``seed_demo(sim)``.

``facebook`` serves Facebook Pages and Instagram (both are the Graph API);
``google`` serves Google OAuth and the YouTube Data API.
"""

from simulator.networks import facebook, google, linkedin, twitter

MODULES = [twitter, facebook, linkedin, google]
