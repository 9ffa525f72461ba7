"""Scripts and tests import the package the normal way: the project is installed (``make install``),
scripts run as ``python -m scripts.NAME``. No file in scripts/ or tests/ patches the import path,
and no two scripts import each other, however indirectly.
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("scripts/**/*.py"), *ROOT.glob("tests/**/*.py")])
# The import path, the variable that extends it, and site's helper that does.
PATCHING = re.compile(r"\bsys\.path\b|\bPYTHONPATH\b|\baddsitedir\b")
THIS_FILE = Path(__file__).resolve()


@pytest.mark.parametrize("path", [p for p in SOURCES if p.resolve() != THIS_FILE],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_file_touches_the_import_path(path: Path) -> None:
    hits = [f"{n}: {line.strip()}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if PATCHING.search(line)]
    assert not hits, hits


def _script_imports(path: Path) -> set[str]:
    """The scripts (``scripts.NAME``) that ``path`` imports, at its top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("scripts."))
        elif isinstance(node, ast.ImportFrom) and node.module == "scripts":
            found.update(f"scripts.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scripts."):
            found.add(str(node.module))
    return {name for name in found if (ROOT / (name.replace(".", "/") + ".py")).is_file()}


def test_no_cycle_between_scripts() -> None:
    graph = {f"scripts.{p.stem}": _script_imports(p) for p in ROOT.glob("scripts/*.py") if p.stem != "__init__"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for name in graph.get(start, ()):
            if name == goal or (name not in seen and reaches(name, goal, seen | {name})):
                return True
        return False

    cyclic = sorted(name for name in graph if reaches(name, name, {name}))
    assert not cyclic, {name: sorted(graph[name]) for name in cyclic}


def test_scripts_run_as_modules_from_anywhere(tmp_path: Path) -> None:
    """The installed project: ``python -m scripts.NAME`` needs no particular working directory."""
    done = subprocess.run([sys.executable, "-m", "scripts.linearity", "--help"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout
