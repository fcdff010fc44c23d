"""Shipped third-party files are exactly those the manifest lists, each with its licence."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import marsad.web

VENDOR = Path(marsad.web.__file__).parent / "static" / "vendor"


def test_manifest_matches_the_shipped_files() -> None:
    manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
    listed = {}
    for package in manifest["packages"]:
        assert (VENDOR / package["folder"] / "LICENSE").is_file(), package["name"]
        listed.update(package["files"])
    shipped = {
        str(p.relative_to(VENDOR)) for p in VENDOR.rglob("*") if p.is_file() and p.name != "manifest.json"
    }
    assert shipped == set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
