"""JUnit XML: one test case per file, failing when the file has issues; CI test dashboards read it."""

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
    failures = sum(1 for r in results if r.issues and not r.error)
    errors = sum(1 for r in results if r.error)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors), "time": "0"}
    suites = ET.Element("testsuites", {"name": "mtfix", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "mtfix", "skipped": "0", **counts})
    for result in results:
        case = ET.SubElement(suite, "testcase", {"name": _clean(result.path), "classname": "mtfix", "time": "0"})
        if result.error:
            ET.SubElement(case, "error", {"message": _clean(result.error), "type": "InputError"})
            continue
        if not result.issues:
            continue
        document = result.fixed or result.document
        lines = []
        for issue in result.issues:
            at = where(document, issue)
            mark = " [*]" if issue.safe_fix else ""
            unit = f" (unit {unit_label(at.unit)})" if at.unit is not None else ""
            lines.append(f"{result.path}:{at.line}:{at.column}: {issue.code} {issue.message}{mark}{unit}")
        n = len(result.issues)
        failure = ET.SubElement(
            case, "failure", {"message": f"{n} issue{'s' * (n != 1)}", "type": "mtfix"}
        )
        failure.text = _clean("\n".join(lines))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
