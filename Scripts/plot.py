#!/usr/bin/env python3
"""Figures from an ampsim summary_ci.csv (a sweep's, a compare's, or a single run's) and paired.csv.

Usage:
    python3 Scripts/plot.py SUMMARY_CI.csv --out DIR [--paired PAIRED.csv] [--scenario FILE.yaml]
                            [--x COLUMN] [--title TEXT] [--ignore COLUMN]... [--only FIGURE]...
    python3 Scripts/plot.py PAIRED.csv --out DIR            (the paired-difference figure alone)

Needs only matplotlib (python3 -m pip install matplotlib); reads the CSVs with the csv module.

Input: the long form that `ampsim sweep` writes: the grid-parameter columns first (any names, e.g.
`payment.protocol`, `payment.strategy`, `workload.amount_sat`), then
`metric,replications,mean,ci_lower,ci_upper,interval`, one row per (grid point, metric). Every column
before `metric` is a grid parameter; a column that repeats another one value for value (`protocol`
beside `payment.protocol`) is read once. The x axis is `--x` (a column, or a part of one column's
name), else the first column whose name contains `amount`, else the only (or first numeric) grid
column. The x axis is logarithmic when x spans more than a decade.

Layout, made for print:
  - when the strategy and at least one other column vary, one panel per strategy (side by side, same
    y axis); inside a panel the protocol is the line style, the marker and the colour, the same in
    every panel (keysend black solid circles, mpp blue dashed squares, amp orange dotted triangles);
  - series whose values are identical at every point (AMP and MPP with honest receivers take the same
    routes and outcomes) are drawn once, labelled "mpp = amp", and a note under the figure says so;
  - bands are the 95% intervals of summary_ci.csv, clipped to the metric's range (shares to [0, 1],
    counts and amounts to >= 0);
  - a metric that is zero or empty everywhere gets no panel, and a figure with no panel is not
    written (plot.py says which on standard error);
  - the figure's title is its metric, under it the scenario's question: `--title`, else the
    `description:` of `--scenario` (or of the `scenario.yaml` beside the input), else nothing.

Writes DIR/NAME.png, DIR/NAME.svg and DIR/NAME.pdf (no dates inside: same input, same bytes) for:
    success_rate       success rate, and the oracle's multi- and single-path bounds (feasible shares)
                       as black dashed and dotted lines when present
    success_feasible   success among the payments that could have succeeded (success_rate_feasible)
    fee_ppm            mean fee of successful payments, ppm of the amount
    htlcs_slots        HTLCs per payment and slot-seconds per payment (two rows)
    locked_liquidity   locked liquidity per payment (sat·s)
    partial_loss       partial loss per replication (sat)
    linkable_parts     linkable parts per payment
    slots_exhausted    payments per replication that failed for lack of HTLC slots
    paired_difference  (with --paired, or when the input is a paired.csv) each configuration minus
                       the baseline, replication by replication, with its 95% interval, for success
                       rate, fees, HTLCs, slot-seconds and locked liquidity; a zero line
A plain `ampsim run` summary_ci.csv (no grid columns) gives one figure, `summary`, with one bar per
metric above and its interval.
"""
import argparse
import csv
import math
import os
import sys

LONG_COLUMNS = ["metric", "replications", "mean", "ci_lower", "ci_upper", "interval"]
PAIRED_COLUMNS = ["baseline_point", "metric", "pairs", "mean_difference", "ci_lower", "ci_upper"]
# Columns a sweep might add that identify a grid point or a run rather than set a parameter.
# The configuration columns every summary table starts with (`scenario`, `protocol`, `strategy`) are
# left out too: when they vary they are grid columns as well (`payment.protocol`).
AUTO_IGNORE = {"point", "grid_point", "point_id", "run", "run_id", "run_dir", "dir", "out", "path", "scenario",
               "baseline_point", "protocol", "strategy"}

# (file name, title, [(metric, y label, scale, y log allowed)])
FIGURES = [
    ("success_rate", "Success rate", [("success_rate", "success rate (share of payments)", 1.0, False)]),
    ("success_feasible", "Success among payments that could have succeeded", [
        ("success_rate_feasible", "success among multi-path-feasible payments", 1.0, False)]),
    ("fee_ppm", "Fees of successful payments", [("fee_ppm_mean", "mean fee (ppm of amount)", 1.0, True)]),
    ("htlcs_slots", "HTLCs and slot occupancy", [
        ("htlcs_per_payment", "HTLCs per payment (over all hops)", 1.0, True),
        ("slot_seconds_per_payment", "slot·s per payment (s)", 1.0, True)]),
    ("locked_liquidity", "Locked liquidity", [
        ("locked_msat_seconds_per_payment", "locked liquidity per payment (sat·s)", 1e-3, True)]),
    ("partial_loss", "Partial loss (failed payments partly settled)", [
        ("partial_loss_msat_total", "partial loss per replication (sat)", 1e-3, False)]),
    ("linkable_parts", "Linkable parts", [("linkable_parts_mean", "linkable parts per payment", 1.0, False)]),
    ("slots_exhausted", "Failures for lack of HTLC slots", [
        ("slots_exhausted_payments", "payments failed: slots exhausted (per replication)", 1.0, False)]),
]
# The paired-difference figure: (metric, y label, scale)
PAIRED = [
    ("success_rate", "Δ success rate", 1.0),
    ("fee_ppm_mean", "Δ mean fee (ppm)", 1.0),
    ("htlcs_per_payment", "Δ HTLCs per payment", 1.0),
    ("slot_seconds_per_payment", "Δ slot·s per payment (s)", 1.0),
    ("locked_msat_seconds_per_payment", "Δ locked liquidity (sat·s per payment)", 1e-3),
]
# Metrics that are shares: their means and intervals lie in [0, 1]. Every other plotted metric is >= 0.
SHARES = {"success_rate", "volume_success_rate", "success_rate_feasible", "volume_success_rate_feasible",
          "feasible_single_path_share", "feasible_multi_path_share", "linked_payment_share"}

FRIENDLY = {  # last path component -> axis label
    "amount_sat": "payment amount (sat)",
    "amount_msat": "payment amount (msat)",
    "arrival_rate_per_s": "arrival rate (payments/s, network-wide)",
    "offline_probability": "offline probability (per node)",
    "max_accepted_htlcs": "max_accepted_htlcs (HTLC slots per channel direction)",
    "extra_parts": "spare parts (k)",
    "payments": "payments per replication",
    "nodes": "nodes",
}
UNITS = [("_per_s", "1/s"), ("_msat", "msat"), ("_sat", "sat"), ("_ppm", "ppm"), ("_ms", "ms"), ("_s", "s")]

# Protocol styles, the same in every panel and figure (readable in black and white: dash and marker).
PROTOCOL_STYLE = {
    "keysend": dict(color="black", linestyle="-", marker="o"),
    "mpp": dict(color="tab:blue", linestyle="--", marker="s"),
    "amp": dict(color="tab:orange", linestyle=":", marker="^"),
    "redundant": dict(color="tab:green", linestyle="-.", marker="D"),
}
MARKERS = "osD^v<>ph*X"
LINES = ["-", "--", ":", "-."]


def fail(message):
    print("plot.py: " + message, file=sys.stderr)
    sys.exit(2)


def note(message):
    print("plot.py: " + message, file=sys.stderr)


def number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def short(column):
    return column.replace("/", ".").split(".")[-1]


def axis_label(column):
    name = short(column)
    if name in FRIENDLY:
        return FRIENDLY[name]
    for suffix, unit in UNITS:
        if name.endswith(suffix):
            return "%s (%s)" % (column, unit)
    return column


def read_rows(path):
    """The CSV's rows; a file that is not UTF-8 text or not CSV exits 2 with the reason."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError as error:
        fail("%s: byte %d is not UTF-8 text: expected a CSV written by ampsim" % (path, error.start))
    except csv.Error as error:
        fail("%s: not a CSV file (%s)" % (path, error))
    except OSError as error:
        fail("%s: cannot read it (%s)" % (path, error.strerror or error))
    if not rows:
        fail("%s is empty" % path)
    return [h.strip() for h in rows[0]], rows[1:]


def read(path, boundary, columns, value_column):
    """(grid columns, records) of a long table: every column before `boundary` is a grid column."""
    header, body = read_rows(path)
    if boundary not in header:
        fail("%s: no `%s` column; expected %s (… ,%s)" % (
            path, boundary, "a summary_ci.csv" if boundary == "metric" else "a paired.csv", ",".join(columns)))
    b = header.index(boundary)
    missing = [c for c in columns if c not in header[b:]]
    if missing:
        fail("%s: missing column(s) %s after `%s`" % (path, ", ".join(missing), boundary))
    grid = header[:b]
    index = {c: header.index(c) for c in columns}
    records = []
    for line, row in enumerate(body, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            fail("%s:%d: %d fields, the header has %d" % (path, line, len(row), len(header)))
        records.append({
            "grid": tuple(row[:b]),
            "metric": row[index["metric"]],
            "mean": number(row[index[value_column]]),
            "lo": number(row[index["ci_lower"]]),
            "hi": number(row[index["ci_upper"]]),
            "baseline": row[index["baseline_point"]] if "baseline_point" in index else None,
        })
    if not records:
        fail("%s: no rows" % path)
    return grid, records


def is_paired(path):
    header, _ = read_rows(path)
    return "mean_difference" in header and "baseline_point" in header


def scenario_question(path):
    """The top-level `description:` of a scenario file (one line, quotes removed), or None."""
    if not path or not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("description:"):
                    text = line[len("description:"):].strip()
                    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
                        text = text[1:-1]
                    return text or None
    except (OSError, UnicodeDecodeError):
        return None
    return None


def choose_x(grid, records, requested):
    if requested:
        if requested in grid:
            return requested
        matches = [c for c in grid if requested.lower() in c.lower()]
        if len(matches) == 1:  # e.g. --x arrival_rate for `workload.arrival_rate_per_s`
            return matches[0]
        fail("--x %s is not a grid column (grid columns: %s)" % (requested, ", ".join(grid) or "none"))
    for column in grid:
        if "amount" in column.lower():
            return column
    if len(grid) == 1:
        return grid[0]
    for i, column in enumerate(grid):
        values = {r["grid"][i] for r in records}
        if len(values) > 1 and all(number(v) is not None for v in values):
            return column
    fail("cannot tell which grid column is the x axis (%s): pass --x COLUMN" % ", ".join(grid))


def ordered(values):
    """Numbers in numeric order (30 before 483); text in the order it first appears (the sweep's)."""
    values = list(dict.fromkeys(values))
    if all(number(v) is not None for v in values):
        return sorted(values, key=number)
    return values


def setup_matplotlib():
    try:
        import matplotlib
    except ImportError:
        fail("needs matplotlib: python3 -m pip install matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({
        "font.size": 10, "axes.titlesize": 10, "axes.labelsize": 10, "legend.fontsize": 9,
        "xtick.labelsize": 9, "ytick.labelsize": 9, "axes.grid": True, "grid.alpha": 0.3,
        "svg.hashsalt": "ampsim", "savefig.dpi": 150, "pdf.fonttype": 42,
    })
    return plt


def save(plt, fig, out, name, written):
    for ext in ("png", "svg", "pdf"):
        path = os.path.join(out, "%s.%s" % (name, ext))
        # No creation date in the files, so the same input gives the same bytes.
        metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[ext]
        fig.savefig(path, bbox_inches="tight", metadata=metadata)
        written.append(path)
    plt.close(fig)


class Layout:
    """How the grid maps to figures: the x column, the panel (facet) column, the series columns."""

    def __init__(self, grid, records, x_column, ignore):
        self.grid = grid
        self.xi = grid.index(x_column)
        self.x_column = x_column
        others = [i for i, c in enumerate(grid) if i != self.xi and c not in ignore]
        kept = []
        for i in others:  # `protocol` beside `payment.protocol`: the same values, read once
            if not any(all(r["grid"][i] == r["grid"][j] for r in records) for j in kept + [self.xi]):
                kept.append(i)
        varying = [i for i in kept if len({r["grid"][i] for r in records}) > 1]
        self.facet = None
        if len(varying) >= 2:
            for i in varying:
                if short(grid[i]) == "strategy":
                    self.facet = i
        self.kept = kept
        self.series = [i for i in varying if i != self.facet]
        xs_text = ordered(r["grid"][self.xi] for r in records)
        self.numeric_x = all(number(v) is not None for v in xs_text)
        if self.numeric_x:
            positive = [number(v) for v in xs_text if number(v) > 0]
            self.log_x = len(positive) == len(xs_text) and len(positive) > 1 and max(positive) / min(positive) > 10
            self.position = {v: number(v) for v in xs_text}
        else:
            self.log_x = False
            self.position = {v: i for i, v in enumerate(xs_text)}
        self.xs_text = xs_text
        self.facets = ordered(r["grid"][self.facet] for r in records) if self.facet is not None else [None]
        self.keys = list(dict.fromkeys(self.key(r) for r in records))
        protocol = [j for j, i in enumerate(self.series) if short(grid[i]) == "protocol"]
        self.protocol_slot = protocol[0] if protocol else None

    def key(self, record):
        return tuple(record["grid"][i] for i in self.series)

    def label(self, key):
        parts = []
        for i, value in zip(self.series, key):
            if value == "":  # a column the series does not set (k for plain AMP)
                continue
            parts.append("%s=%s" % (short(self.grid[i]), value) if number(value) is not None else value)
        return " / ".join(parts) if parts else "all"

    def group_label(self, group):
        """One series' label, or for identical series `mpp = amp`, or, when they share some values,
        `amp (identical for offline_probability=0, 0.05, 0.1)`."""
        if len(group) == 1:
            return self.label(group[0])
        same = [j for j in range(len(self.series)) if len({k[j] for k in group}) == 1]
        if not same:
            return " = ".join(self.label(k) for k in group)
        common = []
        for j in same:
            value = group[0][j]
            common.append("%s=%s" % (short(self.grid[self.series[j]]), value) if number(value) is not None else value)
        differ = []
        for j in range(len(self.series)):
            if j not in same:
                present = [v for v in dict.fromkeys(k[j] for k in group) if v != ""]
                values = ", ".join(present)
                numeric = present and all(number(v) is not None for v in present)
                differ.append("%s=%s" % (short(self.grid[self.series[j]]), values) if numeric else values)
        return "%s (identical for %s)" % (" / ".join(common), "; ".join(d for d in differ if d))

    def legend_title(self):
        return " / ".join(short(self.grid[i]) for i in self.series) or None

    def style(self, key):
        """Protocol keeps its style everywhere; other series columns cycle colours and dashes."""
        import matplotlib.pyplot as plt
        base = dict(markersize=5, linewidth=1.6)
        if self.protocol_slot is not None and len(self.series) == 1 and key[0] in PROTOCOL_STYLE:
            return dict(base, **PROTOCOL_STYLE[key[0]])
        palette = plt.get_cmap("tab10").colors if len(self.keys) <= 10 else plt.get_cmap("tab20").colors
        i = self.keys.index(key)
        return dict(base, color=palette[i % len(palette)], marker=MARKERS[i % len(MARKERS)],
                    linestyle=LINES[(i // len(palette)) % len(LINES)])

    def panel_title(self, facet):
        return None if facet is None else "%s: %s" % (short(self.grid[self.facet]), facet)

    def decorate(self, ax):
        if self.log_x:
            ax.set_xscale("log")
        if not self.numeric_x:
            ax.set_xticks(range(len(self.xs_text)))
            ax.set_xticklabels(self.xs_text, rotation=30, ha="right")


def clip(value, metric, difference=False):
    if value is None:
        return None
    if metric in SHARES:
        low, high = (-1.0, 1.0) if difference else (0.0, 1.0)
        return min(max(value, low), high)
    return value if difference else max(value, 0.0)


def series_points(layout, records, metric, facet, scale, difference=False):
    """series key -> [(x, mean, lo, hi)] sorted by x, for one metric and one panel."""
    out = {}
    for r in records:
        if r["metric"] != metric or r["mean"] is None:
            continue
        if layout.facet is not None and r["grid"][layout.facet] != facet:
            continue
        lo, hi = clip(r["lo"], metric, difference), clip(r["hi"], metric, difference)
        out.setdefault(layout.key(r), []).append((
            layout.position[r["grid"][layout.xi]], r["mean"] * scale,
            None if lo is None else lo * scale, None if hi is None else hi * scale))
    return {k: sorted(v) for k, v in out.items()}


def coincide(points):
    """Groups of series keys whose points are identical (same x, mean and interval everywhere)."""
    groups = []
    for key in points:
        for group in groups:
            if points[group[0]] == points[key]:
                group.append(key)
                break
        else:
            groups.append([key])
    return groups


def has_signal(records, metric):
    return any(r["metric"] == metric and r["mean"] is not None and r["mean"] != 0 for r in records)


def draw_series(ax, layout, points, band_alpha):
    """Draws one panel's series, identical ones once; returns the identical groups' labels."""
    same = []
    order = [k for k in layout.keys if k in points]
    for group in coincide({k: points[k] for k in order}):
        key = group[0]
        label = layout.group_label(group)
        if len(group) > 1:
            same.append(label)
        pts = points[key]
        s = layout.style(key)
        x = [p[0] for p in pts]
        if not layout.numeric_x:
            # Categories (strategies on the x axis): a marker and its interval per category, no line
            # joining unrelated categories; series side by side.
            shift = 0.12 * (order.index(key) - (len(order) - 1) / 2)
            xs = [v + shift for v in x]
            ax.errorbar(xs, [p[1] for p in pts], label=label, color=s["color"], marker=s["marker"], linestyle="none",
                        markersize=6, capsize=3,
                        yerr=[[p[1] - (p[2] if p[2] is not None else p[1]) for p in pts],
                              [(p[3] if p[3] is not None else p[1]) - p[1] for p in pts]])
            continue
        ax.plot(x, [p[1] for p in pts], label=label, **s)
        band = [p for p in pts if p[2] is not None and p[3] is not None]
        if len(band) > 1:
            ax.fill_between([p[0] for p in band], [p[2] for p in band], [p[3] for p in band],
                            color=s["color"], alpha=band_alpha, linewidth=0)
        elif len(band) == 1:
            p = band[0]
            ax.errorbar([p[0]], [p[1]], yerr=[[p[1] - p[2]], [p[3] - p[1]]], color=s["color"], capsize=3)
    return same


def oracle_lines(ax, layout, records, facet):
    """The oracle's bounds in a success panel: what a perfect sender could have delivered (the same
    payments for every configuration, so the mean over the panel's series)."""
    for bound, label, line in (("feasible_multi_path_share", "multi-path oracle (could have succeeded)", "--"),
                               ("feasible_single_path_share", "single-path oracle", ":")):
        at = {}
        for pts in series_points(layout, records, bound, facet, 1.0).values():
            for p in pts:
                at.setdefault(p[0], []).append(p[1])
        if at:
            bx = sorted(at)
            ax.plot(bx, [sum(at[v]) / len(at[v]) for v in bx], line, color="black", linewidth=1.2, label=label)


def finish(plt, fig, axes, layout, heading, question, same, out, name, written):
    labels = {}
    for ax in axes.flat:
        for handle, label in zip(*ax.get_legend_handles_labels()):
            labels.setdefault(label, handle)
    if labels and (len(layout.keys) > 1 or layout.series):
        fig.legend(list(labels.values()), list(labels.keys()), loc="upper left", bbox_to_anchor=(1.0, 0.95),
                   frameon=False, title=layout.legend_title())
    fig.suptitle(heading + ("\n" + question if question else ""), fontsize=11, y=0.995)
    if same:
        fig.text(0.01, -0.01, "Identical values, drawn once: " + "; ".join(dict.fromkeys(same)) + ".",
                 fontsize=8, ha="left", va="top", wrap=True)
    # Leave room over the panels for the title (and the question's line under it).
    height = fig.get_size_inches()[1]
    fig.tight_layout(rect=(0, 0, 1, 1 - (0.6 if question else 0.35) / height))
    save(plt, fig, out, name, written)


def grid_figure(plt, layout, records, name, heading, panels, question, out, written, difference=False):
    rows = [p for p in panels if has_signal(records, p[0])]
    for p in panels:
        if p not in rows and any(r["metric"] == p[0] for r in records):
            note("%s: %s is zero or empty everywhere: no panel" % (name, p[0]))
    if not rows:
        note("%s: nothing to show, not written" % name)
        return
    facets = [f for f in layout.facets
              if any(series_points(layout, records, p[0], f, 1.0, difference) for p in rows)]
    # One row per metric and one column per panel; a single metric's panels wrap after three columns.
    wrap = 3 if len(rows) == 1 and len(facets) > 3 else len(facets)
    nrows = len(rows) * ((len(facets) + wrap - 1) // wrap)
    width = 3.6 * wrap + 1.2 if wrap > 1 else 6.4
    fig, grid_axes = plt.subplots(nrows, wrap, figsize=(width, 3.1 * nrows + 0.6 if wrap > 1 else 4.2 * nrows + 0.6),
                                  squeeze=False, sharex=True, sharey=True if len(rows) == 1 else "row")
    for ax in grid_axes.flat[len(rows) * len(facets):]:
        ax.set_visible(False)

    def at(r, c):
        flat = r * len(facets) + c
        return grid_axes[flat // wrap, flat % wrap]

    def bottom(r, c):  # no visible panel under this one
        flat = r * len(facets) + c
        return flat + wrap >= len(rows) * len(facets)
    band_alpha = 0.15 if len(layout.keys) <= 4 else 0.08
    same = []
    for r, panel in enumerate(rows):
        metric, ylabel, scale = panel[0], panel[1], panel[2]
        may_log_y = panel[3] if len(panel) > 3 else False
        values = []
        for c, facet in enumerate(facets):
            ax = at(r, c)
            points = series_points(layout, records, metric, facet, scale, difference)
            values += [v for pts in points.values() for p in pts for v in (p[1], p[2]) if v is not None]
            same += draw_series(ax, layout, points, band_alpha)
            if metric == "success_rate" and not difference:
                oracle_lines(ax, layout, records, facet)
            if difference:
                ax.axhline(0, color="grey", linewidth=0.8)
            layout.decorate(ax)
            if r == 0 and layout.panel_title(facet):
                ax.set_title(layout.panel_title(facet))
            if bottom(r, c):
                ax.xaxis.set_tick_params(labelbottom=True)
                ax.set_xlabel(axis_label(layout.x_column))
            if c % wrap == 0:
                ax.set_ylabel(ylabel)
        ax0 = at(r, 0)
        positive = [v for v in values if v > 0]
        if may_log_y and positive and len(positive) == len(values) and max(positive) / min(positive) > 100:
            ax0.set_yscale("log")
        elif metric in SHARES and not difference:
            ax0.set_ylim(-0.02, 1.02)
        elif values and max(abs(v) for v in values) >= 1e4:
            from matplotlib.ticker import FuncFormatter  # 20,000,000 rather than an offset "1e7"
            ax0.yaxis.set_major_formatter(FuncFormatter(lambda v, _: "{:,.0f}".format(v)))
    finish(plt, fig, grid_axes, layout, heading, question, same, out, name, written)


def plot_grid(plt, grid, records, x_column, out, question, ignore, only=None):
    layout = Layout(grid, records, x_column, ignore)
    written = []
    available = {r["metric"] for r in records}
    for name, heading, panels in FIGURES:
        if only and name not in only:
            continue
        panels = [p for p in panels if p[0] in available]
        if not panels:
            note("%s: its metrics are not in the file, skipped" % name)
            continue
        grid_figure(plt, layout, records, name, heading, panels, question, out, written)
    return written


def plot_paired(plt, path, summary, out, question, x_request, ignore):
    grid, records = read(path, "baseline_point", PAIRED_COLUMNS, "mean_difference")
    ignore = set(ignore) | {c for c in grid if c.lower() in AUTO_IGNORE and c != x_request}
    used = [c for c in grid if c not in ignore]
    if not used:
        fail("%s: no grid columns to draw the differences against" % path)
    layout = Layout(grid, records, choose_x(used, records, x_request), ignore)
    heading = "Difference from the baseline, replication by replication (mean, 95% interval)"
    if summary is not None and "point" in summary[0]:
        s_grid, s_records = summary
        p = s_grid.index("point")
        base_points = {r["baseline"] for r in records}
        names = set()
        for r in s_records:
            if r["grid"][p] in base_points:
                names.add(" / ".join(v for c, v in zip(s_grid, r["grid"]) if c in [grid[i] for i in layout.kept]))
        if len(names) == 1:
            heading = "Difference from %s, replication by replication (mean, 95%% interval)" % names.pop()
    written = []
    grid_figure(plt, layout, records, "paired_difference", heading, PAIRED, question, out, written, difference=True)
    return written


def plot_single(plt, records, out, title):
    """A plain `ampsim run` summary_ci.csv: one bar (with its interval) per metric of FIGURES."""
    by_metric = {r["metric"]: r for r in records}
    panels = [(m, label, scale) for _, _, ps in FIGURES for (m, label, scale, _) in ps if m in by_metric]
    if not panels:
        fail("none of the plotted metrics is in the file")
    cols = 2
    rows = (len(panels) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(8, 2.6 * rows), squeeze=False)
    for ax, (metric, label, scale) in zip(axes.flat, panels):
        r = by_metric[metric]
        ax.set_title(label, fontsize=10)
        ax.set_xticks([])
        if r["mean"] is None:
            ax.text(0.5, 0.5, "no value", ha="center", va="center", transform=ax.transAxes)
            continue
        mean = r["mean"] * scale
        ax.bar([0], [mean], width=0.5, color="tab:blue")
        lo, hi = clip(r["lo"], metric), clip(r["hi"], metric)
        if lo is not None and hi is not None:
            ax.errorbar([0], [mean], yerr=[[mean - lo * scale], [hi * scale - mean]], color="black", capsize=6)
        ax.set_xlim(-1, 1)
        ax.annotate("%.4g" % mean, (0.3, mean), fontsize=9)
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    fig.suptitle(title or "ampsim run: means over replications with 95% intervals")
    fig.tight_layout()
    written = []
    save(plt, fig, out, "summary", written)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description="Figures from an ampsim summary_ci.csv (sweep, compare or run) "
                                                 "and its paired.csv.")
    parser.add_argument("summary", help="summary_ci.csv of `ampsim sweep`/`compare`/`run`, or a paired.csv")
    parser.add_argument("--out", required=True, help="folder for the PNG, SVG and PDF files (created if missing)")
    parser.add_argument("--paired", help="paired.csv of the same sweep: adds the paired-difference figure")
    parser.add_argument("--scenario", help="scenario file whose `description:` (its question) goes under every title "
                                           "(default: scenario.yaml beside the input, if any)")
    parser.add_argument("--x", help="grid column for the x axis, or a part of its name matching one column "
                                    "(default: the one whose name contains 'amount')")
    parser.add_argument("--title", help="text under every figure's title (default: the scenario's description)")
    parser.add_argument("--ignore", action="append", default=[], help="grid column to leave out of the series (repeatable)")
    parser.add_argument("--only", action="append", default=[], help="draw only this figure (e.g. success_rate or "
                                                                    "paired_difference; repeatable)")
    args = parser.parse_args(argv)
    names = [f[0] for f in FIGURES] + ["paired_difference"]
    for name in args.only:
        if name not in names:
            fail("--only %s: expected a figure name (%s), found an unknown figure" % (name, ", ".join(names)))
    for path in [args.summary] + ([args.paired] if args.paired else []):
        if not os.path.isfile(path):
            fail("no such file: %s" % path)
    if args.scenario and not os.path.isfile(args.scenario):
        fail("no such file: %s" % args.scenario)
    question = args.title or scenario_question(
        args.scenario or os.path.join(os.path.dirname(os.path.abspath(args.summary)), "scenario.yaml"))
    os.makedirs(args.out, exist_ok=True)
    if is_paired(args.summary):
        plt = setup_matplotlib()
        written = plot_paired(plt, args.summary, None, args.out, question, args.x, args.ignore)
    else:
        grid, records = read(args.summary, "metric", LONG_COLUMNS, "mean")
        plt = setup_matplotlib()
        ignore = set(args.ignore) | {c for c in grid if c.lower() in AUTO_IGNORE and c != args.x}
        grid_used = [c for c in grid if c not in ignore]
        if not grid_used:
            note("no grid columns (a single run's summary): writing one bar per metric")
            written = plot_single(plt, records, args.out, question)
        else:
            x_column = choose_x(grid_used, records, args.x)
            written = plot_grid(plt, grid, records, x_column, args.out, question, ignore, set(args.only))
        if args.paired and (not args.only or "paired_difference" in args.only):
            written += plot_paired(plt, args.paired, (grid, records), args.out, question, args.x, args.ignore)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
