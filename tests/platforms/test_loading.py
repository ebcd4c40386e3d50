"""A worker loads the networks' adapters as it starts; one SDK that will not import takes no other down."""

import sys

import platforms


def test_every_network_s_adapter_loads_before_its_first_post():
    assert platforms.load_adapters(platforms.NETWORKS) == {}

    for network in platforms.NETWORKS:
        module_name = platforms.ADAPTERS[network].split(":")[0]
        assert module_name in sys.modules


def test_an_adapter_that_will_not_import_is_reported_and_the_others_still_load(monkeypatch):
    monkeypatch.setitem(platforms.ADAPTERS, "youtube", "platforms.no_such_sdk_here:YouTube")

    failures = platforms.load_adapters(["youtube", "twitter"])

    assert list(failures) == ["youtube"]
    assert isinstance(failures["youtube"], ImportError)
    assert platforms.adapter_class("twitter").__name__ == "Twitter"
