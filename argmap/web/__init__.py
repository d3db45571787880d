"""Reviewers in a browser: ``argmap serve`` and the reviewers' personal links.

``tokens`` makes and checks the links (standard library only: ``argmap assign --web`` uses
it without the web extra); ``app`` is the Starlette application ``argmap serve`` runs
(extra ``web``); ``security`` holds its sessions, CSRF tokens, origin check and rate limits;
``pages`` writes its HTML. The page's script and style are in ``static/`` (no CDN).
"""
