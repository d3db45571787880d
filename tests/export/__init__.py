"""Tests of the exports (argmap.export), on a map built on the seed."""
