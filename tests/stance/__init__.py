"""Tests of the stance models (argmap.stance) on the two debates' codebooks, and of the labelled
sets they are measured on."""
