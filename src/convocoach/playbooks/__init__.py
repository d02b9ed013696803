"""Playbooks: the YAML format, its loader and the library of bundled and user playbooks."""
