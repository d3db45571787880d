"""Tests of the terminal UI (argmap.tui) driven by Textual's Pilot, with snapshots of its views."""
