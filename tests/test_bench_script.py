"""scripts/bench.py, scripts/linearity.py and the articles they read (scripts/corpus.py): inputs,
statistics and output shape (never their timings)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scripts import bench, corpus, linearity


# --- statistics ---------------------------------------------------------------------------------

@pytest.mark.parametrize("samples, q, expected", [
    ([5.0], 50, 5.0),
    ([5.0], 99, 5.0),
    ([1.0, 2.0, 3.0, 4.0], 50, 2.0),
    ([4.0, 3.0, 2.0, 1.0], 50, 2.0),  # order of the samples does not matter
    ([float(i) for i in range(1, 101)], 99, 99.0),
    ([float(i) for i in range(1, 101)], 100, 100.0),
    ([1.0, 2.0, 3.0], 0, 1.0),
])
def test_percentile_is_nearest_rank(samples: list[float], q: float, expected: float) -> None:
    assert bench.percentile(samples, q) == expected


@pytest.mark.parametrize("numer, denom, of_medians, median_of_ratios", [
    ([[2.0], [4.0], [6.0]], [[1.0], [2.0], [3.0]], 2.0, 2.0),
    ([[1.0, 3.0, 2.0]], [[1.0, 1.0, 1.0]], 2.0, 2.0),  # each article's median first
    ([[10.0], [10.0], [30.0]], [[10.0], [5.0], [10.0]], 1.0, 2.0),
])
def test_paired_ratio(numer: Any, denom: Any, of_medians: float, median_of_ratios: float) -> None:
    r = bench.paired_ratio(numer, denom)
    assert r["of_medians"] == pytest.approx(of_medians)
    assert r["median_of_ratios"] == pytest.approx(median_of_ratios)


# --- articles -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("One.\n\nTwo.\n", ["One.", "Two."]),
    ("One.\nTwo.", ["One.", "Two."]),
    ("\n \n\t\n", []),
    ("", []),
])
def test_paragraphs_are_non_blank_lines(text: str, expected: list[str]) -> None:
    assert corpus.paragraphs_of(text) == expected


def test_synthetic_articles_are_seed_paragraphs_and_repeatable(seed_text: str) -> None:
    seed_paras = set(corpus.paragraphs_of(seed_text))
    first = corpus.synthetic_articles(seed_text, 3)
    assert [a.text for a in first] == [a.text for a in corpus.synthetic_articles(seed_text, 3)]
    assert len({a.text for a in first}) == 3
    for article in first:
        assert set(corpus.paragraphs_of(article.text)) <= seed_paras


@pytest.mark.parametrize("lines, count, expected_ids", [
    (['{"id": "a", "text": "First."}', '{"id": "b", "text": "Second."}'], 1, ["seed", "a"]),
    (['{"id": "a", "text": "First."}', "", '{"id": "b", "text": "Second."}'], 5, ["seed", "a", "b"]),
    (['{"id": "a", "text": "First."}'], 0, ["seed"]),
])
def test_dev_articles_follow_the_seed(tmp_path: Path, lines: list[str], count: int,
                                      expected_ids: list[str]) -> None:
    dev = tmp_path / "dev.jsonl"
    dev.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, source = corpus.load_articles(count, dev)
    assert [a.id for a in articles] == expected_ids
    assert "synthetic" not in source


def test_missing_dev_set_falls_back_to_synthetic_and_says_so(tmp_path: Path) -> None:
    articles, source = corpus.load_articles(2, tmp_path / "absent.jsonl")
    assert [a.id for a in articles] == ["seed", "synthetic-1", "synthetic-2"]
    assert "synthetic" in source and "not found" in source
    paras, para_source = corpus.corpus_paragraphs(tmp_path / "absent.jsonl")
    assert paras and "seed" in para_source


@pytest.mark.parametrize("paras, words, start, expected", [
    (["a b", "c d e"], 1, 0, "a b\n"),
    (["a b", "c d e"], 3, 0, "a b\n\nc d e\n"),
    (["a b", "c d e"], 6, 0, "a b\n\nc d e\n\na b\n"),  # cycles
    (["a b", "c d e"], 3, 1, "c d e\n"),
])
def test_long_text_is_whole_paragraphs(paras: list[str], words: int, start: int, expected: str) -> None:
    assert linearity.build_text(paras, words, start) == expected


def test_long_text_needs_words() -> None:
    with pytest.raises(ValueError):
        linearity.build_text(["  ", ""], 10)


# --- arguments ----------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["--articles", "-1"],
    ["--reps", "0"],
    ["--rounds", "0"],
    ["--concurrency", "0"],
    ["--skip", "everything"],
    ["--articles", "many"],
])
def test_bad_arguments_are_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        bench.parse_args(argv)


def test_arguments_have_defaults_for_make_bench() -> None:
    a = bench.parse_args([])
    assert (a.articles, a.rounds, a.concurrency) == (20, 5, 4)
    assert a.out == bench.OUT_PATH and a.skip == []


# --- output shape on a tiny run (the seed alone, no HTTP) ---------------------------------------

def test_tiny_run_gives_the_table_and_json(nlp: Any, tmp_path: Path) -> None:
    args = bench.parse_args(["--articles", "0", "--reps", "1", "--dev", str(tmp_path / "absent.jsonl"),
                             "--skip", "http", "--skip", "linearity", "--out", str(tmp_path / "b.json")])
    results = bench.run(args, nlp=nlp, log=lambda _m: None)
    json.dumps(results)  # JSON-ready
    assert results["articles"] == 1
    assert {"bare", "parse", "extract", "core", "ratios", "cpu_ms_per_article"} <= set(results["core"])
    assert set(results["components"]["ms_per_article"]) == {"tokenizer", *nlp.pipe_names}
    assert "http" not in results and "linearity" not in results
    text = bench.report(results)
    assert "bare nlp(text), all components" in text and "core: parse() + extract()" in text


def test_linearity_shape_on_small_sizes(nlp: Any, seed_text: str) -> None:
    paras = corpus.paragraphs_of(seed_text)
    lin = linearity.measure_linearity(nlp, paras, reps=1, windows=2, short_words=60,
                                      long_words=300, probe_words=120, budget_s=1e9)
    assert lin["long"]["words"] >= 300 and lin["probe"]["words"] >= 120
    assert len(lin["short"]["words_each"]) == 2
    assert lin["ratio"] > 0 and lin["ratio_is_projected"] is False
    assert "ratio long/short" in linearity.describe(lin)


def test_linearity_skips_the_long_text_past_its_budget(nlp: Any, seed_text: str) -> None:
    lin = linearity.measure_linearity(nlp, corpus.paragraphs_of(seed_text), reps=1, windows=1,
                                      short_words=60, long_words=100_000, probe_words=120, budget_s=0.0)
    assert lin["long"] is None and lin["ratio_is_projected"] is True
    assert "PROJECTED" in linearity.describe(lin)
