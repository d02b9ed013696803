"""convocoach: prepare, rehearse and follow up a difficult client conversation."""

__version__ = "0.1.0"
