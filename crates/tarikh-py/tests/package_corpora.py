"""The repository's corpora read as the CLI reads them (helpers of the package's tests)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "data" / "corpus"
BOUIRA = ROOT / "data" / "stories" / "bouira-earthquake-2024" / "corpus"


def read_corpus(folder: Path) -> List[Dict[str, str]]:
    """The articles of a corpus folder with their docs.csv metadata, in file-name order (the order
    `tarikh run` processes them). Texts are read with newline="" so that offsets match the CLI's."""
    meta: Dict[str, Dict[str, str]] = {}
    docs_csv = folder / "docs.csv"
    if docs_csv.exists():
        with open(docs_csv, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                meta[row.get("file") or row["doc"] + ".txt"] = row
    out = []
    for path in sorted(folder.glob("*.txt")):
        row = meta.get(path.name, {})
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        out.append({
            "id": row.get("doc") or path.stem,
            "text": text,
            "published_at": row.get("published_at") or None,
            "timezone": row.get("timezone") or None,
            "file": str(path),
        })
    return out
