"""The follow-up email: context, templates, and every output format."""
