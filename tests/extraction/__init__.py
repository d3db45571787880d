"""Tests of the extractor (argmap.extraction): construction by construction, on the seed
article, and its quality targets."""
