"""Who is in the article: the people it names, the words that make a name, and the pronouns that stand for them."""
