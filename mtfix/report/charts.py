"""Charts as inline SVG: bars, a histogram and a scatter plot, drawn with no script and no
network. Colours come from the page's style sheet (classes, not fills), so dark mode applies;
every label is escaped."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

_ROW, _LABEL, _WIDTH = 22, 190, 460


def bars(
    items: Sequence[tuple[str, float]], title: str, *, kind: str = "", keys: Sequence[str] = (),
    classes: Sequence[str] = (), unit: str = "",
) -> Markup:
    """Horizontal bars, one per (label, value), in the order given. With `kind`, each bar
    names what it stands for (`data-kind`, and as `data-value` its key, else its label) so the
    page can filter by it."""
    items = list(items)
    height = _ROW * len(items) + 8
    top = max((v for _, v in items), default=0) or 1
    span = _WIDTH - _LABEL - 60
    out = [_open(title, _WIDTH, height)]
    for n, (label, value) in enumerate(items):
        y = 4 + n * _ROW
        width = max(1.0, span * value / top) if value else 0
        css = f"bar {classes[n]}" if n < len(classes) else "bar"
        key = keys[n] if n < len(keys) else label
        data = f' data-kind="{escape(kind)}" data-value="{escape(key)}" tabindex="0"' if kind else ""
        out.append(
            f'<g class="item"{data}><title>{escape(label)}: {_number(value)}{escape(unit)}</title>'
            f'<text class="label" x="{_LABEL - 6}" y="{y + 15}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect class="{escape(css)}" x="{_LABEL}" y="{y + 3}" width="{width:.1f}" height="{_ROW - 6}" rx="2"/>'
            f'<text class="value" x="{_LABEL + width + 4:.1f}" y="{y + 15}">{_number(value)}{escape(unit)}</text></g>'
        )
    out.append("</svg>")
    return Markup("".join(out))


def histogram(values: Sequence[float], title: str, *, low: float = 0, high: float = 100, bins: int = 10,
              axis: str = "") -> Markup:
    """How many values fall in each of `bins` equal ranges from `low` to `high` (values
    beyond go to the end bins)."""
    counts = [0] * bins
    for value in values:
        counts[min(bins - 1, max(0, int((value - low) / (high - low) * bins)))] += 1
    width, height, left, bottom = _WIDTH, 200, 40, 36
    plot_w, plot_h = width - left - 10, height - bottom - 14
    top = max(counts, default=0) or 1
    step = plot_w / bins
    out = [_open(title, width, height), _axes(left, 14, plot_w, plot_h)]
    for n, count in enumerate(counts):
        h = plot_h * count / top
        x = left + n * step
        a, b = low + (high - low) * n / bins, low + (high - low) * (n + 1) / bins
        out.append(
            f'<g class="item"><title>{_number(a)}–{_number(b)}: {count}</title>'
            f'<rect class="bar" x="{x + 1:.1f}" y="{14 + plot_h - h:.1f}" width="{step - 2:.1f}" height="{h:.1f}"/></g>'
        )
    for n in range(0, bins + 1, max(1, bins // 5)):
        x = left + n * step
        out.append(f'<text class="tick" x="{x:.1f}" y="{14 + plot_h + 14}" text-anchor="middle">'
                   f'{_number(low + (high - low) * n / bins)}</text>')
    out.append(f'<text class="tick" x="{left - 4}" y="{18}" text-anchor="end">{top}</text>')
    out.append(f'<text class="axis" x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle">{escape(axis)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def scatter(points: Sequence[tuple[float, float]], title: str, *, x_axis: str = "", y_axis: str = "",
            y_high: float | None = None) -> Markup:
    """One dot per (x, y)."""
    width, height, left, bottom = _WIDTH, 220, 44, 36
    plot_w, plot_h = width - left - 10, height - bottom - 14
    x_high = max((x for x, _ in points), default=0) or 1
    y_top = y_high if y_high is not None else (max((y for _, y in points), default=0) or 1)
    out = [_open(title, width, height), _axes(left, 14, plot_w, plot_h)]
    for x, y in points:
        cx = left + plot_w * min(x, x_high) / x_high
        cy = 14 + plot_h - plot_h * min(y, y_top) / y_top
        out.append(f'<circle class="dot" cx="{cx:.1f}" cy="{cy:.1f}" r="2"/>')
    out.append(f'<text class="tick" x="{left}" y="{14 + plot_h + 14}" text-anchor="middle">0</text>')
    out.append(f'<text class="tick" x="{left + plot_w}" y="{14 + plot_h + 14}" text-anchor="end">{_number(x_high)}</text>')
    out.append(f'<text class="tick" x="{left - 4}" y="{18}" text-anchor="end">{_number(y_top)}</text>')
    out.append(f'<text class="axis" x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle">{escape(x_axis)}</text>')
    out.append(f'<text class="axis" transform="translate(12 {14 + plot_h / 2:.1f}) rotate(-90)" '
               f'text-anchor="middle">{escape(y_axis)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _open(title: str, width: int, height: int) -> str:
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')


def _axes(left: float, top: float, width: float, height: float) -> str:
    return (f'<path class="axes" d="M{left} {top} V{top + height:.1f} H{left + width:.1f}" fill="none"/>')


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else "…" + label[-(limit - 1) :]


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
