"""Review states, the publish gate, automatic flags, near-duplicates."""
