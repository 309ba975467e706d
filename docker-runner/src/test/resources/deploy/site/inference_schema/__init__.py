"""A stand-in for the inference-schema package, for tests: only what the scoring server relies on."""
