"""argmap's terminal UI (Textual). Imports the core; the core never imports this package.

``ArgmapApp`` (``argmap.tui.app``) is started by ``argmap open``; every edit goes
through the ``Workspace`` API (``argmap.store``), as the command line's do.
``argmap.tui.reviewer`` is the packet review app of ``argmap review``.
"""
