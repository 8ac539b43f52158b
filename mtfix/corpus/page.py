"""The statistics page: one self-contained HTML file (inline style, inline SVG charts, no
script, no network) with the totals, issues per rule, per-shard throughput and examples."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
#: The most bars a chart draws: more rules are listed in the table only, more shards are
#: drawn as the mean of neighbouring shards.
BARS = 40
WIDTH = 640


def render(stats: dict) -> str:
    """The page for `summarize`'s statistics."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return environment.get_template("stats.html.j2").render(
        stats=stats, rules=rule_bars(stats["rules"]), shards=shard_bars(stats["throughput"]), width=WIDTH
    )


def rule_bars(rules: list[dict], height: int = 18) -> dict:
    """Horizontal bars, one per rule (the BARS with most issues), as SVG geometry."""
    shown = rules[:BARS]
    top = max((r["issues"] for r in shown), default=0) or 1
    label, room = 110, WIDTH - 110 - 70
    bars = [
        {
            "code": r["code"],
            "severity": r["severity"] or "info",
            "issues": r["issues"],
            "y": i * (height + 4),
            "width": max(1, round(room * r["issues"] / top)),
        }
        for i, r in enumerate(shown)
    ]
    return {"bars": bars, "x": label, "height": height, "total": len(bars) * (height + 4)}


def shard_bars(throughput: list[dict], height: int = 160) -> dict:
    """Vertical bars of rows per second per shard (or per group of neighbouring shards)."""
    rates = [t["rows_per_second"] or 0.0 for t in throughput]
    group = max(1, -(-len(rates) // (BARS * 4)))
    groups = [rates[i : i + group] for i in range(0, len(rates), group)]
    means = [sum(g) / len(g) for g in groups]
    top = max(means, default=0.0) or 1.0
    step = WIDTH / max(1, len(means))
    bars = [
        {
            "label": f"shard {i * group}" + (f"–{min(len(rates), (i + 1) * group) - 1}" if group > 1 else ""),
            "rate": mean,
            "x": round(i * step, 2),
            "width": round(max(1.0, step * 0.8), 2),
            "height": round(height * mean / top, 2),
        }
        for i, mean in enumerate(means)
    ]
    return {"bars": bars, "height": height, "top": top, "group": group}
