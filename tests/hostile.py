"""Hostile articles, made up from invented words: many quotes in one sentence, run-on text with
no sentence end, and ordinary-looking prose crowded with quotes and named people. The tests of
the core's bounds use them, and so can an acceptance or profiling script.
"""
from __future__ import annotations

import random

_SYLLABLES = ("ba", "ko", "ri", "ten", "mol", "sa", "vu", "del", "pra", "nim", "lo", "zer")
_FIRST = ("Ana", "Boris", "Cato", "Dela", "Emeric", "Fenna", "Gil", "Hesper", "Ilse", "Joro")
_LAST = ("Lee", "Varnet", "Oskow", "Pellin", "Quade", "Rusk", "Somer", "Tallis", "Ulver", "Wenzel")
_ROLES = ("the mayor of Brindle", "a senator from Corvo", "the chief of Halden Works", "a teacher")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))


def repeated_quotes(word: str, n: int) -> str:
    """``n`` one-word quotes in a row, one sentence with no words of the reporter's: '"a" "a" ...'."""
    return f'"{word}" ' * n


def run_on(chars: int, quotes: int, seed: int = 7) -> str:
    """About ``chars`` characters of lower-case invented words with no sentence-ending punctuation
    and no line break, ``quotes`` one-word quotes spread evenly through it."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < chars:
        words.append(_word(rng))
        size += len(words[-1]) + 1
    step = max(1, len(words) // max(1, quotes))
    for n in range(min(quotes, len(words))):
        at = n * step
        words[at] = f'"{words[at]}"'
    return " ".join(words)


def crowded_prose(chars: int, seed: int = 11) -> str:
    """About ``chars`` characters of ordinary-looking paragraphs, each with several quotes and named
    people ('"...," Ana Lee said.', 'Varnet, the mayor of Brindle, called it "a ..."', 'he said')."""
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < chars:
        sents = []
        for _ in range(rng.randint(3, 6)):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            words = " ".join(_word(rng) for _ in range(rng.randint(3, 8)))
            sents.append(rng.choice((
                f'"{words.capitalize()}," {first} {last} said.',
                f'{first} {last}, {rng.choice(_ROLES)}, called the plan "{words}" and left.',
                f'"{words.capitalize()}," he said. "{_word(rng).capitalize()} {_word(rng)}."',
                f'{last} told reporters that the {_word(rng)} was "{words}" and "{_word(rng)}".',
                f'According to {first} {last}, the {_word(rng)} is "{words}."',
                f'The {_word(rng)} of {first} {last} went on for {rng.randint(2, 90)} days.',
            )))
        paras.append(" ".join(sents))
        size += len(paras[-1]) + 2
    return "\n\n".join(paras)
