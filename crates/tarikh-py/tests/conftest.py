"""Shared fixtures: the repository's corpora read as the CLI reads them, and the CLI to compare with."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Dict

import pytest

from package_corpora import BOUIRA, ROOT, SEEDS


@pytest.fixture(scope="session")
def tarikh_bin() -> Path:
    """The release CLI (`make test` builds it first); TARIKH_BIN overrides."""
    path = Path(os.environ.get("TARIKH_BIN", ROOT / "target" / "release" / "tarikh"))
    if not path.is_file():
        pytest.fail(f"the tarikh CLI is not at {path}: build it with `cargo build --release -p tarikh` (or set TARIKH_BIN)")
    return path


@pytest.fixture(scope="session")
def cli_runs(tarikh_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    """`tarikh run` over the seeds and the Bouira story, once per session."""
    out = {}
    for name, corpus in (("seeds", SEEDS), ("bouira", BOUIRA)):
        target = tmp_path_factory.mktemp(f"cli-{name}")
        subprocess.run([str(tarikh_bin), "run", str(corpus), "-o", str(target), "--quiet"], check=True)
        out[name] = target
    return out
