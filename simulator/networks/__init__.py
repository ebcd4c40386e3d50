"""One module per network; each offers ``register(sim)`` and ``seed_demo(sim)``."""

MODULES: list = []
