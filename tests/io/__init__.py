"""Tests of reading and writing files (argmap.io)."""
