"""Measuring argmap against gold: the gold formats, extraction scores, stance scores."""
