"""Reviewer work: annotation packets, who gets which item, and how far reviewers agree.

Pure core, no UI: ``packet`` (the file a reviewer fills), ``items`` (packet items from
statements), ``assignment`` (items to reviewers), ``handout`` (packets from a workspace),
``session`` (a packet under review), ``collect`` (answers back into the workspace),
``ratings`` (one table of labels), ``agreement`` (the statistics), ``disagreements`` and
``adjudication`` (the adjudication queue) and ``report`` (the agreement report as a table
or JSON). Packets are saved with ``argmap.io.atomic``.
"""
