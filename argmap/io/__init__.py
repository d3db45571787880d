"""Reading articles in, writing results out: files, decoding, atomic writes, JSON Lines and
tables."""
