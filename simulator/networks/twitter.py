"""The simulated twitter API (being written from platform-contracts.md)."""

from simulator.core import Simulator


def register(sim: Simulator) -> None:
    pass


def seed_demo(sim: Simulator) -> None:
    pass
