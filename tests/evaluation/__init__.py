"""Tests of reading gold and scoring extraction against it (argmap.evaluation)."""
