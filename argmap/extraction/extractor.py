"""Find attributed statements in a document: the extractor's entry point."""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.extraction import lexicon as lx
from argmap.extraction.clauses import Finding, Span, clause_subject, trim_end
from argmap.extraction.layout import (
    INVISIBLE,
    Quote,
    blank_markup,
    dateline_end,
    find_quotes,
    has_words,
    is_abbreviation,
    mask_quotes,
    sentence_units,
)
from argmap.extraction.units import (
    find_in_unit,
    headline_finding,
    is_title,
    join_attribution_tails,
    speaker_label,
)
from argmap.models import Document, Statement, StatementKind, content_id
from argmap.spans import paragraphs
from argmap.speakers.coref import SpeakerTracker

_TERMINAL = ".?!\"”’'»:)"
_EDGE = " \t,.;:—–" + INVISIBLE


def extract_statements(document: Document) -> list[Statement]:
    """Every statement in ``document`` with its cue and speaker mention, in text order.

    ``Statement.speaker`` holds the speaker's name as resolved inside this
    document (titles stripped, surnames and pronouns resolved); ``speaker_id``
    is left for cross-document resolution to fill in.
    """
    return list(iter_statements(document))


def iter_statements(document: Document) -> Iterator[Statement]:
    """Statements of ``document`` paragraph by paragraph (bounded memory per paragraph).

    A content span is reported once: where two attributions claim the same words
    ('most in both states supported ...' read with two cues), the first, most
    confident one stands, so statement ids (from the span) are unique in a document.
    """
    for fields in statement_fields(document):
        yield Statement(**fields)


def statement_fields(document: Document) -> Iterator[dict]:
    """What ``iter_statements`` gives, each statement as the dict of its fields (``Statement``'s
    keyword arguments, in its field order, ``speaker_id`` None), no model built: for a caller
    that changes them or only writes them out (``argmap.extraction.corpus``)."""
    seen: set[str] = set()
    for fields in _statements(document):
        if fields["id"] not in seen:
            seen.add(fields["id"])
            yield fields


def _statements(document: Document) -> Iterator[dict]:
    """Every statement the patterns find (its fields), in document order; may repeat a span."""
    text = document.text
    if document.name.lower().endswith((".md", ".markdown")):
        text = blank_markup(text)  # analysed without markup; statements still quote document.text
    tracker = SpeakerTracker(text)
    # The speaker a verbless quotation continues: the last one quoted, else the last named.
    last_quoted: tuple[Span, int] | None = None  # mention span (document offsets), paragraph index
    last_named: tuple[Span, int] | None = None
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        par = text[p_start:p_end]
        quotes = find_quotes(par)
        headline = headline_finding(par) if ":" in par else None
        if headline is not None:
            # 'Sanders: Clinton Email Story Has Moved.' (a headline that opens with its source)
            yield _statement(
                document, tracker, par, p_start, quotes, headline, headline.mention, False
            )
            continue
        if par[-1] not in _TERMINAL and not has_words(par, 40) and not quotes:
            continue  # a headline, caption or page furniture, not running text
        masked = mask_quotes(par, quotes)
        body = dateline_end(par)
        for lo, hi in join_attribution_tails(masked, sentence_units(par, quotes)):
            lo = max(lo, body)
            if par[lo] == "<":
                continue  # markup left in the text, not prose
            findings = _dedupe(masked, find_in_unit(par, masked, lo, hi, quotes))
            label = speaker_label(par, lo, hi) if lo == body else None
            if label is not None and not any(
                f.content.start <= label.content.start for f in findings
            ):
                # the labelled speaker's words: attributions inside them are only reported by
                # the speaker
                findings = [label] + [f for f in findings if f.content.start >= label.content.end]
            if not findings:
                cont = _continuation(par, masked, lo, hi, quotes)
                previous = last_quoted or last_named
                if cont and previous and index - previous[1] <= 2:
                    yield _statement(
                        document, tracker, par, p_start, quotes, cont, previous[0], True
                    )
                elif hi == len(par) and par.endswith(":"):
                    # 'Sanders made the following comment:' introduces the quotation below
                    subject = clause_subject(masked, lo, hi - 1, main=True)
                    if subject is not None:
                        last_quoted = (Span(subject.start + p_start, subject.end + p_start), index)
                continue
            quoting: tuple[int, Span] | None = (
                None  # (rank, mention) of the unit's best quotation speaker
            )
            for finding in findings:
                mention = None
                if finding.mention:
                    trimmed = _trim_mention(par, finding.mention)
                    mention = Span(trimmed.start + p_start, trimmed.end + p_start)
                    if text[mention.start : mention.end].lower() not in ("who", "which", "that"):
                        last_named = (mention, index)
                        quoted = any(
                            finding.content.start <= q.start < finding.content.end for q in quotes
                        )
                        if quoted or finding.pattern == "intro":
                            # a quotation followed by its speaker ('"...," Dunn asked') outranks
                            # a quoted fragment inside reported speech
                            rank = (
                                2
                                if finding.pattern in _QUOTE_FIRST or finding.pattern == "intro"
                                else 1
                            )
                            if quoting is None or rank >= quoting[0]:
                                quoting = (rank, mention)
                        elif last_quoted and tracker.resolve(*mention) == tracker.resolve(
                            *last_quoted[0]
                        ):
                            last_quoted = (
                                mention,
                                index,
                            )  # 'Greene added that ...': the same speaker, named again
                        elif last_quoted and last_quoted[1] < index:
                            last_quoted = None
                if finding.pattern != "intro":
                    yield _statement(
                        document, tracker, par, p_start, quotes, finding, mention, False
                    )
            if quoting is not None:
                last_quoted = (quoting[1], index)


def _dedupe(masked: str, findings: list[Finding]) -> list[Finding]:
    """Drop repeated findings and attributions nested inside another's content.

    In 'Trump said Clinton once described the deal as "the gold standard"'
    the article reports Trump's claim: the words are his statement, and
    Clinton's description is only reported through him. But where the inner
    attribution opens a new main clause ('When Clinton noted that ..., Trump
    boasted, "..."'), the outer content ends before it and both stand.
    """
    if len(findings) < 2:
        return findings  # most units: nothing to compare
    findings = sorted(findings, key=lambda f: (f.content.start, -f.confidence))
    kept: list[Finding] = []
    for f in findings:
        if f.pattern == "shared-subject":
            # 'denounced Trump's rhetoric and said it would ...': the first verb's content ends
            # at the 'and' of the second
            for n, k in enumerate(kept):
                if (
                    k.mention is not None
                    and f.mention is not None
                    and k.mention.start < f.mention.end
                    and f.mention.start < k.mention.end
                    and k.content.start < f.cue.start < k.content.end
                ):
                    joint = _AND_END.search(masked, k.content.start, f.cue.start)
                    if joint is not None and joint.start() - k.content.start >= 3:
                        kept[n] = k._replace(content=Span(k.content.start, joint.start()), parts=())
        if any(k.content == f.content and k.mention == f.mention for k in kept):
            continue
        mention = f.mention
        outer = next(
            (
                k
                for k in kept
                if mention
                and k.content.start <= min(f.cue.start, mention.start)
                and f.content.end <= k.content.end
            ),
            None,
        )
        if (
            outer is not None
            and f.pattern in _QUOTE_FIRST
            and f.content.start > outer.content.start
        ):
            # 'Trump asserted that France had lost its identity: "France is no longer France,"
            # he claimed': the quotation and its own attribution end the outer content
            cut = trim_end(masked, outer.content.start, f.content.start, ",:;—–")
            kept.remove(outer)
            if cut - outer.content.start >= 3:
                kept.append(outer._replace(content=Span(outer.content.start, cut), parts=()))
        elif (
            outer is not None
            and mention is not None  # an outer finding is only looked for with a mention
            and not _in_relative_clause(masked, outer.content.start, f)
        ):
            clause_end = _clause_break(masked, outer.content.start, min(f.cue.start, mention.start))
            if (
                clause_end is not None
                and outer.parts
                and clause_end <= outer.parts[-1].start <= min(f.cue.start, mention.start)
            ):
                # 'Six months ago, the senator said, the media considered him a "fringe
                # candidate"': the comma is the attribution's own; the words go on
                clause_end = None
            if clause_end is None:
                if masked[f.cue.start : f.cue.end] in lx.NESTED_CUES:
                    kept.append(f)  # 'Whitlock said, adding that he told Trump to stay focused'
                continue
            kept[kept.index(outer)] = outer._replace(
                content=Span(outer.content.start, clause_end), parts=()
            )
        kept.append(f)
    return sorted(kept, key=lambda f: f.content.start)


_AND_END = re.compile(r",?\s+(?:and|but)\s+(?:(?:also|then|later|has|had|have)\s+)*$")
_QUOTE_FIRST = {"post", "inverted", "split"}  # patterns whose content comes before the speaker


_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which)\s*$", re.IGNORECASE)


def _in_relative_clause(masked: str, lo: int, finding: Finding) -> bool:
    """True for an attribution opening a relative or parenthetical clause inside another's content:
    '..., who he blasted as a "bully"', 'which he added "is deeply regrettable"'."""
    if finding.mention is None:
        return False
    start = min(finding.cue.start, finding.mention.start)
    return bool(_RELATIVE_BEFORE.search(masked, max(lo, start - 12), start))


def _clause_break(masked: str, lo: int, at: int) -> int | None:
    """The end of the content before a speaker phrase that follows ', ' or a dash, if any."""
    k = at - 1
    while k > lo and masked[k].isspace():
        k -= 1
    if masked[k] in ",―—–;":
        end = k
        while end > lo and (masked[end - 1].isspace() or masked[end - 1] in ",―—–;"):
            end -= 1
        return end if end - lo >= 3 else None
    return None


def _continuation(par: str, masked: str, lo: int, hi: int, quotes: list[Quote]) -> Finding | None:
    """A unit that is a quotation with no attribution of its own: it continues the last speaker."""
    first = par[lo:hi].lstrip()
    inside = [q for q in quotes if q.start >= lo and q.start < hi]
    if not inside or not first or first[0] not in "\"“«‘'":
        return None
    q = inside[0]
    inner = q.inner_text(par)
    whole_unit = par[q.end : hi].strip(" .,;:!?") == ""
    if not has_words(inner, 2 if whole_unit else 4) or is_title(par, q):
        return None  # too short, or a title ('Legend in the Coal Fields')
    span = Span(q.start, min(q.end, hi))
    return Finding(span, Span(q.start, q.start), None, (), "continuation", 0.5)


def _kind(par: str, pieces: list[Span] | tuple[Span, ...], quotes: list[Quote]) -> StatementKind:
    """Direct when the content's letters and digits are all quoted, mixed when some are, else
    indirect."""
    if not any(q.start < p.end and q.end > p.start for q in quotes for p in pieces):
        return StatementKind.INDIRECT
    # the quotations neither overlap nor nest, so it is enough to know whether any letter is
    # quoted and whether any is not: each search stops at the first it meets
    quoted = unquoted = False
    for piece in pieces:
        at = piece.start
        for q in quotes:
            inner_lo, inner_hi = q.inner
            lo, hi = max(inner_lo, piece.start), min(inner_hi, piece.end)
            if hi > lo:
                unquoted = unquoted or _ALNUM.search(par, at, lo) is not None
                quoted = quoted or _ALNUM.search(par, lo, hi) is not None
                at = hi
        unquoted = unquoted or _ALNUM.search(par, at, piece.end) is not None
    if quoted and not unquoted:
        return StatementKind.DIRECT
    return StatementKind.MIXED if quoted else StatementKind.INDIRECT


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() holds true: \w but "_"


def _trim_mention(par: str, span: Span) -> Span:
    """Drop trailing punctuation from a speaker mention, but not an abbreviation's full stop."""
    end = span.end
    while (
        end > span.start
        and (par[end - 1].isspace() or par[end - 1] in ",;:.")
        and not (par[end - 1] == "." and is_abbreviation(par, end - 1))
    ):
        end -= 1
    return Span(span.start, end)


def _strip_marks(par: str, span: Span) -> Span:
    """Trim punctuation and quotation marks from both ends of a direct quote."""
    start, end = span
    while start < end and (par[start] in _EDGE or par[start] in "\"“”«»‘’'"):
        start += 1
    while end > start and (par[end - 1] in _EDGE or par[end - 1] in "\"“”«»‘’'"):
        end -= 1
    return Span(start, end)


def _statement(
    document: Document,
    tracker: SpeakerTracker,
    par: str,
    offset: int,
    quotes: list[Quote],
    finding: Finding,
    mention: Span | None,
    continued: bool,
) -> dict:
    kind = _kind(par, finding.parts or (finding.content,), quotes)
    content = (
        _strip_marks(par, finding.content)
        if kind is StatementKind.DIRECT and not finding.parts
        else finding.content
    )
    start, end = content.start + offset, content.end + offset
    text = document.text
    resolved = tracker.resolve(mention.start, mention.end) if mention is not None else None
    cue = "" if continued else text[finding.cue.start + offset : finding.cue.end + offset]
    return {  # Statement's fields, in its order (the JSON records keep it)
        "id": content_id(f"{document.id}:{start}:{end}"),
        "document": document.id,
        "doc_name": document.name,
        "start": start,
        "end": end,
        "text": text[start:end],
        "kind": kind,
        "parts": [(s + offset, e + offset) for s, e in finding.parts],
        "cue": cue,
        "cue_start": None if continued else finding.cue.start + offset,
        "cue_end": None if continued else finding.cue.end + offset,
        "speaker_mention": text[mention.start : mention.end] if mention else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "speaker": resolved.name if resolved and resolved.note is None else None,
        "speaker_role": resolved.role if resolved and resolved.note is None else None,
        "speaker_id": None,
        "speaker_note": resolved.note if resolved else None,
        "confidence": finding.confidence,
    }
