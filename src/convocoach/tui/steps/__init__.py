"""One widget per step of a session."""
