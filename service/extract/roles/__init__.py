"""A speaker's role and affiliation: where the article gives them, and choosing one pair."""
