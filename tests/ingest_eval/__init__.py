"""Issue 16's evaluation set for boilerplate and byline recognition (cases.py) and the
summariser's reference implementation (summarize_reference.py)."""
