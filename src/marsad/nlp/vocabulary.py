"""Word frequencies of Arabic news, which tell a clitic from the first letter of a word.

The shipped list (``data/vocabulary/``) is rebuilt from a JSON Lines corpus of Arabic
articles by ``marsad train vocabulary``; forms are normalised (:func:`normalize_text`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from marsad.nlp.normalize import normalize_text

_WORD_RE = re.compile("[\u0621-\u064a\u0640\u064b-\u065f\u0670]+")
VOCABULARY_FILE = "words.tsv.gz"


def count_words(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD_RE.findall(normalize_text(text)))
    return counts


def write_vocabulary(counts: Counter[str], out_dir: Path, *, min_count: int, source: str) -> Path:
    """Writes the word list and its manifest; returns the list's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / VOCABULARY_FILE
    kept = sorted(((w, c) for w, c in counts.items() if c >= min_count), key=lambda wc: (-wc[1], wc[0]))
    body = "".join(f"{w}\t{c}\n" for w, c in kept).encode("utf-8")
    path.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    manifest = {
        "asset": "Arabic word frequencies for clitic splitting",
        "source": source,
        "licence": "derived counts of the source corpus (ANT corpus, Apache-2.0 with citation)",
        "command": f"marsad train vocabulary --min-count {min_count}",
        "built": datetime.now(UTC).date().isoformat(),
        "words": len(kept),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return path


def load_vocabulary(path: Path | None = None) -> dict[str, int]:
    """The shipped word counts, or those in ``path``."""
    if path is None:
        data = resources.files("marsad.data").joinpath("vocabulary", VOCABULARY_FILE).read_bytes()
    else:
        data = path.read_bytes()
    counts = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        counts[word] = int(count)
    return counts
