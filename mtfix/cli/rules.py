"""`mtfix rules` lists the rules and `mtfix explain` tells one of them."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mtfix.cli.options import Format, FormatOption, Packs, _fail


def rules(
    output: FormatOption = Format.text,
    pair: Annotated[
        Optional[str],
        typer.Option("--pair", help="Only the rules that run for this language pair (ru-en, uk-en)."),
    ] = None,
) -> None:
    """List every rule: code, name, category, default severity, and whether it fixes."""
    from mtfix.languages import PAIRS
    from mtfix.languages import pair as profile
    from mtfix.registry import all_rules

    table = all_rules()
    if pair is not None:
        if pair not in PAIRS:
            raise _fail(f"--pair: unknown language pair {pair!r} (known: {', '.join(PAIRS)})")
        source = profile(pair).source.code
        table = {code: rule for code, rule in table.items() if rule.applies_to(source)}
    if output is Format.json:
        _print_json(table.values())
    else:
        _print_table(table.values())


def _print_json(rules) -> None:
    import json

    rows = [
        {
            "code": r.code,
            "name": r.name,
            "summary": r.summary,
            "category": r.category,
            "severity": r.severity.value,
            "fixable": r.fixable,
            "languages": sorted(r.languages),
            "opt_in": r.opt_in,
        }
        for r in rules
    ]
    print(json.dumps(rows, indent=2, ensure_ascii=False))


def _print_table(rules) -> None:
    print(f"{'code':<6} {'fix':<3}  {'severity':<8} {'name':<28}  category")
    for rule in rules:
        fixable = "[*]" if rule.fixable else "   "
        opt_in = " (opt-in)" if rule.opt_in else ""
        print(f"{rule.code:<6} {fixable}  {rule.severity.value:<8} {rule.name:<28}  {rule.category}{opt_in}")
    print(f"{'LT:*':<6} [*]  {'mapped':<8} {'languagetool':<28}  with --languagetool (mtfix explain LT)")
    print("(opt-in): off by default; `ALL` leaves it out, its code or prefix selects it (`--select ALL,FL`).")
    print("[*]: the rule can fix what it finds (`mtfix explain CODE` says when and how safely).")


def explain(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. PU001, or a pack entry, e.g. CQ001:still-in-year.")],
    pack: Packs = None,
) -> None:
    """Explain a rule or one entry of a pack: what it catches, why, and a bad and a good example."""
    import inspect

    from mtfix.languagetool.mapping import explain as explain_languagetool
    from mtfix.registry import all_rules

    wanted, colon, entry_id = code.strip().partition(":")
    wanted = wanted.upper()
    rules = {**all_rules(), **{r.code: r for r in _house(pack)}}
    rule = rules.get(wanted)
    if rule is None and explain_languagetool(code.strip().upper()):
        print(explain_languagetool(code.strip().upper()))
        return
    if rule is None:
        raise _fail(f"unknown rule code {code!r}; `mtfix rules` lists them")
    if colon:
        _explain_entry(rule, entry_id.strip())
        return
    print(f"{rule.code} ({rule.name}): {rule.summary}")
    print(f"Category: {rule.category}. Default severity: {rule.severity.value}. "
          f"Fix: {'yes' if rule.fixable else 'no'}."
          + (f" Off by default: select it by code or prefix (`--select ALL,{rule.code}`)." if rule.opt_in else ""))
    print()
    print(inspect.cleandoc(rule.__doc__ or ""))


def _house(packs):
    """The rules of `--pack` files and of the house packs configured from here."""
    from mtfix.cli.options import _config_packs
    from mtfix.config import ConfigError, house_rules

    try:
        return house_rules(tuple(p.resolve() for p in packs or ()) + _config_packs(None), "--pack", "command line")
    except ConfigError as err:
        raise _fail(str(err)) from None


def _explain_entry(rule, entry_id: str) -> None:
    """One entry of a pack rule: its message, fix, kind and examples."""
    from mtfix.packs.rule import example

    pack = getattr(rule, "pack", None)
    entry = pack.entry(entry_id) if pack is not None else None
    if entry is None:
        known = ", ".join(sorted(rule.entry_ids)) if rule.entry_ids else "none: it is not a pack"
        raise _fail(f"{rule.code} has no entry {entry_id!r} (its entries: {known})")
    severity = (entry.severity or rule.severity).value
    message, suggestions = example(entry)
    fix = {"none": "no", "safe": "safe", "unsafe": "unsafe (with --unsafe-fixes)"}[entry.fix]
    print(f"{rule.code}:{entry.id} ({rule.name}, {entry.kind}): {message}")
    print(f"Category: {rule.category}. Severity: {severity}. Fix: {fix}. Defined in {pack.path}:{entry.line}.")
    if suggestions and entry.kind != "consistency":
        print("Suggestions: " + ", ".join(f"`{s}`" for s in suggestions))
    if entry.bad or entry.good:
        print()
    if entry.bad:
        print(f"Bad: {entry.bad}")
    if entry.good:
        print(f"Good: {entry.good}")
