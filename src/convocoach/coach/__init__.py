"""The coach: a rubric of explainable rules that judges a reply."""
