"""The one place the workspace asks for stance suggestions.

``argmap.stance`` (the annotation model) is built in parallel; until it is
installed, ``stance_suggestions`` returns None and no suggestion is stored (the
status says so). Nothing here invents a suggestion.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.codebook import Codebook
    from argmap.models import Suggestion


def suggestions_available() -> bool:
    """Whether the stance model package is installed."""
    from importlib.util import find_spec

    return find_spec("argmap.stance") is not None


def stance_suggestions(
    codebook: Codebook | None, texts: list[str], contexts: list[str], model_dir: Path | None = None
) -> list[Suggestion] | None:
    """One suggestion per text, or None when there is no codebook or no stance model package."""
    if codebook is None or not texts:
        return None
    try:
        from argmap import stance
    except ImportError:
        return None
    model = None
    if model_dir is not None and model_dir.is_dir():
        model = stance.load_stance_model(model_dir, codebook)
    return stance.suggest_stances(codebook, texts, contexts=contexts, model=model)
