"""`--format junit`: one testcase per draft, for CI systems that chart test reports.

A draft fails when a finding is at or above fail-on; an unreadable draft is an error;
findings below fail-on are listed in the testcase's system-out.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from attriblint.report import error_parts, failing

# Characters XML 1.0 cannot hold at all, even escaped (a stray form feed in a draft would
# otherwise make the whole report unreadable).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _finding_line(path: str, f) -> str:
    return f"{path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}"


def _testcase(suite: ET.Element, result, run) -> str:
    case = ET.SubElement(suite, "testcase", classname="attriblint", name=_clean(result.path),
                         file=_clean(result.path), time="0")
    if result.error:
        error = ET.SubElement(case, "error", message=_clean(error_parts(result)[1]), type="unreadable")
        error.text = _clean(result.error)
        return "error"
    failed = [f for f in result.findings if failing(f, run)]
    below = [f for f in result.findings if not failing(f, run)]
    if failed:
        rules = sorted({f.rule for f in failed})
        count = f"{len(failed)} finding{'s' if len(failed) != 1 else ''}"
        failure = ET.SubElement(case, "failure", type=",".join(rules),
                                message=f"{count} at or above {run.fail_on}: {', '.join(rules)}")
        failure.text = _clean("\n".join(_finding_line(result.path, f) for f in failed))
    if below:
        ET.SubElement(case, "system-out").text = _clean("\n".join(_finding_line(result.path, f) for f in below))
    return "failure" if failed else "passed"


def render(results, run) -> str:
    root = ET.Element("testsuites", name="attriblint")
    suite = ET.SubElement(root, "testsuite", name="attriblint")
    outcomes = [_testcase(suite, result, run) for result in results]
    counts = {"tests": str(len(results)), "failures": str(outcomes.count("failure")),
              "errors": str(outcomes.count("error")), "skipped": "0", "time": f"{run.elapsed:.3f}"}
    for element in (root, suite):
        element.attrib.update(counts)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
