"""Who "I" is outside quotation marks: the article's own writer.

A column, an op-ed, a letter or a book excerpt speaks in the first person ("I asked Bernie
Sanders if he would ever endorse Hillary Clinton"). Outside a quotation, that "I" is never the
last person quoted; it is the writer, named where the text names them:

- a signature, a line that is a name alone after the writer's paragraphs ("Vicki Venhuizen."
  under a letter to the editor);
- the line about the writer at the end ("Zachary Jonathan Jacobson is a Cold War historian.",
  "Gaudiano is a Washington-based reporter for the USA TODAY NETWORK.");
- a byline or a credit ("By Ann Coulter", "From STEALING AMERICA by Dinesh D'Souza.", a news
  database's "BYLINE: Amber Phillips.");
- a headline that opens with the writer's name ("Ann Coulter: And Then There Was the One."),
  unless what follows the name is a quotation of them ("Marco Rubio: ‘You Don’t Win ...’").

Failing all of these, the writer is "the author", one speaker in its document.
Pure functions of the text; ``SpeakerTracker`` asks them.
"""

from __future__ import annotations

import re

from argmap.speakers.wordlists import NAME_PARTICLE_PATTERN

__all__ = ["NARRATOR", "signature_after", "writer_named"]

NARRATOR = "the author"

_WORD = r"[A-Z][\w’'.-]*"
# A full name: two to four capitalised words (an initial or a particle such as "de" allowed).
_NAME = rf"{_WORD}(?:\s+(?:{NAME_PARTICLE_PATTERN}\s+)?{_WORD}){{1,3}}"
# A line that is a name alone, the signature under a letter.
_SIGNATURE = re.compile(rf"^({_NAME})\.?$", re.MULTILINE)
# The line about the writer: "Charlotte Meehan is playwright-in-residence at ...".
_ABOUT = re.compile(rf"({_NAME}|{_WORD}) (?:is|was|has been) (?:a|an|the|[a-z][\w-]*-)")
_BYLINE = re.compile(rf"(?:^By|\bby|^BYLINE:) ({_NAME})(?=[.,;\n]|$)", re.MULTILINE)
# (not a headline that quotes the person: "Marco Rubio: ‘You Don’t Win The Nomination ...’")
_HEADLINE = re.compile(rf"\A({_NAME}):\s+(?![‘'\"“])")
# Words a name of the writer never holds: what a capitalised sentence opening is instead.
_NOT_A_NAME = frozenset(
    """
    The A An This That These Those It He She They We I You Copyright Reprinted Editor Editors
    Note Photo Follow Contact Read More Related Letters Opinion
    """.split()
)
_LAST_PARAGRAPHS = 600  # characters from the end where a byline or credit is looked for
_SIGNED_WITHIN = 2500  # characters after an "I" in which its letter's signature is looked for


def _is_name(name: str) -> bool:
    words = name.split()
    return not any(w.rstrip(".’'") in _NOT_A_NAME for w in words) and not name.isupper()


def signature_after(text: str, position: int) -> str | None:
    """The name signed under the letter that holds ``position``: the first line after it that
    is a name alone, within a few paragraphs; None when none follows."""
    end = min(len(text), position + _SIGNED_WITHIN)
    line_end = text.find("\n", position)
    if line_end < 0:
        return None
    for found in _SIGNATURE.finditer(text, line_end + 1, end):
        name = found.group(1).rstrip(".")
        if _is_name(name) and " " in name:
            return name
    return None


def writer_named(text: str) -> str | None:
    """The writer's name as the text gives it (see the module doc), or None."""
    body = text.rstrip()
    last = body.rfind("\n") + 1  # the line about the writer is the text's last paragraph
    found = _ABOUT.match(body, last)
    if found is not None and _is_name(found.group(1)):
        return found.group(1)
    tail_start = max(0, len(text) - _LAST_PARAGRAPHS)
    head = text[:400]
    for where in (text[tail_start:], head):
        for found in _BYLINE.finditer(where):
            if _is_name(found.group(1)):
                return found.group(1)
    found = _HEADLINE.match(text)
    if found is not None and _is_name(found.group(1)):
        return found.group(1)
    return None
