"""Document metadata from what files say: publication dates, authors, outlets, languages; the
front matter of Markdown and text files; the metadata of HTML pages.

Pure functions over values already read (``sidecar.py`` reads metadata tables, ``corpus.py``
corpus files). A value that cannot be read is left empty with a warning saying why, never
guessed: ``07/12/2026`` could be July or December, so it is refused with a note, while
``25/12/2026`` and ``12 July 2026`` are read. A date stays a date, and a time keeps the
zone it was given in (``2016-03-11T09:30:00-05:00``); a time without a zone stays without one.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.models import DocumentMetadata

#: What each field is called in metadata tables, corpus files and front matter, in order of
#: preference (compared ignoring case, with ``-`` read as ``_``). ``text`` is the article's
#: text in a corpus file, ``file`` the file-name column of a metadata table, ``id`` a corpus
#: row's own identifier.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article", "full_text", "fulltext", "story"),
    "title": ("title", "headline", "heading"),
    "outlet": (
        "outlet",
        "publisher",
        "source_domain",
        "sitename",
        "site_name",
        "site",
        "publication",
        "newspaper",
        "source_name",
        "source",
        "hostname",
        "domain",
    ),
    "authors": ("authors", "author", "byline", "creator", "creators"),
    "published": (
        "published",
        "date_publish",
        "publication_date",
        "date_published",
        "published_at",
        "publish_date",
        "publishdate",
        "pubdate",
        "date",
        "datetime",
    ),
    "url": ("url", "link", "source_url", "canonical_url", "permalink", "uri"),
    "language": ("language", "lang", "locale", "lang_code"),
    "file": ("filename", "file_name", "file", "path", "name", "document", "doc"),
    "id": ("id", "doc_id", "article_id", "uuid", "guid"),
}
#: The fields a document's metadata has (the others name columns of tables and corpora).
METADATA_KEYS = ("title", "outlet", "authors", "published", "url", "language")
#: Cell values that mean "unknown" in tables (PolNeAR writes ``None``), compared in lower case.
NULLS = frozenset({"", "none", "null", "nan", "nat", "n/a", "-"})


def is_null(value: object) -> bool:
    """Whether a table's cell says nothing: None, an empty text or a null marker."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return isinstance(value, str) and value.strip().lower() in NULLS


def _key(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def parse_columns(spec: str) -> dict[str, str]:
    """``text=maintext,outlet=source_domain`` as {field: column}; ``outlet=`` (nothing) means
    "do not read an outlet". ``ValueError`` names an unknown field or a malformed item."""
    mapping: dict[str, str] = {}
    for item in spec.split(","):
        if not item.strip():
            continue
        field, sep, column = item.partition("=")
        field = _key(field)
        if not sep:
            raise ValueError(f"{item.strip()!r} is not FIELD=COLUMN")
        if field == "author":
            field = "authors"
        if field == "date":
            field = "published"
        if field not in FIELD_NAMES:
            raise ValueError(f"unknown field {field!r} (expected one of {', '.join(FIELD_NAMES)})")
        mapping[field] = column.strip()
    return mapping


def resolve_columns(
    available: Iterable[str], overrides: Mapping[str, str] | None = None, *, where: str = ""
) -> dict[str, str]:
    """Which of ``available`` columns holds each field: the one ``overrides`` names, else the
    first of ``FIELD_NAMES`` present (in any case). Fields with no column are left out.
    ``ValueError`` when an override names a column that is not there."""
    columns = list(available)
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(_key(column), column)
    found: dict[str, str] = {}
    overrides = overrides or {}
    taken: set[str] = set()
    for field, column in overrides.items():
        if not column:
            continue  # 'outlet=': do not read one
        if column not in columns and _key(column) not in by_key:
            shown = ", ".join(columns[:20]) + (" ..." if len(columns) > 20 else "")
            raise ValueError(f"{where}no column {column!r} for {field} (the columns: {shown})")
        found[field] = column if column in columns else by_key[_key(column)]
        taken.add(found[field])
    for field, names in FIELD_NAMES.items():
        if field in overrides:
            continue
        for name in names:
            match = by_key.get(name)
            if match is not None and match not in taken:
                found[field] = match
                taken.add(match)
                break
    return found


# ---------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+"
)
#: Zone names read as offsets: UTC and those RFC 822 defines (North American); any other
#: abbreviation (BST, IST, CST in China ...) means more than one zone and is refused.
_ZONES = {
    "z": 0,
    "utc": 0,
    "ut": 0,
    "gmt": 0,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
}
_ZONE = r"(?P<zone>Z|[A-Za-z]{2,5}|[+-]\d{2}(?::?\d{2})?)"
_TIME = (
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6})\d*)?)?"
)
_AMPM = r"(?:\s*(?P<ampm>[ap])\.?m\.?)?"
_ISO = re.compile(
    r"(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})"
    rf"(?:[T ]{_TIME}{_AMPM})?(?:\s*{_ZONE})?",
    re.IGNORECASE,
)
_NAMED = re.compile(
    rf"(?:{_WEEKDAY})?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<m1>{_MONTH})\.?,?"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?P<year>\d{{4}})"
    rf"(?:,?\s+(?:at\s+)?{_TIME}{_AMPM})?(?:\s*{_ZONE})?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})")
_RFC_2822 = re.compile(rf"{_WEEKDAY}\d{{1,2}}\s+[A-Za-z]{{3}}\s+\d{{4}}\s+\d{{2}}:\d{{2}}", re.I)

READABLE_DATES = (
    "ISO 8601 such as 2016-03-11 or 2016-03-11T09:30:00-05:00, '11 March 2016', "
    "'March 11, 2016 9:30 am EST', or 2016/03/11"
)


def parse_published(value: object) -> tuple[str | None, str | None]:
    """``value`` as an ISO 8601 date or time, or why it cannot be read: (iso, None) or
    (None, problem); (None, None) when it says nothing. A date alone stays a date
    (``2016-03-11``); a time keeps its zone as an offset (``Z`` and ``UTC`` are ``+00:00``,
    ``EST`` is ``-05:00``) and one without a zone stays without. ``datetime`` and ``date``
    values (from Parquet or YAML) are taken as they are."""
    if is_null(value):
        return None, None
    if isinstance(value, datetime):
        return value.isoformat(), None
    if isinstance(value, date):
        return value.isoformat(), None
    if isinstance(value, (int, float)):
        return None, f"{value!r} is a number, not a date (its unit would be a guess)"
    text = " ".join(str(value).split())
    for pattern, build in ((_ISO, _from_iso), (_NAMED, _from_named)):
        match = pattern.fullmatch(text)
        if match is not None:
            return build(match, text)
    if _RFC_2822.match(text):
        try:
            return email.utils.parsedate_to_datetime(text).isoformat(), None
        except (TypeError, ValueError):
            return None, f"{text!r} is not a valid date"
    match = _NUMERIC.fullmatch(text)
    if match is not None:
        return _from_numeric(match, text)
    return None, f"{text!r} is not a date argmap reads ({READABLE_DATES})"


def _from_iso(match: re.Match, text: str) -> tuple[str | None, str | None]:
    return _build(text, int(match["year"]), int(match["month"]), int(match["day"]), match)


def _from_named(match: re.Match, text: str) -> tuple[str | None, str | None]:
    month = _MONTHS[(match["m1"] or match["m2"]).lower().rstrip(".")]
    day = int(match["d1"] or match["d2"])
    return _build(text, int(match["year"]), month, day, match)


def _from_numeric(match: re.Match, text: str) -> tuple[str | None, str | None]:
    a, b, c = match["a"], match["b"], match["c"]
    if len(a) == 4:  # 2016/03/11: year first is always year, month, day
        return _build(text, int(a), int(b), int(c), None)
    if len(c) != 4:
        return None, f"{text!r} has a two-digit year or no year; give it as {READABLE_DATES}"
    first, second, year = int(a), int(b), int(c)
    if first == second or (first > 12 and second <= 12):
        return _build(text, year, second, first, None)  # day first (or the same either way)
    if second > 12 and first <= 12:
        return _build(text, year, first, second, None)  # month first
    if first > 12 and second > 12:
        return None, f"{text!r} is not a valid date"
    return None, (
        f"{text!r} is ambiguous: day/month or month/day "
        f"({year}-{second:02d}-{first:02d} or {year}-{first:02d}-{second:02d}?); "
        "write it as ISO 8601"
    )


def _build(
    text: str, year: int, month: int, day: int, match: re.Match | None
) -> tuple[str | None, str | None]:
    try:
        day_ = date(year, month, day)
    except ValueError:
        return None, f"{text!r} is not a valid date"
    if match is None or match["hour"] is None:
        if match is not None and match["zone"]:
            return None, f"{text!r} has a zone but no time"
        return day_.isoformat(), None
    hour, minute = int(match["hour"]), int(match["minute"])
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None, f"{text!r} is not a valid time"
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    second = int(match["second"] or 0)
    micro = int((match["fraction"] or "0").ljust(6, "0"))
    zone = None
    if match["zone"]:
        zone, problem = _zone(match["zone"], text)
        if problem:
            return None, problem
    try:
        moment = datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
    except ValueError:
        return None, f"{text!r} is not a valid time"
    return moment.isoformat(), None


def _zone(name: str, text: str) -> tuple[timezone | None, str | None]:
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:
            return None, f"{text!r} has an impossible zone offset {name}"
        sign = -1 if name[0] == "-" else 1
        return timezone(sign * timedelta(hours=hours, minutes=minutes)), None
    offset = _ZONES.get(name.lower())
    if offset is None:
        return None, (
            f"{text!r} names the zone {name!r}, which argmap does not read as one offset; "
            "give an offset such as +01:00"
        )
    return timezone(timedelta(hours=offset)), None


def day_bound(text: str, *, end: bool = False) -> str:
    """A ``--since``/``--until`` value as a day: ``2016``, ``2016-03`` or ``2016-03-11`` is its
    first day, or with ``end`` its last. ``ValueError`` says what is expected."""
    value = text.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    problem = f"{text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    if match is None:
        raise ValueError(problem)
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day is not None:
            return date(year, int(month), int(day)).isoformat()
        if month is not None:
            first = date(year, int(month), 1)
            if not end:
                return first.isoformat()
            following = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return (following - timedelta(days=1)).isoformat()
        return date(year, 12, 31).isoformat() if end else date(year, 1, 1).isoformat()
    except ValueError:
        raise ValueError(problem) from None


# ---------------------------------------------------------------------- authors, outlets


_NOT_ALNUM = re.compile(r"[\W_]+")


def _squash(text: str) -> str:
    """Letters and digits only, in lower case: 'USA TODAY' and 'usa-today' are the same."""
    return _NOT_ALNUM.sub("", text.casefold())


_CONTACT = re.compile(
    r"\b(?:e-?mail|twitter|follow\s+\w+(?:\s+\w+)?\s+on\s+twitter)\s*:?\s*\S*"
    r"|\S+@\S+\.\S+|(?<!\w)@\w+",
    re.IGNORECASE,
)
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:[;|,\n]|\band\b|&)\s*", re.IGNORECASE)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_BY = re.compile(r"^(?:by|von|par|por)\s+", re.IGNORECASE)


def split_authors(value: object, outlet: str | None = None) -> tuple[str, ...]:
    """The authors named by a byline or a list of names, each cleaned: ``By`` dropped, Twitter
    handles and e-mail addresses dropped, and parts that are the outlet's name, a month or a
    date dropped ("Heidi M. Przybyla, USA TODAY" of USA Today is one author). A text is split at
    ``;``, ``|``, ``,``, ``&`` and ``and``; a list's items are names already."""
    if is_null(value):
        return ()
    if isinstance(value, (list, tuple)):
        parts = [_author_name(item) for item in value if not is_null(item)]
        names = [str(p) for p in parts if p]
    else:
        text = _CONTACT.sub(" ", str(value))
        names = []
        for part in _AUTHOR_SEPARATOR.split(text):
            name = _clean_author(part)
            if name and names and name.lower().rstrip(".") in _SUFFIXES:
                names[-1] += f", {name}"  # "Martin Luther King, Jr."
            elif name:
                names.append(name)
    outlet_key = _squash(outlet) if outlet else None
    kept: list[str] = []
    for name in names:
        if outlet_key and _squash(name) == outlet_key:
            continue
        if name.lower() in _MONTHS:
            continue
        if any(c.isdigit() for c in name) and parse_published(name)[0] is not None:
            continue  # a date in the byline
        if name not in kept:
            kept.append(name)
    return tuple(kept)


def _author_name(item: object) -> str | None:
    if isinstance(item, Mapping):  # {"name": "..."} as JSON-LD and some APIs give authors
        item = item.get("name")
    return _clean_author(_CONTACT.sub(" ", str(item))) if not is_null(item) else None


def _clean_author(part: str) -> str | None:
    name = _BY.sub("", " ".join(part.split())).strip(" .,;:-–—")
    return name if any(c.isalpha() for c in name) else None


def clean_text(value: object) -> str | None:
    """A one-line text field (title, outlet, URL): white space runs made single spaces."""
    if isinstance(value, Mapping):  # {"name": "The Times"} as some APIs give an outlet
        value = value.get("name")
    if is_null(value):
        return None
    text = " ".join(str(value).split())
    return text or None


#: A language code: an ISO 639 language (2 or 3 letters) and BCP 47 subtags (``pt_BR``,
#: ``zh-Hant-TW``), in any case.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def is_language_tag(text: str) -> bool:
    """True when ``text`` has the shape of a language code (``en``, ``ja``, ``pt-BR``), not a
    language's name (``english``)."""
    return LANGUAGE_TAG.fullmatch(text) is not None


def clean_language(value: object) -> str | None:
    """A language tag as BCP 47 writes it: ``en_US`` is ``en-US``, ``EN`` is ``en``; anything
    else as given."""
    text = clean_text(value)
    if text is None:
        return None
    if is_language_tag(text):
        first, *rest = re.split(r"[-_]", text)
        return "-".join([first.lower(), *(p.upper() if len(p) == 2 else p.title() for p in rest)])
    return text


def clean_fields(raw: Mapping[str, Any], *, where: str = "") -> tuple[dict[str, Any], list[str]]:
    """Raw values by field (any of ``METADATA_KEYS``) as metadata fields, and the warnings of
    those that could not be read (left out: "the published date '07/12/2026' is ambiguous ...").
    Only fields with a value are returned. ``where`` starts each warning ("metadata.tsv row 4:
    ")."""
    fields: dict[str, Any] = {}
    warnings: list[str] = []
    outlet = clean_text(raw.get("outlet"))
    if outlet:
        fields["outlet"] = outlet
    for name in ("title", "url"):
        text = clean_text(raw.get(name))
        if text:
            fields[name] = text
    language = clean_language(raw.get("language"))
    if language:
        fields["language"] = language
    authors = split_authors(raw.get("authors"), outlet)
    if authors:
        fields["authors"] = authors
    if "published" in raw:
        published, problem = parse_published(raw["published"])
        if published:
            fields["published"] = published
        elif problem:
            warnings.append(f"{where}published date {problem}; left empty")
    return fields, warnings


def merged(base: DocumentMetadata, fields: Mapping[str, Any]) -> DocumentMetadata:
    """``base`` with the given fields replaced (those with a value)."""
    update = {k: v for k, v in fields.items() if k in METADATA_KEYS and v}
    return base.model_copy(update=update) if update else base


def metadata_of(fields: Mapping[str, Any]) -> DocumentMetadata:
    """The ``DocumentMetadata`` of cleaned fields."""
    from argmap.models import DocumentMetadata

    return DocumentMetadata(**{k: v for k, v in fields.items() if k in METADATA_KEYS})


def fields_by_name(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's values by metadata field, its keys read through ``FIELD_NAMES`` (the first
    name present wins): front matter's ``date`` is ``published``, ``author`` ``authors``."""
    by_key = {_key(str(k)): v for k, v in record.items()}
    raw: dict[str, Any] = {}
    for field in METADATA_KEYS:
        for name in FIELD_NAMES[field]:
            if name in by_key and not is_null(by_key[name]):
                raw[field] = by_key[name]
                break
    return raw


# ---------------------------------------------------------------------- front matter

_FRONT_MATTER_LIMIT = 64 * 1024
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FIRST_KEY = re.compile(r"\s*(?:#.*\n\s*)*[A-Za-z_][\w .-]*:(?:\s|$)")


def split_front_matter(text: str) -> tuple[dict | None, str, str | None]:
    """(front matter, the text after it, problem) of a Markdown or text file that starts with
    YAML front matter between ``---`` lines; (None, text, None) when it has none. Front matter
    that is not a YAML mapping is a problem (and is still taken off the text). Dates are read
    as text, so that ``parse_published`` sees them as written (YAML would drop their zone)."""
    if not text.startswith("---\n"):
        return None, text, None
    closing = _CLOSING.search(text, 4, _FRONT_MATTER_LIMIT)
    if closing is None:
        return None, text, None
    block = text[4 : closing.start()]
    if block.strip() and not _FIRST_KEY.match(block):
        return None, text, None  # a rule and a paragraph, not front matter
    body = text[closing.end() :].lstrip("\n")
    try:
        data = _load_yaml(block)
    except Exception as problem:  # yaml.YAMLError, with its line
        mark = getattr(problem, "problem_mark", None)
        what = getattr(problem, "problem", None) or type(problem).__name__
        at = f" at line {mark.line + 2}" if mark is not None else ""  # the file's line
        return None, body, f"front matter is not YAML ({what}{at}); no metadata read from it"
    if data is None:
        return {}, body, None
    if not isinstance(data, dict):
        return None, body, "front matter is not a list of 'key: value' lines; no metadata read"
    return data, body, None


def _load_yaml(block: str) -> object:
    import yaml

    return yaml.load(block, Loader=_text_dates_loader())


_LOADER: type | None = None


def _text_dates_loader() -> type:
    """PyYAML's SafeLoader without its timestamp type: dates stay text."""
    global _LOADER
    if _LOADER is None:
        import yaml

        class TextDates(yaml.SafeLoader):
            pass

        TextDates.yaml_implicit_resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        _LOADER = TextDates
    return _LOADER


# ---------------------------------------------------------------------- HTML

#: Markup naming a page's publication time, most specific first.
_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time' "
    "or @property='og:article:published_time' or @itemprop='datePublished' "
    "or @name='parsely-pub-date' or @name='sailthru.date' or @name='pubdate' "
    "or @name='publish-date' or @name='DC.date.issued' or @name='dcterms.issued']/@content"
    " | //time[@itemprop='datePublished' or @pubdate]/@datetime"
)


def html_metadata(html: str) -> tuple[dict[str, Any], list[str]]:
    """The metadata of a saved web page: title, site name (else the host name of its URL),
    authors, publication date, canonical URL (trafilatura) and language (``<html lang>``).
    A publication time with its zone in the page's markup (``article:published_time``,
    ``datePublished``) is preferred to trafilatura's date alone."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return {}, []
    language = tree.get("lang") or next(
        iter(tree.xpath("//meta[@property='og:locale']/@content")), None
    )
    published = None
    for candidate in [*tree.xpath(_PUBLISHED_XPATH), *_json_ld_dates(tree)]:
        iso, _ = parse_published(candidate)
        if iso and "T" in iso:
            published = iso
            break
    found = trafilatura.extract_metadata(tree, extensive=False)
    raw: dict[str, Any] = {"language": language}
    if found is not None:
        raw |= {
            "title": found.title,
            "outlet": found.sitename or found.hostname,
            "authors": found.author,
            "url": found.url,
        }
        published = published or found.date
    if published:
        raw["published"] = published
    return clean_fields(raw, where="the page's ")


def _json_ld_dates(tree) -> list[str]:
    dates: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    dates.append(item["datePublished"])
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return dates
