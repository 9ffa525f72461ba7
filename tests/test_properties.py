"""Property tests: generated text rich in quote marks, names and cue words never breaks the answer.

For any text: 200 (or 422 when empty), every quote's text is input[start:end], quotes do not
overlap, every non-null speaker id is in ``speakers``, ``continues`` points to an earlier quote
(``check_answer`` in conftest). Texts are short and examples few: this runs in every ``make test``.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MARKS = ["“", "”", '"', "‘", "’", "'", "''", "``", "«", "»", "„", "‹", "›"]
NAMES = ["Anna Lindqvist", "Lindqvist", "Mr. Okafor", "Dr. Chen Wei", "the minister", "a spokeswoman",
         "She", "he", "they", "O'Brien", "Jean-Luc Moreau"]
CUES = [" said", " told reporters", " added", "according to ", " warned", " asked", ": ", " insisted that ",
        " said in a statement", " tweeted"]
ODD = ["\n", "\n\n", "\r\n", "\t", "\x00", "\x07", "\x1b", "\x7f", "\u200f", "\u200e", "\u202e", "\u2028",
       "\ufeff", "😀", "👩‍👩‍👧", "🇰🇷", "…", "—", "–", "\u00a0"]
WORDS = [" we will ", " not ", " the budget ", " is final", ",", ".", "?", "!", " ", "It", "I'm", "’90s",
         "students’", "rock ’n’ roll"]

fragment = st.one_of(
    st.sampled_from(MARKS), st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(ODD),
    st.sampled_from(WORDS), st.text(max_size=4),
)
article = st.lists(fragment, max_size=40).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article)
def test_any_text_gets_a_consistent_answer(client, check, text):
    response = client.post("/v1/quotes", json={"text": text, "id": "p"})
    if text == "":
        assert response.status_code == 422
        return
    assert response.status_code == 200, response.get_json()
    check(text, response.get_json())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(article.filter(bool), min_size=1, max_size=4))
def test_batch_of_generated_texts_is_consistent(client, check, texts):
    response = client.post("/v1/quotes/batch", json={"articles": [{"text": t} for t in texts]})
    assert response.status_code == 200
    for text, result in zip(texts, response.get_json()["results"], strict=True):
        check(text, result)
