"""Agreement between reviewers for the status line: Krippendorff's alpha (nominal) over the
statements two people or more labelled, the figure `argmap agreement` gives for the workspace.

Read with one query (``paired_labels``); the statistics modules (pydantic, numpy, krippendorff)
are imported only when some statement has two people's labels, and the app measures in a thread
after its first screen, so neither slows the board.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.store.views import paired_labels

#: Alpha on fewer paired statements than this is shown as "α –": one statement says nothing of
#: chance agreement.
MIN_ITEMS = 2


@dataclass(frozen=True, slots=True)
class Agreement:
    """Alpha (None: undefined) over ``items`` statements with labels from two people or more."""

    alpha: float | None
    items: int

    def text(self, *, short: bool = False) -> str:
        """'α 0.412 over 16 items' (short: 'α 0.412'); 'α –' when alpha is undefined or rests
        on fewer than ``MIN_ITEMS`` statements."""
        shown = "α –" if self.alpha is None or self.items < MIN_ITEMS else f"α {self.alpha:.3f}"
        if short:
            return shown
        return f"{shown} over {self.items} item{'' if self.items == 1 else 's'}"


def measure_agreement(workspace) -> Agreement | None:
    """Alpha (nominal) over people's labels in ``workspace``, as ``argmap agreement`` computes it
    (``argmap.review.agreement.nominal_alpha``); None when no statement has two people's labels."""
    units = paired_labels(workspace)
    if not units:
        return None
    from argmap.review.agreement import nominal_alpha

    outline = workspace.codebook_outline
    labels = list(outline.label_ids) if outline else []
    # a label the codebook no longer has still counts (an unused one changes nothing)
    labels += sorted({label for unit in units.values() for label in unit.values()} - set(labels))
    statistic = nominal_alpha(units.values(), labels)
    return Agreement(statistic.value, len(units))
