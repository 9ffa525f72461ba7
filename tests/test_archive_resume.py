"""An archive run whose driver is killed halfway, then rerun: it completes with no duplicate and no loss.

The run is a subprocess in its own session (process group); the test kills that group only,
and then any Ray process left whose session id is that group's, never anything else."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive_data import GOOD  # tests/archive_data.py

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("ray")

ARTICLES = 48


def _session_pids(sid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == sid:
                    pids.append(int(entry))
            except OSError:
                pass
    return pids


def _run(source: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "service", "archive", str(source), str(out), "--workers", "2",
                             "--batch-size", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def test_a_killed_run_resumes_with_no_duplicate_and_no_loss(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{k}", "text": GOOD[k % len(GOOD)]["text"]}) + "\n"
                              for k in range(ARTICLES)))
    out = tmp_path / "out"
    run = _run(source, out)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(list((out / "articles").glob("part-*"))) < 3:
            assert run.poll() is None, run.stderr.read().decode() if run.stderr else ""
            time.sleep(0.05)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        for pid in _session_pids(run.pid):  # Ray processes of that run that outlived the kill
            os.kill(pid, signal.SIGKILL)
    written = len(list((out / "articles").glob("part-*")))
    assert 3 <= written < ARTICLES // 2, "the run was not stopped halfway"

    rerun = _run(source, out)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert "skipped (already written)" in err.decode()

    articles = [r for f in sorted((out / "articles").glob("part-*")) for r in pq.read_table(f).to_pylist()]
    assert sorted(r["id"] for r in articles) == sorted(f"n{k}" for k in range(ARTICLES))
    quotes = [r for f in sorted((out / "quotes").glob("part-*")) for r in pq.read_table(f).to_pylist()]
    keys = [(q["article_id"], q["quote_id"]) for q in quotes]
    assert len(keys) == len(set(keys))
    counts = {r["id"]: r["quote_count"] for r in articles}
    assert all(sum(1 for a, _ in keys if a == i) == n for i, n in counts.items())
    assert not list((out / "_tmp").iterdir())
