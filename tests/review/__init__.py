"""Tests of reviewer work: packets, assignment, agreement, collecting, and the reviewer's apps
(argmap.review, argmap.tui.reviewer)."""
