"""Run the platform simulator: ``python -m simulator --port 8100 [--latency-ms 100]``."""

import argparse
import signal
import sys

from simulator.core import SimulatorServer, build_simulator


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the five networks' APIs on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added to every answer")
    parser.add_argument("--no-demo", action="store_true", help="start without the sandbox demo accounts")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("The simulator only listens on loopback.")
    sim = build_simulator(latency_s=args.latency_ms / 1000, seed_demo=not args.no_demo)
    server = SimulatorServer(sim, args.host, args.port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"Platform simulator on {server.url} (timelines at {server.url}/_sim/)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
