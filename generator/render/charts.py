"""The portfolio's shape as small SVG pictures, drawn at build time: revenue sparklines,
concentration against the 30-55 % band and the 75 % line, mix by segment, tier and ABC class,
and whitespace (products x accounts).

Hand-made SVG rather than a plotting library: the pictures are a few rectangles and
lines, they sit inline in the page so they take the page's colours (light and dark,
Material's palette toggle included) through CSS classes styled in docs/assets/kam.css,
and they cost no import (matplotlib adds ~1 s and tens of MB for the same bars). Every
piece of user text goes through `escape.html`; each picture has role="img" and a label
that says in words what it shows, and the numbers stay in the tables next to it.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..formats import joined, number
from ..i18n import _, ngettext
from ..model import Plan
from .escape import Markdown, html
from .words import PRODUCT_STATUS, percent

BAND = (0.30, 0.55)  # key accounts' usual share of sales (the Norwegian article)
MONO = 0.75  # above this: mono-dependence
FONT = 13  # px: inline SVG is drawn at 1 px per unit up to the column width
# The longest names the pictures write out in full (characters): a bar's group, a product, an account.
GROUP_CHARS, PRODUCT_CHARS, ACCOUNT_CHARS = 22, 18, 26


def clipped(text: str, chars: int, strip: bool = False) -> str:
    """`text`, or its first chars - 1 characters (`strip`: without trailing spaces) and '…' when it is
    longer than `chars`."""
    if len(text) <= chars:
        return text
    head = text[: chars - 1]
    return (head.rstrip() if strip else head) + "…"


def _svg(width: int, height: int, label: str, body: Sequence[str], css: str) -> Markdown:
    """One inline SVG on one line (Markdown passes it through as raw HTML)."""
    return Markdown(f'<svg class="kam-chart {css}" viewBox="0 0 {width} {height}" width="{width}" '
                    f'height="{height}" role="img" aria-label="{html(label)}"><title>{html(label)}</title>'
                    + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, css: str = "kam-ink", anchor: str = "start", size: int = FONT) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" class="{css}" font-size="{size}" text-anchor="{anchor}">'
            f"{html(text)}</text>")


def _rect(x: float, y: float, w: float, h: float, css: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" class="{css}"/>'


def sparkline(values: Sequence[float], label: str, width: int = 96, height: int = 26) -> Markdown:
    """Revenue over periods as a line; the last point marked. Empty when fewer than two values."""
    if len(values) < 2:
        return Markdown("")
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (width - 6) / (len(values) - 1)
    points = [(3 + i * step, height - 3 - (v - low) / span * (height - 6)) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    x, y = points[-1]
    body = [f'<polyline points="{path}" class="kam-line"/>', f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" '
            f'class="kam-dot"/>']
    return _svg(width, height, label, body, "kam-spark")


def concentration(key_share: Optional[float], width: int = 560) -> Markdown:
    """One bar from 0 to 100 % of our revenue: the key accounts' share, the usual band, the 75 % line."""
    if key_share is None:
        return Markdown("")
    left, right, top, bar = 10, width - 10, 34, 26
    scale = right - left
    share = min(max(key_share, 0.0), 1.0)
    band = dict(low=number(round(BAND[0] * 100)), high=number(round(BAND[1] * 100)))
    # Translators: a label in the concentration chart (keep it short): the usual band of key accounts' share.
    usual = _("usual {low}–{high} %").format(**band)
    # Translators: a label in the concentration chart over two lines (split where the line break is; keep it
    # short); {limit} is a percentage, "75 %".
    mono = _("{limit}: mono-\ndependence").format(limit=percent(MONO, 0)).split("\n", 1) + [""]
    body = [_rect(left, top, scale, bar, "kam-track"),
            _rect(left + BAND[0] * scale, top - 6, (BAND[1] - BAND[0]) * scale, bar + 12, "kam-band"),
            _rect(left, top + 6, share * scale, bar - 12, "kam-bar-" + ("risk" if share > MONO else "fill")),
            f'<line x1="{left + MONO * scale:.1f}" y1="{top - 10}" x2="{left + MONO * scale:.1f}" '
            f'y2="{top + bar + 10}" class="kam-limit"/>',
            _text(left + BAND[0] * scale, top - 12, usual, "kam-muted"),
            _text(left + MONO * scale + 4, top - 12, mono[0], "kam-muted"),
            _text(left + MONO * scale + 4, top + bar + 26, mono[1], "kam-muted"),
            # Translators: a label in the concentration chart (keep it short); {share} is a percentage.
            _text(left + share * scale, top + bar + 26, _("key accounts {share}").format(share=percent(key_share)),
                  "kam-ink", "end" if share > 0.5 else "start")]
    for tick in (0, 0.5, 1):
        body.append(_text(left + tick * scale, top + bar + 44, percent(tick, 0), "kam-muted",
                          {0: "start", 1: "end"}.get(tick, "middle"), 12))
    # Translators: what the concentration chart shows, read out by screen readers; {share} and {limit} are
    # percentages ("80.0 %", "75 %"), {low} and {high} numbers (30, 55).
    label = _("Key accounts bring {share} of our revenue; the usual band is {low} to {high} %, above {limit} the "
              "company depends on a few customers").format(share=percent(key_share), limit=percent(MONO, 0), **band)
    return _svg(width, top + bar + 52, label, body, "kam-conc")


def bars(title: str, rows: Sequence[tuple[str, float, int]], total: float, width: int = 560) -> Markdown:
    """Horizontal bars: each group's share of revenue (label, amount, number of accounts)."""
    if not rows or not total:
        return Markdown("")
    label_w, row_h, top = 200, 24, 8
    scale = width - label_w - 120
    body = []
    for i, (name, amount, count) in enumerate(rows):
        y = top + i * row_h
        share = amount / total
        body += [_text(label_w - 8, y + 15, clipped(name, GROUP_CHARS, strip=True), "kam-ink", "end"),
                 _rect(label_w, y + 3, scale, row_h - 8, "kam-track"),
                 _rect(label_w, y + 3, share * scale, row_h - 8, "kam-bar-fill"),
                 _text(label_w + scale + 8, y + 15, f"{percent(share)} · {number(count)}", "kam-ink")]
    # Translators: one group of a bar chart, read out by screen readers: {group} is its name (a segment, a
    # tier), {share} a percentage.
    groups = joined((ngettext("{group} {share} of key-account revenue, {count} account",
                              "{group} {share} of key-account revenue, {count} accounts", count)
                     .format(group=name, share=percent(amount / total), count=number(count))
                     for name, amount, count in rows), ";")
    # Translators: what a bar chart shows, read out by screen readers: its title ("By segment") and its groups.
    label = _("{title}: {groups}").format(title=title, groups=groups)
    return _svg(width, top + len(rows) * row_h + 4, label, body, "kam-bars")


# A product status's symbol in a whitespace cell: PRODUCT_STATUS's, which a translation must not move or drop.
PRODUCT_MARK = {"owned": "✔", "pilot": "◐", "missing": "○", "competitor": "✖", "not_relevant": "–"}
WHITESPACE_CSS = {"owned": "kam-ws-owned", "pilot": "kam-ws-pilot", "missing": "kam-ws-missing",
                  "competitor": "kam-ws-competitor", "not_relevant": "kam-ws-none"}


def _status(plan: Plan, product: str) -> Optional[str]:
    """An account's best status for a product across its units (owned > pilot > competitor > missing)."""
    order = ("owned", "pilot", "competitor", "missing", "not_relevant")
    found = [s for p in plan.situation.products if p.name == product
             for s in ([p.status] + [p.status_in(u.id) for u in plan.situation.units])]
    return min(found, key=order.index) if found else None


def whitespace(plans: Sequence[Plan], products: Sequence[str]) -> Markdown:
    """Products x accounts: a cell per pair, its symbol (greyscale-safe) and fill by status."""
    if not plans or not products:
        return Markdown("")
    label_w, cell, head = 190, 30, 120
    width = label_w + cell * len(products) + 10
    body = []
    for j, product in enumerate(products):
        x = label_w + j * cell + cell / 2
        short = clipped(product, PRODUCT_CHARS)
        body.append(f'<text transform="translate({x + 4:.1f},{head - 6}) rotate(-50)" class="kam-ink" '
                    f'font-size="12">{html(short)}</text>')
    for i, plan in enumerate(plans):
        y = head + i * cell
        body.append(_text(label_w - 8, y + cell / 2 + 5, clipped(plan.name, ACCOUNT_CHARS), "kam-ink", "end", 12))
        for j, product in enumerate(products):
            status = _status(plan, product)
            x = label_w + j * cell
            if status is None:
                body.append(_rect(x + 2, y + 2, cell - 4, cell - 4, "kam-ws-unknown"))
                continue
            body += [_rect(x + 2, y + 2, cell - 4, cell - 4, WHITESPACE_CSS[status]),
                     _text(x + cell / 2, y + cell / 2 + 5, PRODUCT_MARK[status], "kam-ws-mark", "middle", 13)]
    lacking = sum(_status(p, product) in ("missing", "competitor") for p in plans for product in products)
    counted = dict(products=ngettext("{count} product", "{count} products", len(products)).format(
                       count=number(len(products))),
                   accounts=ngettext("{count} account", "{count} accounts", len(plans)).format(
                       count=number(len(plans))),
                   # Translators: part of what the whitespace picture shows ("3 places where an account ...").
                   places=ngettext("{count} place where an account lacks a product of ours or has it from a competitor",
                                   "{count} places where an account lacks a product of ours or has it from a "
                                   "competitor", lacking).format(count=number(lacking)))
    # Translators: what the whitespace picture shows, read out by screen readers: "Whitespace: 14 products by
    # 30 accounts; 52 places where an account lacks a product of ours or has it from a competitor".
    label = _("Whitespace: {products} by {accounts}; {places}").format(**counted)
    return _svg(width, head + len(plans) * cell + 6, label, body, "kam-ws")
