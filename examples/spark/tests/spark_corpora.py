"""The bundled corpora and the story each becomes in the Spark job's test input."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CORPORA = {
    "seeds": ROOT / "data" / "corpus",
    "bouira-earthquake-2024": ROOT / "data" / "stories" / "bouira-earthquake-2024" / "corpus",
}
