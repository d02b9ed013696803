"""The terminal app (Textual). Everything here sits on top of the core; nothing below imports it."""
