"""Writing a file atomically (argmap.io.atomic)."""

import os
import stat
import threading

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


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_is_written_to_not_replaced(tmp_path):
    # `argmap export json -o /dev/null` replaced /dev/null with a regular file (as root): a
    # path that is a device or a pipe takes the text as it is and stays what it was
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    read: list[str] = []
    reader = threading.Thread(
        target=lambda: read.append(pipe.read_text(encoding="utf-8")), daemon=True
    )
    reader.start()
    write_atomic(pipe, "the map\n")
    reader.join(timeout=10)
    assert read == ["the map\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left
