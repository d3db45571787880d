"""What can go wrong with a workspace, as errors the user can act on (one-line messages)."""

from __future__ import annotations

from argmap.errors import ArgmapError


class WorkspaceError(ArgmapError):
    """A workspace problem the user can act on; the message is one line."""


class WorkspaceBusy(WorkspaceError):
    """Another process held the workspace for longer than the busy timeout."""


class WorkspaceNotFound(WorkspaceError):
    """No workspace in the directory or its parents."""


class WorkspaceDamaged(WorkspaceError):
    """The workspace file is damaged (SQLite finds it malformed); nothing is written to it."""


class WorkspaceReadOnly(WorkspaceError):
    """The workspace file, or its folder, cannot be written."""


class SchemaError(WorkspaceError):
    """The file is not an argmap workspace this version can read."""


class EditError(WorkspaceError):
    """An edit that cannot be made (unknown id, bad label, nothing to undo ...)."""


class LabelNotApplied(EditError):
    """A label older than the annotator's current one: kept out, the newer one stays."""


class EditConflict(EditError):
    """An edit made on a view read before another person changed the same row: refused, so
    nothing they changed is silently overwritten (reload and edit again)."""


class AccessRefused(WorkspaceError):
    """The database refused what the user's role may not do in this workspace (a reviewer
    writing outside their assignment, anyone but the owner changing its roles)."""
