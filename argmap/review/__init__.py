"""Reviewer work: annotation packets, who gets which item, and how far reviewers agree.

Pure core, no UI: ``packet`` (the file a reviewer fills), ``atomic`` (safe saving),
``items`` (packet items from statements), ``assignment`` (items to reviewers),
``ratings`` (one table of labels), ``agreement`` (the statistics), ``disagreements``
(the adjudication queue) and ``report`` (the agreement report as a table or JSON).
"""
