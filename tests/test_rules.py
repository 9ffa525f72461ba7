"""Every ``rule`` value of the answer comes from one function named after it, with its calibrated
confidence: the table below is the list of rule names, in the order they are tried, and the source
of ``service/extract`` is read to check that no other function writes a rule name."""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Callable

import pytest
from spacy.language import Language

from service.extract import extract_text

from service.extract.speakers import carry_sieves, cue_sieves, sieves, tag_sieves
from service.extract.speakers.sieves import RULE_PRECISION, RULES

from answers import quote_with  # tests/answers.py

# (rule name, the one function that decides it, its confidence), in the order the rules are tried.
RULE_TABLE: list[tuple[str, Callable, float]] = [
    ("transcript", tag_sieves.transcript, 0.92),
    ("cue-subject", cue_sieves.cue_subject, 0.94),
    ("according-to", cue_sieves.according_to, 0.83),
    ("colon-lead-in", tag_sieves.colon_lead_in, 0.69),
    ("byline", tag_sieves.byline, 0.96),
    ("trailing-clause", tag_sieves.trailing_clause, 0.67),
    ("carried-over", carry_sieves.carried_over, 0.94),
    ("previous-sentence", carry_sieves.previous_sentence, 0.89),
    ("paragraph-subject", carry_sieves.paragraph_subject, 0.8),
    ("frame-verb", cue_sieves.frame_verb, 0.82),
    ("speech-noun", cue_sieves.speech_noun, 0.83),
    ("previous-speaker", carry_sieves.previous_speaker, 0.73),
    ("nearest-person", carry_sieves.nearest_person, 0.8),
    ("none", sieves.none, 0.0),
]

EXTRACT = Path(sieves.__file__).resolve().parent.parent  # service/extract


def test_the_table_is_every_rule_with_its_confidence() -> None:
    assert {name: confidence for name, _, confidence in RULE_TABLE} == RULE_PRECISION


def test_the_rules_run_in_the_order_of_the_table() -> None:
    # ``none`` is what is left when no rule decides, so it is not in RULES
    assert list(RULES) == [function for _, function, _ in RULE_TABLE[:-1]]


@pytest.mark.parametrize("name, function", [(n, f) for n, f, _ in RULE_TABLE], ids=[n for n, _, _ in RULE_TABLE])
def test_a_rule_is_decided_by_the_function_named_after_it(name: str, function: Callable) -> None:
    assert function.__name__ == name.replace("-", "_")


def _functions_writing(names: set[str], root: Path = EXTRACT) -> dict[str, set[str]]:
    """Rule name -> "module.function" of every function under ``root`` whose body holds the name
    as a string literal (a module-level literal counts as the module's, "module.<module>")."""
    found: dict[str, set[str]] = {name: set() for name in names}
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, where: str) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    visit(child, f"{module}.{child.name}")
                elif isinstance(child, ast.Constant) and child.value in found:
                    found[child.value].add(where)
                else:
                    visit(child, where)

        visit(tree, f"{module}.<module>")
    return found


def test_no_other_function_writes_a_rule_name() -> None:
    """A rule name as a literal is in its own function's body only, besides the table of
    confidences (``RULE_PRECISION``, at module level in ``speakers.sieves``)."""
    written = _functions_writing(set(RULE_PRECISION))
    for name, function, _ in RULE_TABLE:
        module = function.__module__.removeprefix("service.extract.")
        assert written[name] == {f"{module}.{function.__name__}", "speakers.sieves.<module>"}, name


def test_the_source_check_sees_a_second_writer(tmp_path: Path) -> None:
    """The check is not a no-op: a helper that writes a rule name is caught, nested or not."""
    (tmp_path / "helper.py").write_text(
        'def carried_over():\n    return "carried-over"\n\n'
        'def _carry():\n    def inner():\n        return "carried-over"\n    return inner\n', encoding="utf-8")
    assert _functions_writing({"carried-over"}, tmp_path) == {"carried-over": {"helper.carried_over", "helper.inner"}}


# One invented case per rule, in the order the rules are tried: (rule, article, words of the quote,
# speaker name). Each rule's finer cases are in test_speakers.py, test_sieves.py and test_cues.py.
RULE_CASES = [
    ("transcript",'"TORRES: We will keep the ferry running."',"keep the ferry","Torres"),
    ("cue-subject",'Mayor Ana Torres spoke at the pier.\n\n"The ferry stays," Torres said.',"ferry stays","Ana Torres"),
    ("according-to",'"The ferry will stop in May," according to Carl Dietz, the harbor master.',"ferry will stop","Carl Dietz"),
    ("colon-lead-in",'Carl Dietz spoke first.\n\nAna Torres turned to the crowd: "The ferry stays."',"ferry stays","Ana Torres"),
    ("byline",'Letters to the editor.\n\n"Keep the ferry running for the island." - Ana Torres',"Keep the ferry","Ana Torres"),
    ("trailing-clause",'Mayor Ana Torres spoke first.\n\n"The bridge stays open," Torres said.\n\n"Not while I run the harbor," Carl Dietz shrugged.',"harbor","Carl Dietz"),
    ("carried-over",'"The ferry stays," Ana Torres said. "It has run for a century."',"a century","Ana Torres"),
    ("previous-sentence",'Ana Torres spoke at the pier on Monday.\n\nCarl Dietz underscored that the ferry is the island\'s only link.\n\n"Without it, the island empties out in a decade."',"empties out","Carl Dietz"),
    ("paragraph-subject",'Mayor Ana Torres spoke at the pier on Monday.\n\nCarl Dietz toured the ferry dock on Tuesday. "This dock is falling apart."',"falling apart","Carl Dietz"),
    ("frame-verb",'Carl Dietz spoke first.\n\nAna Torres called the budget "a slow disaster" at the meeting.',"slow disaster","Ana Torres"),
    ("speech-noun",'Carl Dietz spoke first.\n\nThe fight is over the pull of Ana Torres\'s "ferry forever" promise.',"ferry forever","Ana Torres"),
    ("previous-speaker",'Carl Dietz spoke for an hour. "We will rebuild the pier," he said.\n\nThat choice left him one path: calling the levy "a tax on hope."',"tax on hope","Carl Dietz"),
    ("nearest-person",'Ana Torres walked along the pier.\n\n"Run forever"',"Run forever","Ana Torres"),
    ("none",'The pier was quiet.\n\n"Run forever, little ferry."',"little ferry",None),
]


@pytest.mark.parametrize("rule, text, words, name", RULE_CASES, ids=[case[0] for case in RULE_CASES])
def test_each_rule_decides_its_own_case(nlp: Language, rule: str, text: str, words: str, name: str | None) -> None:
    quote = quote_with(extract_text(nlp, text), words)
    assert (quote.rule, quote.speaker.name) == (rule, name)


def test_every_rule_has_a_case() -> None:
    assert [case[0] for case in RULE_CASES] == [name for name, _, _ in RULE_TABLE]
