#!/usr/bin/env python3
"""Turn tarikh corpus folders (``*.txt`` articles and a ``docs.csv``) into the JSON lines the Spark
job reads: one ``{"id", "text", "published_at", "timezone", "country", "story"}`` object per article.

    python corpus_to_jsonl.py data/corpus --story seeds > articles.jsonl
    python corpus_to_jsonl.py data/stories/bouira-earthquake-2024/corpus --story bouira >> articles.jsonl

Articles are read as ``tarikh run`` reads them: UTF-8, line ends kept (so offsets agree), metadata
from ``docs.csv`` (columns ``doc``, ``file``, ``published_at``, ``timezone``, ``country``; a file
without a row gets its stem as id and no date). A file that is not UTF-8 stops the conversion with
its name, rather than reaching the cluster as a broken article.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Dict, Iterator, Optional


def articles(folder: Path, docs_csv: Optional[Path] = None, story: Optional[str] = None) -> Iterator[Dict[str, Optional[str]]]:
    """The articles of ``folder`` in file-name order (the order ``tarikh run`` reads them)."""
    if not folder.is_dir():
        raise SystemExit(f"error: `{folder}` is not a folder of .txt articles")
    meta_path = docs_csv or folder / "docs.csv"
    meta: Dict[str, Dict[str, str]] = {}
    if meta_path.exists():
        with open(meta_path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if "doc" not in (reader.fieldnames or []):
                raise SystemExit(f"error: `{meta_path}` has no `doc` column; the header must start with doc,file,published_at")
            for row in reader:
                name = (row.get("file") or "").strip() or f"{row['doc'].strip()}.txt"
                meta[name] = row
    for path in sorted(folder.glob("*.txt")):
        row = meta.get(path.name, {})
        try:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
        except UnicodeDecodeError as e:
            raise SystemExit(f"error: `{path}` is not valid UTF-8 (byte offset {e.start}); save it as UTF-8") from e
        yield {
            "id": (row.get("doc") or "").strip() or path.stem,
            "text": text,
            "published_at": (row.get("published_at") or "").strip() or None,
            "timezone": (row.get("timezone") or "").strip() or None,
            "country": (row.get("country") or "").strip() or None,
            "story": story,
        }


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of .txt articles with an optional docs.csv")
    parser.add_argument("--docs", type=Path, help="metadata file (default: CORPUS/docs.csv)")
    parser.add_argument("--story", help="story name written on every article (default: none)")
    args = parser.parse_args(argv)
    for article in articles(args.corpus, args.docs, args.story):
        sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
