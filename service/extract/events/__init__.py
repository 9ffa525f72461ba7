"""What surrounds a quote: the claim (the reporter's framing) and the event the words came from."""
