"""The container's HEALTHCHECK: in HTTP mode, GET /health of the bot in this container; else healthy.

    python -m bot.slack.healthcheck      exit 0 when healthy, 1 when not

The image runs ``python -m bot serve`` as PID 1 with its arguments from ``docker run``, so the
check reads PID 1's command line to learn the mode and port. Socket Mode serves no HTTP: there,
a running process is all a container runtime can check.
"""

from __future__ import annotations

import sys
import urllib.request
from pathlib import Path

DEFAULT_PORT = 3000


def health_url(argv: list[str]) -> str | None:
    """Return the /health URL for a ``serve`` command line, or None for Socket Mode."""
    if "--http" not in argv:
        return None
    port = DEFAULT_PORT
    for i, arg in enumerate(argv):
        if arg == "--port" and i + 1 < len(argv):
            port = int(argv[i + 1])
        elif arg.startswith("--port="):
            port = int(arg.split("=", 1)[1])
    return f"http://127.0.0.1:{port}/health"


def check(argv: list[str], timeout: float = 4.0) -> bool:
    """Return True if the bot started with ``argv`` answers its health check."""
    url = health_url(argv)
    if url is None:
        return True
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def main() -> int:
    argv = Path("/proc/1/cmdline").read_bytes().decode(errors="replace").split("\0")
    return 0 if check(argv) else 1


if __name__ == "__main__":
    raise SystemExit(main())
