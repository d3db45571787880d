"""Tests of the command line (argmap.cli), one file per module of argmap/cli."""
