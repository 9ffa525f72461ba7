"""The core reads as it runs: no block of code written twice, no import cycle, and the stages
standing apart.

pylint's duplicate-code check runs over ``service/extract``. The imports are read from the source
with ``ast``, every one counted, those under ``if TYPE_CHECKING`` and inside functions included:
no module of the core imports itself back through others; ``speakers/``, ``roles/`` and
``events/`` never import one another (``answer.py`` joins them); ``lexicon/`` imports no other
package of the core.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "service" / "extract"
PACKAGE = "service.extract"
STAGES_APART = ("speakers", "roles", "events")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(CORE.rglob("*.py"))}


def _imported(name: str, path: Path) -> set[str]:
    """The modules of the core that module ``name`` (at ``path``) imports, read from its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # "from . import x" imports module x when there is one, else a name of the package
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != name)
    return found


GRAPH = {name: _imported(name, path) for name, path in MODULES.items()}


def _stage(module: str) -> str:
    """The first part of a module's name below the core: "speakers", "pipeline", ..."""
    return module[len(PACKAGE) + 1:].split(".")[0] if module != PACKAGE else ""


def _cycles() -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each a cycle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return groups


def test_the_import_graph_is_read() -> None:
    assert f"{PACKAGE}.lexicon.grammar" in GRAPH[f"{PACKAGE}.speakers.cue_grammar"]
    assert f"{PACKAGE}.pipeline" in GRAPH[PACKAGE]


def test_no_import_cycle_in_the_core() -> None:
    assert _cycles() == []


@pytest.mark.parametrize("stage", STAGES_APART)
def test_the_stages_never_import_each_other(stage: str) -> None:
    others = set(STAGES_APART) - {stage}
    crossing = sorted(f"{m} -> {t}" for m, targets in GRAPH.items() if _stage(m) == stage
                      for t in targets if _stage(t) in others)
    assert crossing == []


def test_the_lexicon_imports_no_other_package_of_the_core() -> None:
    crossing = sorted(f"{m} -> {t}" for m, targets in GRAPH.items() if _stage(m) == "lexicon"
                      for t in targets if _stage(t) != "lexicon")
    assert crossing == []


def test_no_block_of_code_written_twice() -> None:
    done = subprocess.run([sys.executable, "-m", "pylint", "--disable=all", "--enable=duplicate-code",
                           "--score=n", "service/extract"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
