"""Pure functions on text: Arabic character classes, hashtags, bidi, slugs, safe characters."""
