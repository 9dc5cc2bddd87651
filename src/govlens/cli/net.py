"""The portal's port: checked before a URL is printed, so a taken port never gives a dead link."""

from __future__ import annotations

import socket

from ..errors import PortTaken

DEFAULT_PORT = 8000
TRIES = 20


def port_free(host: str, port: int) -> bool:
    """True when ``host:port`` can be bound now (with SO_REUSEADDR, as uvicorn binds it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def choose_port(host: str, port: int | None) -> tuple[int, str | None]:
    """The port to serve on and a note for the user when it is not the one asked for.

    An explicit port (``--port``, ``make demo PORT=…``) is used as is or refused; without one the
    default is tried, then the next :data:`TRIES` ports."""
    if port is not None:
        if not port_free(host, port):
            raise PortTaken(f"port {port} is taken (another govlens serve?): choose another with --port, "
                            "or leave --port out to take the next free one", f"{host}:{port}")
        return port, None
    for p in range(DEFAULT_PORT, DEFAULT_PORT + TRIES):
        if port_free(host, p):
            return p, None if p == DEFAULT_PORT else f"port {DEFAULT_PORT} is taken; using {p}"
    raise PortTaken(f"ports {DEFAULT_PORT}-{DEFAULT_PORT + TRIES - 1} are all taken: choose one with --port",
                    host)
