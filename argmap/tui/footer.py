"""Textual's Footer, rebuilt only when the keys it shows change.

The stock Footer rebuilds its keys (and so lays out the whole screen again) at every change
of focus or bindings, even when it would show the same keys: at start-up that is about ten
layouts of a full screen after the first frame, each one delaying the keys pressed meanwhile.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """A Footer that skips a rebuild when the shown keys, their descriptions and states are the
    same."""

    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            shown = tuple(
                (binding.key, binding.description, binding.action, enabled, tooltip)
                for _, binding, enabled, tooltip in screen.active_bindings.values()
                if binding.show or binding.action == "command_palette"
            )
            if shown == self._shown and self._bindings_ready:
                return
            self._shown = shown if screen.app.app_focus else None
        super().bindings_changed(screen)
