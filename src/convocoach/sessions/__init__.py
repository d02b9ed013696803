"""Sessions: one prepared conversation each, kept in a local SQLite database."""
