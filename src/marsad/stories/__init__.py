"""Near-duplicates, stories and merged events across outlets."""
