"""The reviewer's pages as HTML: one statement at a time, the summary, and messages.

Plain HTML, every value escaped; the behaviour (keys 1-9, note, skip, back, saving) is in
``static/review.js`` and the look in ``static/review.css``, loaded from the server itself
(the pages' Content-Security-Policy allows nothing else, no inline script or style).
"""

from __future__ import annotations

from html import escape

from argmap.web.items import DisputeView, ItemView, LabelChoice

STATIC = "/static"


def _page(title: str, body: str, *, csrf: str = "", body_attrs: str = "") -> str:
    meta = f'<meta name="csrf-token" content="{escape(csrf)}">' if csrf else ""
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{meta}<title>{escape(title)}</title>"
        f'<link rel="stylesheet" href="{STATIC}/review.css">'
        f'<script src="{STATIC}/review.js" defer></script>'
        f"</head><body{body_attrs}>{body}</body></html>\n"
    )


def message_page(title: str, text: str) -> str:
    """A page that only says something (a refused link, an ended session)."""
    return _page(
        title, f'<main class="message"><h1>{escape(title)}</h1><p>{escape(text)}</p></main>'
    )


def start_page(target: str = "/review") -> str:
    """The page a link lands on: it moves on to ``target`` by itself (a navigation from the
    server's own page, so the SameSite=Strict cookie goes with it even when the link was
    opened from another site)."""
    return _page(
        "argmap review",
        '<main class="message"><h1>Signed in</h1>'
        f'<p><a id="continue" href="{escape(target)}">Start</a></p></main>',
        body_attrs=f' data-continue="{escape(target)}"',
    )


def _paragraph(view: ItemView | DisputeView) -> str:
    parts = []
    for piece in view.pieces:
        text = escape(piece.text)
        if piece.speaker:
            text = f'<span class="speaker">{text}</span>'
        if piece.statement:
            text = f'<mark class="statement">{text}</mark>'
        parts.append(text)
    return "".join(parts)


def _labels(labels: tuple[LabelChoice, ...], chosen: str | None, suggested: str | None) -> str:
    buttons = []
    for label in labels:
        classes = ["label"]
        if label.id == chosen:
            classes.append("chosen")
        if label.id == suggested:
            classes.append("suggested")
        key = f"<kbd>{escape(label.key)}</kbd> " if label.key else ""
        buttons.append(
            f'<button type="button" class="{" ".join(classes)}" data-label="{escape(label.id)}"'
            f' data-key="{escape(label.key)}">{key}{escape(label.name)}</button>'
        )
    return "".join(buttons)


def item_page(view: ItemView, csrf: str) -> str:
    """The page of one statement of the reviewer's assignment."""
    suggestion = ""
    if view.suggestion:
        name = next((lb.name for lb in view.labels if lb.id == view.suggestion), view.suggestion)
        score = f" ({view.suggestion_score:.2f})" if view.suggestion_score is not None else ""
        suggestion = (
            f'<p id="suggestion">Suggested: <strong>{escape(name)}</strong>{score}'
            " &middot; <kbd>a</kbd> accepts</p>"
        )
    answer = (
        next((lb.name for lb in view.labels if lb.id == view.label), view.label)
        if view.label
        else None
    )
    nav = (
        f'<a id="back" href="/review/{escape(view.previous)}"><kbd>b</kbd> back</a>'
        if view.previous
        else '<span class="disabled">back</span>'
    )
    ahead = f"/review/{escape(view.next)}" if view.next else "/done"
    attrs = (
        f' data-statement="{escape(view.statement_id)}" data-next="{ahead}"'
        ' data-post="/api/answers"'
        f' data-previous="{"/review/" + escape(view.previous) if view.previous else ""}"'
        f' data-suggested="{escape(view.suggestion or "")}"'
        f' data-label="{escape(view.label or "")}"'
    )
    body = (
        '<main class="item">'
        f'<header><span id="position">Item {view.index + 1} of {view.total}</span>'
        f' &middot; <span id="answered">{view.answered} answered</span>'
        f'<progress id="progress" max="{view.total}" value="{view.answered}"></progress>'
        f'<span class="who">{escape(view.reviewer)}</span></header>'
        f'<p class="issue">{escape(view.issue)}</p>'
        f'<p class="meta"><span class="speaker-name">{escape(view.speaker or "no speaker")}</span>'
        f" &middot; {escape(view.document)}</p>"
        f'<blockquote id="context">{_paragraph(view)}</blockquote>'
        f"{suggestion}"
        f'<div id="labels">{_labels(view.labels, view.label, view.suggestion)}</div>'
        f'<p id="answer">{"Your answer: " + escape(answer) if answer else "Not answered yet"}</p>'
        '<label for="note">Note <kbd>n</kbd>, enter saves it with the label</label>'
        f'<input id="note" type="text" maxlength="2000" value="{escape(view.note)}"'
        ' autocomplete="off">'
        f'<nav>{nav} <a id="skip" href="{ahead}"><kbd>s</kbd> skip</a></nav>'
        '<p id="status" role="status"></p>'
        "</main>"
    )
    return _page(f"argmap review: item {view.index + 1}", body, csrf=csrf, body_attrs=attrs)


def done_page(reviewer: str, answered: int, total: int, first_open: str | None) -> str:
    """The end of the assignment: how many are answered, and the first one still open."""
    more = (
        f'<p><a id="open" href="/review/{escape(first_open)}">'
        "Go to the first unanswered item</a></p>"
        if first_open
        else "<p>Every statement is answered. Thank you!</p>"
    )
    return _page(
        "argmap review: done",
        f'<main class="message"><h1>{escape(reviewer)}: {answered} of {total} answered</h1>'
        f'{more}<p><a id="restart" href="/first">Back to the first item</a></p></main>',
    )


def _answers_table(view: DisputeView) -> str:
    names = {label.id: label.name for label in view.labels}
    rows = "".join(
        f"<tr><td>{escape(a.reviewer)}</td><td>{escape(names.get(a.label, a.label))}</td>"
        f"<td>{escape(a.note)}</td><td>{escape(a.time)}</td></tr>"
        for a in view.answers
    )
    return (
        '<table id="answers"><thead><tr><th>reviewer</th><th>label</th><th>note</th>'
        f"<th>when</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def dispute_page(view: DisputeView, csrf: str, analyst: str, open_count: int) -> str:
    """The adjudication page of one disputed statement: every reviewer's label and note; a
    key 1-9 gives the final label."""
    final = next((lb.name for lb in view.labels if lb.id == view.final), view.final)
    previous = f"/adjudicate/{escape(view.previous)}" if view.previous else ""
    ahead = f"/adjudicate/{escape(view.next)}" if view.next else "/adjudicate"
    nav = f'<a id="back" href="{previous}"><kbd>b</kbd> back</a>' if previous else ""
    attrs = (
        f' data-statement="{escape(view.statement_id)}" data-next="{ahead}"'
        f' data-previous="{previous}" data-suggested="" data-label="{escape(view.final or "")}"'
        ' data-post="/api/adjudications"'
    )
    body = (
        '<main class="item">'
        f'<header><span id="position">Disputed {view.index + 1} of {view.total}</span>'
        f' &middot; <span id="answered">{open_count} to decide</span>'
        f'<progress id="progress" max="{view.total}" value="{view.total - open_count}">'
        f'</progress><span class="who">{escape(analyst)}</span></header>'
        f'<p class="issue">{escape(view.issue)}</p>'
        f'<p class="meta"><span class="speaker-name">{escape(view.speaker or "no speaker")}</span>'
        f" &middot; {escape(view.document)}</p>"
        f'<blockquote id="context">{_paragraph(view)}</blockquote>'
        f"{_answers_table(view)}"
        f'<div id="labels">{_labels(view.labels, view.final, None)}</div>'
        f'<p id="answer">{"Final label: " + escape(final) if final else "Not decided yet"}</p>'
        '<label for="note">Note <kbd>n</kbd>, enter saves it with the final label</label>'
        f'<input id="note" type="text" maxlength="2000" value="{escape(view.note)}"'
        ' autocomplete="off">'
        f'<nav>{nav} <a id="skip" href="{ahead}"><kbd>s</kbd> skip</a></nav>'
        '<p id="status" role="status"></p>'
        "</main>"
    )
    return _page(f"argmap adjudication: {view.index + 1}", body, csrf=csrf, body_attrs=attrs)
