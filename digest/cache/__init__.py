"""The only package that knows caches exist: build cache, fingerprints, manifest, fast paths."""
