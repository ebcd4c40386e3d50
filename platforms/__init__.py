"""Network adapters: plain Python, one module per network.

``get_adapter("twitter", config)`` is how the rest of PhysSocial reaches a
network; ``describe("twitter")`` is what it knows about one without loading
the network's SDK. The registry is filled in as adapters land; nothing here imports
Django or the apps.
"""

from collections.abc import Iterable
from importlib import import_module

from platforms.base import Adapter, NetworkConfig
from platforms.description import DESCRIPTIONS, NetworkDescription, describe

__all__ = ["ADAPTERS", "NETWORKS", "NetworkDescription", "adapter_class", "describe", "get_adapter", "load_adapters"]

NETWORKS = tuple(DESCRIPTIONS)

# network -> "module:Class"; modules import lazily so one broken SDK does not
# take every network down with it.
ADAPTERS = {
    "twitter": "platforms.twitter:Twitter",
    "facebook": "platforms.facebook:Facebook",
    "instagram": "platforms.instagram:Instagram",
    "linkedin": "platforms.linkedin:LinkedIn",
    "youtube": "platforms.youtube:YouTube",
}


def adapter_class(network: str) -> type[Adapter]:
    try:
        module_name, class_name = ADAPTERS[network].split(":")
    except KeyError:
        raise ValueError(f"Unknown network {network!r}; expected one of {', '.join(NETWORKS)}.") from None
    return getattr(import_module(module_name), class_name)


def get_adapter(network: str, config: NetworkConfig) -> Adapter:
    return adapter_class(network)(config)


def load_adapters(networks: Iterable[str]) -> dict[str, Exception]:
    """Import the adapters of ``networks`` (and their SDKs) now rather than at their first post; a
    worker calls it as it starts. Returns what each one that would not import raised: that network
    stays down and the others work, as when it is loaded on first use."""
    failures: dict[str, Exception] = {}
    for network in networks:
        try:
            adapter_class(network)
        except Exception as error:  # any SDK's import error; it is raised again at the network's first post
            failures[network] = error
    return failures
