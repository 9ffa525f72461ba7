"""Who said each quote: the ordered attribution rules, what they read, the cue grammar and mention resolution."""
