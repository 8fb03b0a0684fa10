"""Server fixtures: one store folder (sample + hostile articles), an app over it, and real
`kg serve` processes on free loopback ports."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

import kg
from server import create_app
from server.backend import materialize

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile"


@pytest.fixture(scope="session")
def store_dir(nlp, tmp_path_factory) -> Path:
    """A store folder with the sample articles and the hostile one (read-only in tests)."""
    path = tmp_path_factory.mktemp("store") / "graph"
    materialize(kg.build([ROOT / "data", HOSTILE]), path)
    return path


@pytest.fixture(scope="session")
def app(store_dir):
    app = create_app({"STORE": str(store_dir), "QUERY_TIMEOUT": 10, "WORKERS": 2})
    yield app
    app.extensions["kg"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_app(store_dir, tmp_path):
    """An app with its own settings (and, with ``copy=True``, its own copy of the store)."""
    made = []

    def make(copy: bool = False, **config):
        path = store_dir
        if copy:
            path = tmp_path / "store-copy"
            shutil.copytree(store_dir, path)
        made.append(create_app({"STORE": str(path), "WORKERS": 1, **config}))
        return made[-1]

    yield make
    for app in made:
        app.extensions["kg"].close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(store: Path, *options: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store),
               "--port", str(port), *options]
    process = subprocess.Popen(command, env={**os.environ, "KG_UPDATE_TOKEN": ""},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited: {process.stderr.read().decode()}")
        try:
            requests.get(url + "/sparql?query=ASK%7B%7D", timeout=5)
            return process, url
        except requests.RequestException:  # not listening yet, or workers still starting
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("kg serve did not start within 60 s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def live_server(store_dir) -> Iterator[str]:
    """The base URL of a real `kg serve --store` process (default settings)."""
    process, url = start_server(store_dir)
    yield url
    stop_server(process)


@pytest.fixture
def serve():
    """Start `kg serve` with options of a test's own; stopped at the end of the test."""
    started = []

    def run(store: Path, *options: str) -> tuple[subprocess.Popen, str]:
        started.append(start_server(store, *options))
        return started[-1]

    yield run
    for process, _ in started:
        stop_server(process)
