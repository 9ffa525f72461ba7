"""The seed article end to end through the core: the acceptance example of the contract."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from service.extract import Extraction, extract_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_804a390cb46da908.txt"

# (opening words, speaker, mention, kinds accepted, continues: the id of the quote it continues)
EXPECTED = [
    ("The fact that North Korea", "Lim Eul-chul", "Lim Eul-chul", {"direct"}, None),
    ("it is also worth noting", "Lim Eul-chul", "Lim", {"direct", "partial"}, None),
    ("If Pyongyang were keeping", "Lim Eul-chul", "Lim", {"direct"}, "q2"),
    ("I would if he would contact", "Donald Trump", "Trump", {"direct"}, None),
    ("great relationship", "Donald Trump", "Trump", {"partial"}, None),
    ("The last time I met him", "Donald Trump", "Trump", {"direct"}, "q5"),
    ("Well, I think they are", "Donald Trump", "Trump", {"direct"}, None),
    ("When you say they have", "Donald Trump", "Trump", {"direct"}, "q7"),
    ("clues and signs", "Chung Dong-young", "Chung Dong-young", {"partial"}, None),
    ("no confirmed information", "Chung Dong-young", "Chung", {"partial"}, None),
]

ROLES = {
    "Lim Eul-chul": ("professor", "Kyungnam University’s Institute for Far Eastern Studies"),
    "Donald Trump": ("President", "United States"),
    "Chung Dong-young": ("Unification Minister", None),
}


@pytest.fixture(scope="module")
def seed(nlp: Language) -> tuple[str, Extraction]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract_text(nlp, text)


def test_ten_quotes_and_nothing_else(seed: tuple[str, Extraction]) -> None:
    text, result = seed
    assert [q.text[:len(e[0])] for q, e in zip(result.quotes, EXPECTED)] == [e[0] for e in EXPECTED]
    assert len(result.quotes) == len(EXPECTED)
    assert all("blood alliance" != q.text for q in result.quotes)
    for q in result.quotes:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("index", range(len(EXPECTED)))
def test_each_quote_has_its_speaker_kind_and_continuation(seed: tuple[str, Extraction], index: int) -> None:
    _, result = seed
    _, name, mention, kinds, continues = EXPECTED[index]
    quote = result.quotes[index]
    assert quote.speaker.name == name
    assert quote.speaker.mention is not None and quote.speaker.mention.text == mention
    assert quote.kind in kinds
    assert quote.continues == continues
    assert (quote.speaker.role, quote.speaker.affiliation) == ROLES[name]


def test_trump_quote_claim_and_event(seed: tuple[str, Extraction]) -> None:
    _, result = seed
    quote = result.quotes[3]
    assert quote.claim is not None and "press briefing" in quote.claim.text and "Air Force One" in quote.claim.text
    assert quote.event is not None and quote.event.text == "a press briefing aboard Air Force One on Friday"
    assert result.quotes[5].claim == quote.claim or "Air Force One" in result.quotes[5].claim.text


def test_one_speaker_entry_per_person(seed: tuple[str, Extraction]) -> None:
    _, result = seed
    assert [s.name for s in result.speakers] == ["Lim Eul-chul", "Donald Trump", "Chung Dong-young"]
    trump = result.speakers[1]
    assert trump.quote_ids == ("q4", "q5", "q6", "q7", "q8")
    assert "Donald Trump" in {m.text for m in trump.mentions}
