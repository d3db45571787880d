"""One reviewer's pass through a packet: the current item, answers saved the moment they are given.

No UI here: the review app (``argmap.tui.reviewer``) and tests drive a
``ReviewSession``; every answer or note is written to the packet file at once
through ``save_packet`` (atomic), so stopping at any point loses nothing given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from argmap.review.packet import Packet, PacketItem, save_packet


def _now() -> datetime:
    return datetime.now(UTC)


class ReviewSession:
    """A packet file opened for review, with a cursor on one item (``index == len(items)``: the
    end)."""

    def __init__(
        self, packet: Packet, path: str | Path, clock: Callable[[], datetime] = _now
    ) -> None:
        self.packet = packet
        self.path = Path(path)
        self.clock = clock
        self.index = self.first_unanswered()

    @property
    def items(self) -> list[PacketItem]:
        """The packet's items, in order."""
        return self.packet.items

    @property
    def current(self) -> PacketItem | None:
        """The item under the cursor; ``None`` past the last one."""
        return self.items[self.index] if self.index < len(self.items) else None

    @property
    def at_end(self) -> bool:
        """True when the cursor is past the last item (the summary)."""
        return self.index >= len(self.items)

    def first_unanswered(self) -> int:
        """The index of the first item without a label, or ``len(items)`` when all are answered."""
        return next(
            (number for number, item in enumerate(self.items) if not item.answered), len(self.items)
        )

    def answer(self, label: str) -> None:
        """Give the current item ``label`` (a codebook label id), save, and move to the next
        item."""
        item = self._require_current()
        if label not in self.packet.codebook.label_ids:
            raise ValueError(f"label {label!r} is not in the codebook")
        self._change(item, label=label, answered_at=self.clock())
        self.index += 1

    def answer_number(self, number: int) -> str | None:
        """Answer with the codebook's ``number``-th label (1-based); ``None`` when there is no such
        label."""
        labels = self.packet.codebook.label_ids
        if not 1 <= number <= len(labels):
            return None
        self.answer(labels[number - 1])
        return labels[number - 1]

    def accept_suggestion(self) -> str | None:
        """Answer with the current item's suggested label; ``None`` when it has none (blind
        packets)."""
        item = self._require_current()
        if item.suggestion is None or item.suggestion.label not in self.packet.codebook.label_ids:
            return None
        self.answer(item.suggestion.label)
        return item.suggestion.label

    def set_note(self, note: str) -> None:
        """Save ``note`` on the current item (empty: no note); the cursor stays."""
        item = self._require_current()
        kept = note.strip() or None
        if kept == item.note:
            return
        self._change(item, note=kept, answered_at=self.clock())

    def skip(self) -> None:
        """Move to the next item without answering."""
        self.index = min(self.index + 1, len(self.items))

    def back(self) -> None:
        """Move to the previous item."""
        self.index = max(self.index - 1, 0)

    def go_to(self, index: int) -> None:
        """Move to item ``index`` (clamped; ``len(items)`` is the end)."""
        self.index = max(0, min(index, len(self.items)))

    def save(self) -> None:
        """Write the packet to its file atomically."""
        save_packet(self.packet, self.path)

    def label_counts(self) -> Counter[str]:
        """How many items have each label (codebook ids; unused labels count 0)."""
        counts = Counter(dict.fromkeys(self.packet.codebook.label_ids, 0))
        counts.update(item.label for item in self.items if item.label is not None)
        return counts

    @property
    def unanswered(self) -> int:
        """How many items have no label."""
        return len(self.items) - self.packet.answered

    def _change(self, item: PacketItem, **fields) -> None:
        """Set ``fields`` on ``item`` and save; when saving fails the item is put back as it was."""
        before = {name: getattr(item, name) for name in fields}
        for name, value in fields.items():
            setattr(item, name, value)
        try:
            self.save()
        except BaseException:
            for name, value in before.items():
                setattr(item, name, value)
            raise

    def _require_current(self) -> PacketItem:
        if self.current is None:
            raise IndexError("no current item: the review is at its end")
        return self.current
