"""Where the quoted runs are and what frames them: quote marks, sentences, frames, and the filters that drop non-quotes."""
