"""Every word list of the core, typed ``Final``, each with a line on what it holds; this package
imports nothing but spaCy, typing and the standard library (``tests/test_lexicon_layout.py``).

Where a word goes:
- ``cues``: verbs and nouns of saying (speech, framing, naming, reporting and writing verbs,
  speech and utterance nouns), and the test for a speech verb;
- ``people``: nouns for a person, for people, for bodies that speak as one;
- ``documents``: writings and recordings that speak for whoever issued them;
- ``names``: honorifics and titles before a name, given names and their usual gender
  (``data/given_names.tsv``, built by ``scripts/given_names.py``), gendered nouns;
- ``titles``: roles and positions, their abbreviations, qualifiers and verbs;
- ``parties``, ``places``: party words, countries, seats of government;
- ``events``: event nouns, outlets, audiences, and the verbs and prepositions of events;
- ``works``: the words around titles of works;
- ``function_words``: pronouns, relatives, determiners, the possessive, connectives;
- ``punctuation``: marks as the tokenizer gives them;
- ``grammar``: spaCy's dependency labels, entity types, part-of-speech and tags, as named sets.
Lists that overlap are kept apart where one list for both uses changes answers; each says so.
"""
