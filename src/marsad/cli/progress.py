"""What long commands show on standard error: a live counter, and messages that never wrap."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


def stderr_console() -> Console:
    """Messages name files: soft wrapping keeps a long path on one line for scripts to read."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def counter(verb: str, fields: str, console: Console) -> Progress:
    """A spinner, ``verb``, the count so far and ``fields`` (a format over the task's fields)."""
    return Progress(
        SpinnerColumn(),
        TextColumn(verb),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TextColumn(fields),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
