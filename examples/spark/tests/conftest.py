"""Fixtures of the Spark job's test: one local[2] session for all tests, the CLI to compare with."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The job and its converter are scripts beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spark_corpora import CORPORA  # noqa: E402


@pytest.fixture(scope="session")
def tarikh_bin() -> Path:
    """The release CLI (`make test` builds it first); TARIKH_BIN overrides."""
    path = Path(os.environ.get("TARIKH_BIN", ROOT / "target" / "release" / "tarikh"))
    if not path.is_file():
        pytest.fail(f"the tarikh CLI is not at {path}: build it with `cargo build --release -p tarikh` (or set TARIKH_BIN)")
    return path


@pytest.fixture(scope="session")
def cli_runs(tarikh_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    """`tarikh run` over each bundled corpus."""
    out = {}
    for story, corpus in CORPORA.items():
        target = tmp_path_factory.mktemp(f"cli-{story}")
        subprocess.run([str(tarikh_bin), "run", str(corpus), "-o", str(target), "--quiet"], check=True)
        out[story] = target
    return out


@pytest.fixture(scope="session")
def spark():
    """One local[2] Spark session for every test (a JVM start costs seconds)."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("Spark needs a Java runtime (17 or later) and none is on PATH: apt-get install openjdk-17-jre-headless")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("tarikh-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
