"""Tests of the workspace store (argmap.store), on the seed article."""
