"""One article's facts: computed once in the ``Article`` the stages share, nothing left on the ``Doc``,
and the parse index answering as spaCy's own ``Token.sent``, ``Span.root`` and ``Token.children`` do."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from spacy.language import Language

from service.extract import article as article_module
from service.extract import extract, parse
from service.extract.events import choice
from service.extract.parse_index import ParseIndex

CORE = Path(__file__).resolve().parent.parent / "service" / "extract"

ARTICLE = (
    "Mayor Lin Ortega spoke at a rally in Varnet on Friday. \"We will build the bridge,\" Ortega said.\n\n"
    "The Democratic mayor added that the plan \"pays for itself\" and \"starts in May.\"\n\n"
    "\"It is a waste,\" said Tom Birch, a councillor for the Harbor Party, in an interview. He left early."
)


def test_extract_leaves_the_docs_user_data_as_it_found_it(nlp: Language) -> None:
    doc = parse(nlp, ARTICLE)
    before = dict(doc.user_data)
    answer = extract(doc)
    assert answer.quotes and any(q.event for q in answer.quotes)  # the stages that kept facts did run
    assert doc.user_data == before


def test_the_core_never_mentions_user_data() -> None:
    found = [str(p.relative_to(CORE)) for p in sorted(CORE.rglob("*.py"))
             if "user_data" in p.read_text(encoding="utf-8")]
    assert found == []


def _counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Replace ``owner.name`` by a wrapper that counts its calls."""
    calls: list[int] = []
    real: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(owner, name, counted)
    return calls


def test_each_fact_is_computed_once_per_extraction(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse(nlp, ARTICLE)
    sentences = _counting(monkeypatch, article_module, "split_sentences")
    candidates = _counting(monkeypatch, choice, "event_candidates")
    indexes = _counting(monkeypatch, article_module, "ParseIndex")
    answer = extract(doc)
    assert len(answer.quotes) > 2
    assert (len(sentences), len(candidates)) == (1, 1)
    assert indexes == []  # the pipeline hands the filters' index on to the article


def test_a_second_extraction_of_one_doc_reads_it_again(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse(nlp, ARTICLE)
    first = extract(doc)
    sentences = _counting(monkeypatch, article_module, "split_sentences")
    assert extract(doc) == first
    assert len(sentences) == 1


# Articles whose parse has a long sentence, several sentences, and a line of its own.
PARSES = [
    ARTICLE,
    "Ana said: \"yes, yes, yes, yes\" and left. Nobody else spoke.\nA byline",
    "The vote was close. Ortega won, and the council, which met late, said little.",
]


@pytest.mark.parametrize("text", PARSES, ids=["article", "colon", "clauses"])
def test_the_parse_index_answers_as_spacy_does(nlp: Language, text: str) -> None:
    doc = nlp(text)
    index = ParseIndex(doc)
    for token in doc:
        sent = token.sent
        assert (index.sentence_start(token), index.sentence_end(token)) == (sent.start, sent.end)
        assert index.sentence_of(token) == sent
        assert index.sentence_root(token) == sent.root
        for deps in (("nsubj", "nsubjpass"), ("punct",), ("prep", "dobj", "conj")):
            assert index.children_with(token, deps) == [c for c in token.children if c.dep_ in deps]
        for child in token.children:
            assert index.has_child(token, dep=child.dep_) and index.has_child(token, tag=child.tag_)
        assert not index.has_child(token, dep="no-such-dep", tag="NO-SUCH-TAG")
        assert index.sentence_words(token, token.lower_) == [t for t in sent if t.lower_ == token.lower_]
