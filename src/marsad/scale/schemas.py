"""Explicit Spark schemas of the tables a Spark run writes, and the conversion of rows to them.

Rows are built in Python as plain dicts (the contract's JSON for articles) and brought to a
schema's exact types by :func:`conform` before Spark sees them, so no table depends on
schema inference from a sample of rows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DateType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)


def _struct(*fields: tuple[str, DataType]) -> StructType:
    return StructType([StructField(name, dtype, nullable=True) for name, dtype in fields])


STR, INT, LONG, DBL, BOOL, DAY = (
    StringType(),
    IntegerType(),
    LongType(),
    DoubleType(),
    BooleanType(),
    DateType(),
)

_CANONICAL = _struct(("id", STR), ("name", STR), ("kind", STR))
_SPAN = _struct(("start", INT), ("end", INT), ("text", STR))

#: One article's result, field for field as ``marsad.serialize.article_to_dict`` gives it.
ARTICLES = _struct(
    ("schema", STR),
    ("id", STR),
    ("origin", STR),
    ("url", STR),
    ("site", STR),
    ("title", STR),
    ("published", DAY),
    ("language", STR),
    ("text", STR),
    ("sentences", ArrayType(_struct(("start", INT), ("end", INT)))),
    (
        "entities",
        ArrayType(
            _struct(
                ("start", INT),
                ("end", INT),
                ("text", STR),
                ("id", STR),
                ("type", STR),
                ("canonical", _CANONICAL),
            )
        ),
    ),
    (
        "places",
        ArrayType(
            _struct(
                ("entity", STR),
                ("start", INT),
                ("end", INT),
                ("text", STR),
                ("geonameid", LONG),
                ("name", STR),
                ("country", STR),
                ("lat", DBL),
                ("lon", DBL),
                ("level", STR),
                ("relation", _struct(("direction", STR), ("of", LONG), ("distance_km", DBL))),
            )
        ),
    ),
    ("times", ArrayType(_struct(("start", INT), ("end", INT), ("text", STR), ("from", DAY), ("to", DAY)))),
    (
        "quantities",
        ArrayType(
            _struct(
                ("start", INT),
                ("end", INT),
                ("text", STR),
                ("value", DBL),
                ("low", DBL),
                ("high", DBL),
                ("approximate", BOOL),
                ("unit", STR),
                ("currency", STR),
            )
        ),
    ),
    (
        "events",
        ArrayType(
            _struct(
                ("id", STR),
                ("type", STR),
                ("mode", STR),
                ("cameo", STR),
                ("acled", STR),
                ("trigger", _SPAN),
                ("sentence", _struct(("start", INT), ("end", INT))),
                (
                    "participants",
                    ArrayType(
                        _struct(
                            ("start", INT),
                            ("end", INT),
                            ("text", STR),
                            ("role", STR),
                            ("entity", STR),
                            ("canonical", _CANONICAL),
                        )
                    ),
                ),
                ("mentions", ArrayType(_SPAN)),
                ("place", INT),
                ("time", INT),
                ("from", DAY),
                ("to", DAY),
                ("time_precision", STR),
                ("quantity", INT),
                ("counts", ArrayType(_struct(("what", STR), ("quantity", INT)))),
                ("modality", STR),
                ("source", _struct(("start", INT), ("end", INT), ("text", STR), ("entity", STR))),
            )
        ),
    ),
    ("errors", ArrayType(_struct(("code", STR), ("stage", STR), ("message", STR)))),
)

_PLACE_REF = _struct(
    ("name", STR), ("level", STR), ("geonameid", LONG), ("country", STR), ("lat", DBL), ("lon", DBL)
)
_ACTOR = _struct(("role", STR), ("text", STR), ("canonical_id", STR), ("canonical_name", STR))
_CLAIM = _struct(
    ("what", STR),
    ("value", DBL),
    ("low", DBL),
    ("high", DBL),
    ("approximate", BOOL),
    ("currency", STR),
    ("source", STR),
    ("article", STR),
)

#: One row per event of an article (a report, in merging's terms), places and times resolved.
EVENTS = _struct(
    ("article", STR),
    ("index", INT),
    ("id", STR),
    ("type", STR),
    ("mode", STR),
    ("modality", STR),
    ("cameo", STR),
    ("acled", STR),
    ("site", STR),
    ("url", STR),
    ("published", DAY),
    ("date_from", DAY),
    ("date_to", DAY),
    ("place", _PLACE_REF),
    ("actors", ArrayType(_ACTOR)),
    ("claim", _CLAIM),
    ("source", STR),
    ("evidence", STR),
    ("trigger", STR),
)

#: One row per figure an event reports (killed, injured, people moved ...), as its source says.
CLAIMS = _struct(
    ("article", STR),
    ("event", INT),
    ("event_id", STR),
    ("what", STR),
    ("value", DBL),
    ("low", DBL),
    ("high", DBL),
    ("approximate", BOOL),
    ("unit", STR),
    ("currency", STR),
    ("source", STR),
    ("start", INT),
    ("end", INT),
    ("text", STR),
    ("published", DAY),
)

#: One merged event (many reports of one real event), as the contract's export gives it.
MERGED = _struct(
    ("id", STR),
    ("type", STR),
    ("mode", STR),
    ("cameo", STR),
    ("acled", STR),
    ("modality", STR),
    ("from", DAY),
    ("to", DAY),
    ("place", _PLACE_REF),
    ("actors", ArrayType(_ACTOR)),
    (
        "reports",
        ArrayType(
            _struct(
                ("article", STR),
                ("index", INT),
                ("site", STR),
                ("url", STR),
                ("published", DAY),
                ("source", STR),
                ("evidence", STR),
            )
        ),
    ),
    ("claims", ArrayType(_CLAIM)),
    ("story", STR),
)

#: An input that yielded no article, and why.
FAILED = _struct(("origin", STR), ("reason", STR))


def conform(value: Any, dtype: DataType) -> Any:
    """``value`` (dicts, lists, ISO dates, whole floats as ints) in the exact Python types Spark
    expects for ``dtype``: structs become tuples in field order, keys the schema lacks are left out."""
    if value is None:
        return None
    if isinstance(dtype, StructType):
        get = value.get if isinstance(value, dict) else (lambda name: getattr(value, name, None))
        return tuple(conform(get(f.name), f.dataType) for f in dtype.fields)
    if isinstance(dtype, ArrayType):
        return [conform(v, dtype.elementType) for v in value]
    if isinstance(dtype, DateType):
        return value if isinstance(value, date) else date.fromisoformat(value)
    if isinstance(dtype, DoubleType):
        return float(value)
    if isinstance(dtype, IntegerType | LongType):
        return int(value)
    if isinstance(dtype, BooleanType):
        return bool(value)
    return str(value)
