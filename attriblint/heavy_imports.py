"""The two heavy libraries, imported without the parts attriblint never uses.

Every cold run pays for these imports, so they are worth trimming:
- spaCy's `__init__` imports its own command line (typer, requests, weasel, jinja2) only to
  expose `spacy.info`: about a third of `import spacy`. A stand-in `spacy.cli` is in place
  while spaCy imports; afterwards the real one imports normally on first use.
- spaCy's registries (catalogue) look up plugin entry points by group about 190 times per
  model load, each time filtering every installed entry point; the groups are indexed once.
- srsly collects its msgpack hooks from that registry on every (de)serialisation, a third of
  the cost of storing a parse in the cache; they are collected again only when it changes.
- textstat 0.7 imports the deprecated `pkg_resources` (a scan of every installed
  distribution) only to open its word lists; it gets a stand-in that opens them through
  `importlib.resources`, which also keeps it working where setuptools no longer ships
  `pkg_resources`.
"""
from __future__ import annotations

import sys
from types import ModuleType


def import_spacy() -> ModuleType:
    if "spacy" not in sys.modules:
        info = ModuleType("spacy.cli.info")
        info.info = _spacy_info
        with _standing_in({"spacy.cli": ModuleType("spacy.cli"), "spacy.cli.info": info}):
            import spacy  # noqa: F401 - imported for its side effect on sys.modules
        catalogue = sys.modules["catalogue"]
        if hasattr(catalogue.AVAILABLE_ENTRY_POINTS, "select"):
            catalogue.AVAILABLE_ENTRY_POINTS = EntryPointIndex(catalogue.AVAILABLE_ENTRY_POINTS)
        from srsly import msgpack

        for hooks in (msgpack.msgpack_encoders, msgpack.msgpack_decoders):
            hooks.get_all = RegistryMemo(hooks, catalogue.REGISTRY)
    return sys.modules["spacy"]


def import_textstat() -> ModuleType:
    if "textstat" not in sys.modules:
        resources = ModuleType("pkg_resources")
        resources.resource_stream = _resource_stream
        with _standing_in({"pkg_resources": resources}):
            import textstat  # noqa: F401
    return sys.modules["textstat"]


class EntryPointIndex:
    """Installed entry points whose selections are made once each and then remembered."""

    def __init__(self, entry_points):
        self.entry_points = entry_points
        self.selections: dict[tuple, object] = {}

    def select(self, **params):
        key = tuple(sorted(params.items()))
        if key not in self.selections:
            self.selections[key] = self.entry_points.select(**params)
        return self.selections[key]


class RegistryMemo:
    """A registry's `get_all`, answered from memory until something is registered in it."""

    def __init__(self, hooks, registry: dict):
        self.get_all = hooks.get_all
        self.namespace = tuple(hooks.namespace)
        self.registry = registry
        self.size = -1
        self.entries: list[tuple] = []  # this registry's (key, function) pairs when last read
        self.found: dict = {}

    def __call__(self) -> dict:
        if len(self.registry) != self.size or any(self.registry.get(k) is not f for k, f in self.entries):
            self.size = len(self.registry)
            self.entries = [(k, f) for k, f in self.registry.items() if k[:-1] == self.namespace]
            self.found = self.get_all()
        return dict(self.found)


def _spacy_info(*args, **kwargs):
    """`spacy.info`, from the real command line, loaded when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _resource_stream(package: str, resource: str):
    from importlib.resources import files

    return files(package).joinpath(resource).open("rb")


class _standing_in:
    """Modules placed in sys.modules for the length of one import, unless already loaded."""

    def __init__(self, modules: dict[str, ModuleType]):
        self.modules = {name: m for name, m in modules.items() if name not in sys.modules}

    def __enter__(self):
        sys.modules.update(self.modules)

    def __exit__(self, *exc_info):
        for name, module in self.modules.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
