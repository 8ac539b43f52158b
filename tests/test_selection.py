"""Rule selection: opt-in rules are left out by `ALL` and chosen by their code or a prefix."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.registry import Rule, all_rules
from mtfix.selection import runs, selected


class _Usual(Rule):
    code = "ZZ001"


class _OptIn(Rule):
    code = "ZZ002"
    opt_in = True


def test_all_chooses_a_usual_rule_and_leaves_an_opt_in_one_out():
    assert runs(_Usual, ["ALL"], [])
    assert not runs(_OptIn, ["ALL"], [])


def test_an_opt_in_rule_is_chosen_by_its_code_or_a_prefix():
    for select in (["ZZ002"], ["ZZ"], ["ALL", "ZZ"], ["ZZ00"]):
        assert runs(_OptIn, select, []), select
    assert not runs(_OptIn, ["ZZ001"], [])


def test_ignore_still_wins_when_more_specific():
    assert not runs(_OptIn, ["ZZ"], ["ZZ002"])
    assert runs(_OptIn, ["ZZ002"], ["ZZ"])
    assert not runs(_OptIn, ["ALL", "ZZ"], ["ALL", "ZZ002"])


def test_every_shipped_opt_in_rule_is_off_under_all_and_on_by_code():
    opt_in = [code for code, rule in all_rules().items() if rule.opt_in]
    assert "FL001" in opt_in
    under_all = {rule.code for rule in selected(["ALL"], [])}
    assert not set(opt_in) & under_all
    assert set(opt_in) <= {rule.code for rule in selected(["ALL", *opt_in], [])}
    assert under_all | set(opt_in) == set(all_rules())


def test_rules_command_says_which_rules_are_opt_in():
    runner = CliRunner()
    table = runner.invoke(app, ["rules"]).output.splitlines()
    assert next(line for line in table if line.startswith("FL001")).endswith("(opt-in)")
    assert not next(line for line in table if line.startswith("PU001")).endswith("(opt-in)")
    rows = {row["code"]: row for row in json.loads(runner.invoke(app, ["rules", "--format", "json"]).output)}
    assert rows["FL001"]["opt_in"] is True and rows["PU001"]["opt_in"] is False
    explained = runner.invoke(app, ["explain", "FL001"]).output
    assert "Off by default" in explained
