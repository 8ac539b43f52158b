"""JUnit XML for CI test dashboards (GitLab, Jenkins, Azure): one failing test case per issue,
named by rule and place, with `file` and `line`; a file without issues is one passing case,
and a file that could not be checked one case with an `<error>`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mtfix.engine import FileResult
from mtfix.report import unit_label, where

# Characters XML 1.0 cannot carry at all; document text may contain them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(results: list[FileResult]) -> str:
    suites = ET.Element("testsuites", {"name": "mtfix"})
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        suite = ET.SubElement(suites, "testsuite", {"name": _clean(result.path)})
        counts = _cases(suite, result)
        suite.attrib.update({key: str(value) for key, value in counts.items()}, skipped="0")
        for key in totals:
            totals[key] += counts[key]
    suites.attrib.update({key: str(value) for key, value in totals.items()})
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _cases(suite: ET.Element, result: FileResult) -> dict[str, int]:
    path = _clean(result.path)
    if result.error:
        case = ET.SubElement(suite, "testcase", {"name": path, "classname": path, "file": path})
        ET.SubElement(case, "error", {"message": _clean(result.error), "type": "InputError"})
        return {"tests": 1, "failures": 0, "errors": 1}
    if not result.issues:
        ET.SubElement(suite, "testcase", {"name": path, "classname": path, "file": path})
        return {"tests": 1, "failures": 0, "errors": 0}
    document = result.fixed or result.document
    for issue in result.issues:
        at = where(document, issue)
        place = f"{path}:{at.line}:{at.column}"
        case = ET.SubElement(
            suite,
            "testcase",
            {"name": f"{issue.code} {place}", "classname": path, "file": path, "line": str(at.line)},
        )
        mark = " [*]" if issue.safe_fix else ""
        unit = f" (unit {unit_label(at.unit)})" if at.unit is not None else ""
        failure = ET.SubElement(
            case, "failure", {"message": _clean(issue.message), "type": f"{issue.code} {issue.name}"}
        )
        failure.text = _clean(f"{place}: {issue.code} {issue.message}{mark}{unit}")
    return {"tests": len(result.issues), "failures": len(result.issues), "errors": 0}
