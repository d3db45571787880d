"""Fixtures of the tests of several people on one workspace, on both backends: ``target``
(tests/conftest.py) gives the seed workspace on each."""
