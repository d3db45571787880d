"""Writing a file atomically (argmap.io.atomic)."""

import pytest

from argmap.io.atomic import write_atomic


def test_atomic_write_never_leaves_a_half_written_file(tmp_path):
    target = tmp_path / "map.json"
    target.write_text("old", encoding="utf-8")

    def fails(stream):
        stream.write("half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomic(target, fails)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]
    write_atomic(target, lambda stream: stream.write("new"))
    assert target.read_text(encoding="utf-8") == "new"
