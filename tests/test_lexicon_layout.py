"""Every word list has one home: ``service/extract/lexicon/``, which stands on its own.

Read from the source with ``ast``: no module of the core outside ``lexicon/`` defines a collection
of words (or of spaCy labels) at module level, and none writes a set of dependency labels inline;
the lexicon imports nothing but spaCy, typing and the standard library, and types every list
``Final``. The labels named in ``lexicon.grammar`` are ones the pipeline gives.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Iterator

import pytest
from spacy.language import Language

from service.extract.lexicon import grammar

CORE = Path(__file__).resolve().parent.parent / "service" / "extract"
LEXICON = CORE / "lexicon"
OUTSIDE = sorted(p for p in CORE.rglob("*.py") if LEXICON not in p.parents)
INSIDE = sorted(LEXICON.glob("*.py"))

# Module-level collections of strings outside the lexicon that are no word lists: a module's
# exports, the speaker rules' calibrated confidences by rule name, and the contract's values of
# speaker.resolved_by.
NOT_WORD_LISTS = {"__all__", "RULE_PRECISION", "RESOLVED_BY"}

# spaCy's English dependency labels (ClearNLP style), and the Universal Dependencies ones the code reads too.
DEPENDENCY_LABELS = frozenset("""
ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj csubjpass
dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd parataxis pcomp pobj
poss preconj predet prep prt punct quantmod relcl xcomp flat iobj
""".split())
# Universal Dependencies labels the English pipelines never give, read alongside their ClearNLP kin
# ("flat" with "compound", "iobj" with "dative"): harmless, and kept as the rules were written.
NOT_IN_PIPELINE = frozenset({"flat", "iobj"})


def _strings(node: ast.AST) -> list[str]:
    """The strings a collection literal holds, or that a ``"a b c".split()`` call makes."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Dict):
        return [e.value for e in [*node.keys, *node.values] if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return node.func.value.value.split()
    return []


def _word_collection(value: ast.AST) -> bool:
    """A collection of two or more strings anywhere in an assigned value. A character class written
    as one string (``frozenset("([{")``) is none: it is read a character at a time, like a regex's."""
    return any(len(_strings(node)) >= 2 for node in ast.walk(value))


def _module_assignments(tree: ast.Module) -> Iterator[tuple[str, ast.AST, int]]:
    """(name, value, line) of every assignment at module level and in class bodies."""
    bodies = [tree.body] + [n.body for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    for body in bodies:
        for node in body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name):
                            yield name.id, node.value, node.lineno
            elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
                yield node.target.id, node.value, node.lineno


def _relative(path: Path) -> str:
    return str(path.relative_to(CORE.parent.parent))


@pytest.mark.parametrize("path", OUTSIDE, ids=_relative)
def test_no_word_list_outside_the_lexicon(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"{name} (line {line})" for name, value, line in _module_assignments(tree)
             if name not in NOT_WORD_LISTS and _word_collection(value)]
    assert not found, f"word lists belong in service/extract/lexicon/: {found}"


@pytest.mark.parametrize("path", OUTSIDE, ids=_relative)
def test_no_inline_set_of_dependency_labels(path: Path) -> None:
    """``("nsubj", "nsubjpass")`` and the like are named once, in ``lexicon.grammar``; a single
    label (``tok.dep_ == "prep"``) may stand where it is read."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"line {node.lineno}: {labels}" for node in ast.walk(tree)
             if len(labels := [s for s in _strings(node) if s in DEPENDENCY_LABELS]) >= 2]
    assert not found, f"name these in lexicon.grammar: {found}"


@pytest.mark.parametrize("path", INSIDE, ids=_relative)
def test_the_lexicon_imports_only_spacy_typing_and_the_standard_library(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            assert node.level == 1, f"line {node.lineno}: imports from outside the lexicon"
            continue  # another lexicon module
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        for name in names:
            top = name.split(".")[0]
            assert top == "spacy" or top in sys.stdlib_module_names or top == "__future__", \
                f"line {node.lineno}: the lexicon imports {name}"


@pytest.mark.parametrize("path", INSIDE, ids=_relative)
def test_every_lexicon_list_is_typed_final(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    untyped = [f"{node.targets[0].id} (line {node.lineno})" for node in tree.body
               if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
               and not node.targets[0].id.startswith("__")]
    not_final = [f"{node.target.id} (line {node.lineno})" for node in tree.body
                 if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                 and not ast.unparse(node.annotation).startswith("Final")]
    assert not untyped + not_final, f"type these Final[...]: {untyped + not_final}"


def _named_sets(suffix: str) -> dict[str, frozenset[str]]:
    return {name: value for name, value in vars(grammar).items() if name.endswith(suffix)}


def test_the_named_labels_are_the_pipelines(nlp: Language) -> None:
    """A label the pipeline never gives would make its set silently smaller than it reads."""
    deps = set(nlp.get_pipe("parser").labels) | NOT_IN_PIPELINE
    ents = set(nlp.get_pipe("ner").labels) | {""}
    tags = set(nlp.get_pipe("tagger").labels)
    pos = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
           "SCONJ", "SYM", "VERB", "X", "SPACE"}
    for suffix, known in (("_DEPS", deps), ("_ENTS", ents), ("_TAGS", tags), ("_POS", pos)):
        sets = _named_sets(suffix)
        assert sets, suffix
        for name, labels in sets.items():
            assert labels <= known, f"{name}: {sorted(labels - known)}"
