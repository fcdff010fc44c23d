"""Merged events out of the store: CSV with ACLED-like columns, JSON Lines, GeoJSON, Parquet."""
