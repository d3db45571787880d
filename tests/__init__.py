"""argmap's tests, one folder per package of argmap (see conftest.py and helpers.py here)."""
