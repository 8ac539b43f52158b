"""Each rule's documentation page (`docs/rules/CODE.md`), generated from its metadata, and the
address of that page for SARIF's `helpUri` and the editor's diagnostic links.

    python -m mtfix.report.ruledocs docs/rules     # regenerate the pages after editing a rule

The address follows how mtfix was installed (PEP 610's `direct_url.json`): from a Git URL,
the page at that commit on its host; from a folder, the page in that folder; otherwise the
copy of the pages inside the installed package.
"""

from __future__ import annotations

import inspect
import json
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

PACKAGED = Path(__file__).resolve().parent.parent / "docs" / "rules"  # in a wheel
CHECKOUT = Path(__file__).resolve().parents[2] / "docs" / "rules"  # beside the source


def page(rule) -> str:
    """The Markdown page of a rule: what it catches, how it is reported, bad and good examples."""
    languages = ", ".join(sorted(rule.languages)) or "any"
    fix = "yes" if rule.fixable else "no"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"{rule.summary[:1].upper()}{rule.summary[1:]}.",
        "",
        "| | |",
        "|---|---|",
        f"| category | `{rule.category}` |",
        f"| default severity | {rule.severity.value} |",
        f"| fixes | {fix} |",
        f"| source languages | {languages} |",
        *([f"| runs by default | no: `ALL` leaves it out; select `{rule.code}` or its prefix |"] if rule.opt_in else []),
        "",
        _examples(inspect.cleandoc(rule.__doc__ or "")),
        "",
        (
            f"Select it with `--select {rule.code}` or hide it with `--ignore {rule.code}`; "
            f"`mtfix explain {rule.code}` prints this text."
        ),
        "",
    ]
    return "\n".join(lines)


def _examples(doc: str) -> str:
    """The docstring with its `Bad:` and `Good:` lines as labelled code lines."""
    out = []
    for line in doc.splitlines():
        for label in ("Bad:", "Good:"):
            if line.startswith(label):
                line = f"**{label[:-1]}:** `{line[len(label):].strip()}`" + "  "
        out.append(line)
    return "\n".join(out).rstrip()


def index(rules) -> str:
    """The list of all rule pages."""
    rows = [f"| [{r.code}]({r.code}.md) | {r.name} | {r.summary} |" for r in rules]
    return "\n".join(["# Rules", "", "| code | name | what it catches |", "|---|---|---|", *rows, ""])


def pages() -> dict[str, str]:
    """Every page by file name: one per rule and the index, README.md."""
    from mtfix.registry import all_rules

    rules = list(all_rules().values())
    return {**{f"{r.code}.md": page(r) for r in rules}, "README.md": index(rules)}


def help_uri(code: str) -> str:
    """The address of the rule's page."""
    return f"{_base()}{code}.md"


def information_uri() -> str:
    """The address of mtfix's documentation: the rule pages' index."""
    return f"{_base()}README.md"


@lru_cache(maxsize=1)
def _base() -> str:
    try:
        installed = json.loads(metadata.distribution("mtfix").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        installed = {}
    url, vcs = installed.get("url", ""), installed.get("vcs_info", {})
    if vcs.get("vcs") == "git" and url.startswith("https://") and vcs.get("commit_id"):
        repository = url.removesuffix(".git")
        blob = "/-/blob/" if "gitlab" in repository.split("/")[2] else "/blob/"
        return f"{repository}{blob}{vcs['commit_id']}/docs/rules/"
    folders = [PACKAGED, CHECKOUT]
    if url.startswith("file:") and "dir_info" in installed:
        folders.insert(0, Path(url2pathname(urlparse(url).path)) / "docs" / "rules")
    found = next((folder for folder in folders if folder.is_dir()), PACKAGED)
    return found.as_uri() + "/"


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (target / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
