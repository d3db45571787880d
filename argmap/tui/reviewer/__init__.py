"""``argmap review PACKET.json``: label one packet's items, offline, one at a time."""

from argmap.tui.reviewer.app import ReviewApp


def review_binding_ids() -> set[str]:
    """Every binding id of the review and adjudication apps (a keys file can remap them)."""
    from argmap.tui.reviewer.adjudicate import AdjudicateApp, DisputeScreen
    from argmap.tui.reviewer.app import ItemScreen
    from argmap.tui.reviewer.screens import SummaryScreen

    classes = (ReviewApp, ItemScreen, SummaryScreen, AdjudicateApp, DisputeScreen)
    return {binding.id for cls in classes for binding in cls.BINDINGS if binding.id}


__all__ = ["ReviewApp", "review_binding_ids"]
