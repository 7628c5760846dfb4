"""Config, errors, the data model and file primitives every stage uses."""
