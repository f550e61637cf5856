"""``python -m graph serve``: keep the store running and open to standard tools (redis-cli, FalkorDB Browser,
any FalkorDB client; Neo4j Browser, cypher-shell or any Bolt driver for ArcadeDB) until Ctrl-C.

The embedded FalkorDB server gets a TCP port on loopback and a password (``requirepass``); the password is kept
in ``falkordb.password`` (mode 600) beside its unix socket, which the project's own processes read, so they go
on working. On exit the port is closed and the password removed. Anything but a loopback address is refused
unless ``--allow-remote`` is given with ``--host``.

>>> check_host("127.0.0.1", allow_remote=False)
>>> check_host("0.0.0.0", allow_remote=False)  # doctest: +ELLIPSIS
Traceback (most recent call last):
  ...
graph.store.StoreError: refusing to listen on 0.0.0.0: only loopback (127.0.0.1, ::1, localhost) unless ...
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import signal
import socket
import sys
import time
from collections.abc import Iterator

from graph.store import GraphStore, StoreError

__all__ = ["check_host", "free_port", "serve"]


def check_host(host: str, *, allow_remote: bool) -> None:
    """Refuse a non-loopback address unless the person asked for it in so many words."""
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not allow_remote:
        raise StoreError(
            f"refusing to listen on {host}: only loopback (127.0.0.1, ::1, localhost) unless --allow-remote"
        )


def free_port(host: str) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _tcp_open(store: GraphStore, host: str, port: int, password: str) -> Iterator[None]:
    """The embedded server listening on ``host:port`` under ``password`` for as long as the block runs."""
    server = store.server  # type: ignore[attr-defined]
    client = server._client()
    server.password_path.unlink(missing_ok=True)
    fd = os.open(server.password_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password)
    try:
        client.config_set("requirepass", password)
        client.execute_command("AUTH", password)
        client.config_set("bind", host)
        client.config_set("port", port)
        yield
    finally:
        with contextlib.suppress(Exception):
            client.config_set("port", 0)
            client.config_set("requirepass", "")
        server.password_path.unlink(missing_ok=True)
        client.close()


def _instructions_falkordb(host: str, port: int, password: str, graph: str) -> str:
    return "\n".join(
        [
            f"FalkorDB listening on {host}:{port} (graph {graph!r}, password {password})",
            f"  redis-cli -h {host} -p {port} -a {password} "
            f'GRAPH.RO_QUERY {graph} "MATCH (d:Document) RETURN d.symbol"',
            f"  python: falkordb.FalkorDB(host='{host}', port={port}, password='{password}')"
            f".select_graph('{graph}')",
            f"  FalkorDB Browser: host {host}, port {port}, password as above",
            "Ctrl-C stops serving (the project's own processes keep working meanwhile).",
        ]
    )


def _instructions_bolt(url: str, password: str) -> str:
    return "\n".join(
        [
            f"ArcadeDB Bolt server at {url} (database kg), user root, password {password}",
            f"  cypher-shell -a {url} -u root -p {password} -d kg",
            f"  python: neo4j.GraphDatabase.driver('{url}', auth=('root', '{password}'))",
            "Ctrl-C stops the server.",
        ]
    )


def _wait() -> None:
    stop = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, stop)


def serve(store: GraphStore, *, host: str, port: int | None, password: str | None, allow_remote: bool) -> None:
    """Print how to attach to ``store`` and keep it open until Ctrl-C or SIGTERM."""
    check_host(host, allow_remote=allow_remote)
    dialect = getattr(store, "dialect", "")
    if dialect == "falkordb" and hasattr(store, "server"):
        from common.settings import settings

        secret = password or secrets.token_urlsafe(18)
        chosen = port or free_port(host)
        with _tcp_open(store, host, chosen, secret):
            print(_instructions_falkordb(host, chosen, secret, settings().graph), flush=True)
            _wait()
    elif hasattr(store, "server") and hasattr(store.server, "bolt_url"):
        server = store.server
        print(_instructions_bolt(server.bolt_url, server.password), flush=True)
        _wait()
    else:
        print(f"{store.name} is already a server: attach to it directly.", file=sys.stderr)
