"""`marsad spark` as a script, for ``spark-submit`` (which runs a file, not a console command):
``spark-submit [spark options] "$(python -m marsad.scale --where)" INPUT... --out DIR``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from marsad.cli.spark import spark

if __name__ == "__main__":
    if sys.argv[1:] == ["--where"]:
        print(Path(__file__).resolve())
    else:
        typer.run(spark)
