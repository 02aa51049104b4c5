"""The real `pre-commit try-repo` against this checkout, in a throw-away git repo.

try-repo clones HEAD of the checkout (plus uncommitted changes to tracked files) and
`pip install`s it into a new virtualenv for every call. The hook environment sees the
system site-packages (VIRTUALENV_SYSTEM_SITE_PACKAGES), so pip finds spaCy and the model
already installed instead of installing them again: 15-50 s a call instead of 1-3 minutes.
try-repo keeps its environments in a temporary store of its own, so they cannot be shared
between calls; PRE_COMMIT_HOME only keeps pre-commit's log out of the user's cache.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

DIRTY = "Troops moved to more advantageous positions, the army said.\n"
CLEAN = "The council approved the budget on Tuesday, the mayor said.\n"


@pytest.fixture(scope="session")
def hook_env(tmp_path_factory):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit try-repo needs one")
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"],
                             capture_output=True, text=True)
    assert tracked.returncode == 0, "commit .pre-commit-hooks.yaml: try-repo only sees tracked files"
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.getbasetemp() / "pre-commit-home"),
           "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1", "PRE_COMMIT_COLOR": "never",
           "GIT_AUTHOR_NAME": "attriblint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
           "GIT_COMMITTER_NAME": "attriblint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid"}
    return env


def _try_repo(env, folder, drafts: dict[str, str], *files):
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    for name, text in drafts.items():
        (folder / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(folder), "add", "."], check=True)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "attriblint", "--verbose",
                           "--files", *files], cwd=folder, env=env, capture_output=True, text=True, timeout=900)


def test_hook_fails_a_staged_draft_with_a_euphemism(hook_env, tmp_path):
    result = _try_repo(hook_env, tmp_path, {"story.md": DIRTY}, "story.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "attriblint (news drafts)" in result.stdout and "Failed" in result.stdout
    assert "story.md:1:8: euphemism [warning] \"moved to more advantageous positions\" is a euphemism" in result.stdout


def test_hook_passes_a_clean_draft_and_skips_files_that_are_not_drafts(hook_env, tmp_path):
    result = _try_repo(hook_env, tmp_path, {"story.md": CLEAN, "notes.txt": CLEAN, "build.py": "x = 1\n"},
                       "story.md", "notes.txt", "build.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert "collected 2 drafts" in result.stdout  # build.py is not handed to the hook
    assert "story.md PASSED" in result.stdout and "notes.txt PASSED" in result.stdout
