"""Quoted runs from marks alone: pairing, mixed marks, apostrophes, open paragraphs."""
from __future__ import annotations

import pytest

from service.extract.quotes.marks import paragraphs, quoted_runs


def _texts(text: str) -> list[str]:
    return [text[r.start:r.end] for r in quoted_runs(text)]


@pytest.mark.parametrize("text, expected", [
    # curly, straight, mixed, and a closing mark typed where an opening one belongs
    ("She said “we are ready” today.", ["we are ready"]),
    ('She said "we are ready" today.', ["we are ready"]),
    ('"We are ready,” she said.', ["We are ready,"]),
    ("”We are ready,” she said.", ["We are ready,"]),
    ("«Nous sommes prêts», a-t-elle dit.", ["Nous sommes prêts"]),
    ("She said „we are ready“ today.", ["we are ready"]),
    ("''This is not tax reform,'' said the senator.", ["This is not tax reform,"]),
    ("``This is not tax reform,'' said the senator.", ["This is not tax reform,"]),
    # single marks nested in a double-quoted run belong to it
    ("“It is a ‘special bond’ with them,” he said.", ["It is a ‘special bond’ with them,"]),
    # split by the attribution: two runs
    ('"First part," she said. "Second part."', ["First part,", "Second part."]),
])
def test_runs_are_paired(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("text", [
    "The Leaders’ Week opens on Monday.",
    "Choe’s visit and the students’ union.",
    "They played rock ’n’ roll like it was the ’90s.",
    "It's the mayor's plan, isn't it?",
    "No marks at all here.",
])
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert quoted_runs(text) == []


@pytest.mark.parametrize("text, expected", [
    # an unclosed quote runs to its paragraph's end, and the next paragraph is unharmed
    ('He said "this never closes\nA new line "with its own" quote.', ["this never closes", "with its own"]),
    # a multi-paragraph quote: each paragraph's run ends there, open
    ("“First paragraph of the speech.\n\n“Second and last paragraph.”", ["First paragraph of the speech.",
                                                                          "Second and last paragraph."]),
    # a stray opening mark: the later one starts the run
    ('A stray " mark and then "a real quote" here.', ["a real quote"]),
    # an opening mark of another family inside a run is passed over; the next closing mark of any family ends it
    ("“He wore a «Vote Ruiz» pin,” she said.", ["He wore a «Vote Ruiz"]),
    # a doubled archive mark inside an open run is a stray: the later one starts the run
    ("``A stray ``and then the quote,'' she said.", ["and then the quote,"]),
    # marks with nothing between them are not runs
    ('Empty "" marks.', []),
])
def test_unbalanced_marks_recover_per_paragraph(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_open_end_is_reported() -> None:
    runs = quoted_runs("“Open to the end\n“Closed here.”")
    assert [r.open_end for r in runs] == [True, False]
    assert [r.paragraph for r in runs] == [0, 1]


@pytest.mark.parametrize("text", ['"' * 5000, "“" * 3000 + "”" * 3000, '"a" ' * 2000, "\n".join(['"x'] * 500)])
def test_many_marks_give_valid_runs(text: str) -> None:
    runs = quoted_runs(text)
    for r in runs:
        assert 0 <= r.start < r.end <= len(text)
    assert all(a.end <= b.start for a, b in zip(runs, runs[1:]))


def test_paragraphs_are_lines_with_words() -> None:
    text = "One.\n\n  \nTwo."
    assert [(p.index, text[p.start:p.end]) for p in paragraphs(text)] == [(0, "One."), (3, "Two.")]


@pytest.mark.parametrize("text, expected", [
    # a mark with nothing after it in its paragraph can only close, whichever way it is typed
    ("He paused. “We will see. “\nThe next line.", ["We will see."]),
    ('He paused. "We will see. "\nThe next line.', ["We will see."]),
    # negative: a mark at the end of a paragraph with nothing open opens nothing
    ("Nothing is open here “\n“Then a quote.”", ["Then a quote."]),
])
def test_mark_ending_its_paragraph_closes(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a curly opening mark inside an open curly run is a quote nested with the wrong marks:
    # the run goes on, and the first closing mark ends it
    ("“Fans wore “Go Team” shirts to the rally,” she wrote.", ["Fans wore “Go Team"]),
    # two curly opening marks with nothing between them are one mark
    ("““We are ready,” she said.", ["We are ready,"]),
    # negative: a straight mark whose direction is only guessed still restarts the run
    ('A stray " mark and then "a real quote" here.', ["a real quote"]),
])
def test_same_family_mark_inside_a_run(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # three apostrophes: a double mark and a nested single one, which stays in the run
    ("'''Not now,''' she replied.", ["'Not now,'"]),
    ("He told them, '''Stay home.'.''\nNext.", ["'Stay home.'."]),
    ("''He said 'no,''' she recalled.", ["He said 'no,'"]),
    # negative: two apostrophes alone are the double mark, with no single one added
    ("''Not now,'' she replied.", ["Not now,"]),
])
def test_three_apostrophes(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # paragraphs joined into one line lost the closing mark between them: an opening mark after the
    # end of a sentence, where a closing mark was expected, ends the run there and starts the next
    ('He said: "We start now. "Nobody will wait for us."', ["We start now.", "Nobody will wait for us."]),
    ('"Is it late? "No. "Then go!"', ["Is it late?", "No.", "Then go!"]),
    ("``The vote is in. ``We won,'' she said.", ["The vote is in.", "We won,"]),
    # a single mark (nested quote, or possessive) or a bracket may stand after the sentence's end
    ("She said: \"They called it 'a rout.' \"We lost.\"", ["They called it 'a rout.'", "We lost."]),
    ('She said: "We met at the Joneses\'. "It was late."', ["We met at the Joneses'.", "It was late."]),
    ('He said: "It rained (again.) "We stayed in."', ["It rained (again.)", "We stayed in."]),
    # the last part may itself run on to its paragraph's end
    ('He said: "We start now. "Nobody will wait.\n"We meet at noon."', ["We start now.", "Nobody will wait.",
                                                                      "We meet at noon."]),
    # negative: the closing mark is there
    ('He said: "We start now." "Nobody will wait."', ["We start now.", "Nobody will wait."]),
    # negative: no sentence ends before the later mark: the earlier one is a stray (as in the tables above)
    ('He said: "We start now, "nobody will wait."', ["nobody will wait."]),
    # negative: a quote nested in single marks is part of the run
    ("He said: \"She told me 'Stop. Now.' Then she left.\"", ["She told me 'Stop. Now.' Then she left."]),
    # negative: an odd mark in ordinary text (inches) opens nothing
    ('The 6" pipe burst. "We fixed it," he said.', ["We fixed it,"]),
    # not handled: in curly marks the later opening mark reads as a quote nested in the run
    ("He said: “We start now. “Nobody will wait for us.”", ["We start now. “Nobody will wait for us."]),
])
def test_joined_paragraphs_cut_the_run_short(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_a_run_cut_short_is_open_ended_in_its_paragraph() -> None:
    runs = quoted_runs('He said: "We start now. "Nobody will wait for us."')
    assert [(r.open_end, r.paragraph) for r in runs] == [(True, 0), (False, 0)]
    assert runs[0].close_mark is None and runs[1].open_mark == runs[0].end + 1


# An article that quotes with single marks alone (British style): they pair as double marks do.
@pytest.mark.parametrize("text, expected", [
    ("‘We are ready,’ she said. ‘Nobody will stop us.’", ["We are ready,", "Nobody will stop us."]),
    ("'We are ready,' she said.", ["We are ready,"]),
    # apostrophes inside words, before a decade, and of a plural possessive are not marks
    ("‘We can’t wait for the ’90s revival,’ said Ann O'Hara.", ["We can’t wait for the ’90s revival,"]),
    ("‘The players’ union will not accept this,’ said its chairman.", ["The players’ union will not accept this,"]),
    # a plural possessive right before the closing mark, with no closing mark after it, closes the run
    ("She called it ‘the workers’ choice’ in March.", ["the workers’ choice"]),
    # a run left open ends with its paragraph; joined paragraphs cut it short, as with double marks
    ("‘We start now.\n‘We finish later,’ she said.", ["We start now.", "We finish later,"]),
    ("He said: ‘We start now. ‘Nobody will wait for us.’", ["We start now.", "Nobody will wait for us."]),
])
def test_single_marks_pair_where_an_article_quotes_with_them_alone(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("text", [
    # double marks quote here: the single ones are an apostrophe and a nested quote
    "“It is a ‘special bond’ with them,” he said. The team's 'plan' stands.",
    # no single mark that opens a run: apostrophes only
    "The players' union met at Ann O'Hara's house in the '90s; they're ready.",
])
def test_single_marks_are_not_paired_beside_double_ones(text: str) -> None:
    assert [t for t in _texts(text) if "special" not in t] == []
