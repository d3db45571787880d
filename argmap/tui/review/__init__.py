"""``argmap review PACKET.json``: label one packet's items, offline, one at a time."""

from argmap.tui.review.app import ReviewApp

__all__ = ["ReviewApp"]
