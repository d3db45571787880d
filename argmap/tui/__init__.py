"""argmap's terminal UI (Textual): browse and edit a workspace's argument map.

``ArgmapApp`` (``argmap.tui.app``) is started by ``argmap open``; every edit goes
through the ``Workspace`` API (``argmap.store``), as the command line's do.
"""
