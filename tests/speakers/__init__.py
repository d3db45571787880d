"""Tests of speaker names, resolution across documents and the alias table (argmap.speakers)."""
