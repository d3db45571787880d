"""The workspace: one SQLite file holding a debate's documents, statements, speakers,
suggestions, annotations, claims, relations, codebook and edit log.

``open_workspace()`` / ``Workspace.init()`` give a ``Workspace``; its methods are
the single API the CLI and the UI use to read and edit the map.
"""

from argmap.store.core import WORKSPACE_FILE, find_workspace
from argmap.store.documents import AddReport
from argmap.store.errors import (
    EditConflict,
    EditError,
    LabelNotApplied,
    SchemaError,
    WorkspaceBusy,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceNotFound,
    WorkspaceReadOnly,
)
from argmap.store.records import (
    Claim,
    CodebookOutline,
    DocumentRow,
    Edit,
    OutletCount,
    Relation,
    RelationKind,
    RelationStatus,
    ReviewState,
    SpeakerRow,
    StatementRow,
    Status,
)
from argmap.store.schema import SCHEMA_VERSION
from argmap.store.statements import SORTS, StatementFilter
from argmap.store.workspace import Workspace, open_workspace

__all__ = [
    "SCHEMA_VERSION",
    "SORTS",
    "WORKSPACE_FILE",
    "AddReport",
    "Claim",
    "CodebookOutline",
    "DocumentRow",
    "Edit",
    "EditConflict",
    "EditError",
    "LabelNotApplied",
    "OutletCount",
    "Relation",
    "RelationKind",
    "RelationStatus",
    "ReviewState",
    "SchemaError",
    "SpeakerRow",
    "StatementFilter",
    "StatementRow",
    "Status",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceNotFound",
    "WorkspaceReadOnly",
    "find_workspace",
    "open_workspace",
]
