"""gunicorn started the way the Makefile runs it, on a free 127.0.0.1 port, for the scripts that
measure the service over HTTP (accuracy gate, benchmark, load test). Standard library only."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterable, Mapping

from scripts import ROOT


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def gunicorn_command(port: int) -> list[str]:
    """The Makefile's command (`gunicorn -c gunicorn.conf.py "service:create_app()"`), on 127.0.0.1."""
    exe = Path(sys.executable).parent / "gunicorn"
    head = [str(exe)] if exe.exists() else [sys.executable, "-m", "gunicorn"]
    return head + ["-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "service:create_app()"]


def children_of(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.extend(int(p) for p in f.read().split())
    except OSError:
        pass
    return sorted(out)


def cpu_seconds(pids: Iterable[int]) -> float:
    """User + system CPU seconds used so far by these processes (those still alive)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def get_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return int(e.code)
    except OSError:
        return None


class Server:
    """gunicorn in its own process group, stopped (the whole group) by ``stop()``."""

    def __init__(self, workers: int, log_path: Path, env: Mapping[str, str] | None = None) -> None:
        """``env``: environment variables for gunicorn beside this process's own."""
        self.workers = workers
        self.env = dict(env or {})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, ready_timeout: float = 180.0) -> None:
        env = dict(os.environ, **self.env, WEB_CONCURRENCY=str(self.workers), PORT=str(self.port))
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(gunicorn_command(self.port), cwd=ROOT, env=env,
                                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {self.log_path}")
            if len(self.worker_pids()) == self.workers and get_status(self.url + "/readyz") == 200:
                return
            time.sleep(0.25)
        raise RuntimeError(f"gunicorn not ready after {ready_timeout:.0f} s; see {self.log_path}")

    def worker_pids(self) -> list[int]:
        return children_of(self.proc.pid) if self.proc is not None else []

    def cpu_seconds(self) -> float:
        """CPU seconds of the master and its workers so far."""
        if self.proc is None:
            return 0.0
        return cpu_seconds([self.proc.pid] + self.worker_pids())

    def stop(self) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        for sig, wait in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(proc.pid, sig)  # the group gunicorn leads: master and workers
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=wait)
                os.killpg(proc.pid, 0)  # the master is gone; no worker of its group may outlive it
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
            time.sleep(0.2)
