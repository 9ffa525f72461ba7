"""Word lists as typed data, each with a line on what it holds; this package imports nothing but spaCy."""
