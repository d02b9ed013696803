"""After the meeting: what is due, each client's history, the outcomes over time."""
