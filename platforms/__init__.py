"""Network adapters: plain Python, one module per network.

``get_adapter("twitter", config)`` is how the rest of PhysSocial reaches a
network; ``describe("twitter")`` is what it knows about one without loading
the network's SDK. The registry is filled in as adapters land; nothing here imports
Django or the apps.
"""

from importlib import import_module

from platforms.base import Adapter, NetworkConfig
from platforms.description import DESCRIPTIONS, NetworkDescription, describe

__all__ = ["ADAPTERS", "NETWORKS", "NetworkDescription", "adapter_class", "describe", "get_adapter"]

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
