"""Events as a pandas DataFrame, for notebooks: ``marsad.open(db)``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from marsad.export.records import COLUMNS, event_to_dict, event_to_row
from marsad.store.connection import reading
from marsad.store.queries import EventFilter, iter_events

if TYPE_CHECKING:
    import pandas as pd


def open(db: Path | str | None = None, filters: EventFilter | None = None) -> pd.DataFrame:
    """One row per merged event, with the export's flat columns (dates as ``datetime64``)
    and ``reports``/``claims`` as lists of dicts. ``db`` defaults to the user's database."""
    import pandas as pd

    rows = []
    with reading(db) as conn:
        for ev in iter_events(conn, filters):
            row = event_to_row(ev)
            full = event_to_dict(ev)
            row["reports"] = full["reports"]
            row["claims"] = full["claims"]
            rows.append(row)
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "reports", "claims"])
    for column in ("event_date", "date_from", "date_to"):
        frame[column] = pd.to_datetime(frame[column])
    return frame
