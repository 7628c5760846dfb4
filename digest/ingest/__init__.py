"""seeds -> entries: decode, parse, boilerplate, summarise, write."""
