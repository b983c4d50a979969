#!/usr/bin/env python3
"""Figures from an ampsim summary_ci.csv (a sweep's, or a single run's).

Usage:
    python3 Scripts/plot.py SUMMARY_CI.csv --out DIR [--x COLUMN] [--title TEXT] [--ignore COLUMN]... [--only FIGURE]...

Needs only matplotlib (python3 -m pip install matplotlib); reads the CSV with the csv module.

Input: the long form that `ampsim sweep` writes: the grid-parameter columns first (any names, e.g.
`payment.protocol`, `payment.strategy`, `workload.amount_sat`), then
`metric,replications,mean,ci_lower,ci_upper,interval`, one row per (grid point, metric). Every column
before `metric` is a grid parameter. The x axis is `--x` (a column, or a part of one column's
name), else the first column whose name contains
`amount`, else the only (or first numeric) grid column. Every distinct combination of the other grid
columns is one series, labelled by its values (`amp / halving`; numbers as `name=value`); columns
that never change are left out of the labels. The x axis is logarithmic when x spans more than a
decade. Shaded bands are the 95% intervals of summary_ci.csv.

Writes DIR/NAME.png and DIR/NAME.svg for each figure whose metrics are in the file:
    success_rate       success rate with its interval, and the oracle's multi- and single-path
                       bounds (feasible shares) as black dashed and dotted lines when present
    success_feasible   success among the payments that could have succeeded (success_rate_feasible)
    fee_ppm            mean fee of successful payments, ppm of the amount
    htlcs_slots        HTLCs per payment and slot-seconds per payment (two panels)
    locked_liquidity   locked liquidity per payment (sat·s)
    partial_loss       partial loss per replication (sat)
    linkable_parts     linkable parts per payment
    slots_exhausted    payments per replication that failed for lack of HTLC slots
A plain `ampsim run` summary_ci.csv (no grid columns) gives one figure, `summary`, with one bar per
metric above and its interval.
"""
import argparse
import csv
import math
import os
import sys

LONG_COLUMNS = ["metric", "replications", "mean", "ci_lower", "ci_upper", "interval"]
# Columns a sweep might add that identify a grid point rather than set a parameter.
AUTO_IGNORE = {"point", "grid_point", "point_id", "run", "run_dir", "dir", "out", "path"}

# (file name, title, [(metric, y label, scale, y log allowed)])
FIGURES = [
    ("success_rate", "Success rate", [("success_rate", "success rate (share of payments)", 1.0, False)]),
    ("success_feasible", "Success among payments that could have succeeded", [
        ("success_rate_feasible", "success among multi-path-feasible payments", 1.0, False)]),
    ("fee_ppm", "Fees of successful payments", [("fee_ppm_mean", "mean fee (ppm of amount)", 1.0, True)]),
    ("htlcs_slots", "HTLCs and slot occupancy", [
        ("htlcs_per_payment", "HTLCs per payment (over all hops)", 1.0, True),
        ("slot_seconds_per_payment", "slot-seconds per payment (s)", 1.0, True)]),
    ("locked_liquidity", "Locked liquidity", [
        ("locked_msat_seconds_per_payment", "locked liquidity per payment (sat·s)", 1e-3, True)]),
    ("partial_loss", "Partial loss (failed payments partly settled)", [
        ("partial_loss_msat_total", "partial loss per replication (sat)", 1e-3, False)]),
    ("linkable_parts", "Linkable parts", [("linkable_parts_mean", "linkable parts per payment", 1.0, False)]),
    ("slots_exhausted", "Failures for lack of HTLC slots", [
        ("slots_exhausted_payments", "payments failed: slots exhausted (per replication)", 1.0, False)]),
]

FRIENDLY = {  # last path component -> axis label
    "amount_sat": "payment amount (sat)",
    "amount_msat": "payment amount (msat)",
    "arrival_rate_per_s": "arrival rate (payments/s, network-wide)",
    "offline_probability": "offline probability (per hop)",
    "max_accepted_htlcs": "max_accepted_htlcs (HTLC slots per channel direction)",
    "payments": "payments per replication",
    "nodes": "nodes",
}
UNITS = [("_per_s", "1/s"), ("_msat", "msat"), ("_sat", "sat"), ("_ppm", "ppm"), ("_ms", "ms"), ("_s", "s")]


def fail(message):
    print("plot.py: " + message, file=sys.stderr)
    sys.exit(2)


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


def read(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        fail("%s is empty" % path)
    header = [h.strip() for h in rows[0]]
    if "metric" not in header:
        fail("%s: no `metric` column; expected a summary_ci.csv (… ,%s)" % (path, ",".join(LONG_COLUMNS)))
    m = header.index("metric")
    missing = [c for c in LONG_COLUMNS if c not in header[m:]]
    if missing:
        fail("%s: missing column(s) %s after `metric`" % (path, ", ".join(missing)))
    grid = header[:m]
    index = {c: header.index(c) for c in LONG_COLUMNS}
    records = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            fail("%s:%d: %d fields, the header has %d" % (path, line, len(row), len(header)))
        records.append({
            "grid": tuple(row[:m]),
            "metric": row[index["metric"]],
            "mean": number(row[index["mean"]]),
            "lo": number(row[index["ci_lower"]]),
            "hi": number(row[index["ci_upper"]]),
            "n": row[index["replications"]],
        })
    if not records:
        fail("%s: no rows" % path)
    return grid, records


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


def series_label(names, values, varying):
    parts = []
    for name, value in zip(names, values):
        if name not in varying:
            continue
        parts.append("%s=%s" % (short(name), value) if number(value) is not None else value)
    return " / ".join(parts) if parts else "all"


def setup_matplotlib():
    try:
        import matplotlib
    except ImportError:
        fail("needs matplotlib: python3 -m pip install matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({
        "font.size": 11, "axes.titlesize": 12, "axes.labelsize": 11, "legend.fontsize": 9,
        "xtick.labelsize": 10, "ytick.labelsize": 10, "axes.grid": True, "grid.alpha": 0.3,
        "svg.hashsalt": "ampsim", "savefig.dpi": 150,
    })
    return plt


def save(plt, fig, out, name, written):
    for ext in ("png", "svg"):
        path = os.path.join(out, "%s.%s" % (name, ext))
        # No creation date in the files, so the same input gives the same bytes.
        metadata = {"Date": None} if ext == "svg" else {"Software": None}
        fig.savefig(path, bbox_inches="tight", metadata=metadata)
        written.append(path)
    plt.close(fig)


MARKERS = "osD^v<>ph*X"
LINES = ["-", "--", ":", "-."]


def styler(keys, positions):
    """Line styles readable in print: with two varying columns, colour by the one with more values and
    dash/marker by the other (e.g. colour = strategy, dash = protocol); otherwise one colour per series."""
    import matplotlib.pyplot as plt
    colors = plt.get_cmap("tab10").colors
    if len(positions) == 2:
        values = [sorted({k[p] for k in keys}, key=lambda v: (number(v) is None, number(v) or 0, v)) for p in positions]
        c, d = (0, 1) if len(values[0]) >= len(values[1]) else (1, 0)
        if len(values[c]) <= len(colors) and len(values[d]) <= len(LINES):
            def pick(key):
                ci, di = values[c].index(key[positions[c]]), values[d].index(key[positions[d]])
                return dict(color=colors[ci], linestyle=LINES[di], marker=MARKERS[di], markersize=5, linewidth=1.6)
            return pick
    palette = colors if len(keys) <= 10 else plt.get_cmap("tab20").colors

    def by_index(key):
        i = keys.index(key)
        return dict(color=palette[i % len(palette)], marker=MARKERS[i % len(MARKERS)],
                    linestyle=LINES[(i // len(palette)) % len(LINES)], markersize=5, linewidth=1.6)
    return by_index


def plot_grid(plt, grid, records, x_column, out, title, ignore, only=None):
    xi = grid.index(x_column)
    others = [i for i, c in enumerate(grid) if i != xi and c not in ignore]
    names = [grid[i] for i in others]
    varying = {grid[i] for i in others if len({r["grid"][i] for r in records}) > 1}
    xs_text = sorted({r["grid"][xi] for r in records})
    numeric_x = all(number(v) is not None for v in xs_text)
    if numeric_x:
        xs_values = sorted(number(v) for v in xs_text)
        positive = [v for v in xs_values if v > 0]
        log_x = len(positive) == len(xs_values) and len(positive) > 1 and max(positive) / min(positive) > 10
        position = {v: number(v) for v in xs_text}
    else:
        log_x = False
        position = {v: i for i, v in enumerate(xs_text)}

    # series key -> metric -> [(x, mean, lo, hi)]
    data = {}
    for r in records:
        key = tuple(r["grid"][i] for i in others)
        data.setdefault(key, {}).setdefault(r["metric"], []).append(
            (position[r["grid"][xi]], r["mean"], r["lo"], r["hi"]))
    # Numbers in numeric order (30 before 483), text alphabetically.
    keys = sorted(data, key=lambda k: tuple((0, number(v), "") if number(v) is not None else (1, 0.0, v) for v in k))
    available = {r["metric"] for r in records}
    style = styler(keys, [j for j, i in enumerate(others) if grid[i] in varying])
    band_alpha = 0.15 if len(keys) <= 4 else 0.07
    written = []
    for name, heading, panels in FIGURES:
        if only and name not in only:
            continue
        panels = [p for p in panels if p[0] in available]
        if not panels:
            print("plot.py: %s: its metrics are not in the file, skipped" % name, file=sys.stderr)
            continue
        fig, axes = plt.subplots(len(panels), 1, figsize=(8, 4.2 * len(panels)), squeeze=False)
        for ax, (metric, ylabel, scale, may_log_y) in zip(axes[:, 0], panels):
            ys_all = []
            for i, key in enumerate(keys):
                points = sorted((p for p in data[key].get(metric, []) if p[1] is not None), key=lambda p: p[0])
                if not points:
                    continue
                x = [p[0] for p in points]
                y = [p[1] * scale for p in points]
                ys_all += y + [p[2] * scale for p in points if p[2] is not None]  # band floors too
                s = style(key)
                ax.plot(x, y, label=series_label(names, key, varying), **s)
                band = [(p[0], p[2] * scale, p[3] * scale) for p in points if p[2] is not None and p[3] is not None]
                if len(band) > 1:
                    ax.fill_between([b[0] for b in band], [b[1] for b in band], [b[2] for b in band],
                                    color=s["color"], alpha=band_alpha, linewidth=0)
                elif len(band) == 1:
                    ax.errorbar([band[0][0]], [y[x.index(band[0][0])]], color=s["color"],
                                yerr=[[y[x.index(band[0][0])] - band[0][1]], [band[0][2] - y[x.index(band[0][0])]]])
            if metric == "success_rate":
                # The oracle's bounds (what a perfect sender could have delivered), averaged over the series.
                for bound, label, line in (("feasible_multi_path_share", "multi-path oracle (could have succeeded)", "--"),
                                           ("feasible_single_path_share", "single-path oracle", ":")):
                    at = {}
                    for key in keys:
                        for p in data[key].get(bound, []):
                            if p[1] is not None:
                                at.setdefault(p[0], []).append(p[1])
                    if at:
                        bx = sorted(at)
                        ax.plot(bx, [sum(at[v]) / len(at[v]) for v in bx], line, color="black", linewidth=1.4, label=label)
            if log_x:
                ax.set_xscale("log")
            if not numeric_x:
                ax.set_xticks(range(len(xs_text)))
                ax.set_xticklabels(xs_text, rotation=30, ha="right")
            positive = [v for v in ys_all if v > 0]
            # Log y only when every mean and interval floor is positive and they span two decades.
            if may_log_y and positive and len(positive) == len(ys_all) and max(positive) / min(positive) > 100:
                ax.set_yscale("log")
            if metric in ("success_rate", "success_rate_feasible"):
                ax.set_ylim(-0.02, 1.02)
            elif ax.get_yscale() == "linear" and ys_all and max(abs(v) for v in ys_all) >= 1e4:
                # 20,000,000 rather than an offset "1e7" over the axis: readable in print.
                from matplotlib.ticker import FuncFormatter
                ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: "{:,.0f}".format(v)))
            ax.set_xlabel(axis_label(x_column))
            ax.set_ylabel(ylabel)
            ax.set_title(heading if len(panels) == 1 else ylabel.split(" (")[0])
        handles, labels = axes[0, 0].get_legend_handles_labels()
        if handles and (len(keys) > 1 or varying):
            fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.0, 0.98), frameon=False,
                       title=" / ".join(short(n) for n in names if n in varying) or None)
        if title:
            fig.suptitle(title, y=1.0 + 0.02 / len(panels))
        fig.tight_layout()
        save(plt, fig, out, name, written)
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
        if r["lo"] is not None and r["hi"] is not None:
            ax.errorbar([0], [mean], yerr=[[mean - r["lo"] * scale], [r["hi"] * scale - mean]], color="black", capsize=6)
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
    parser = argparse.ArgumentParser(description="Figures from an ampsim summary_ci.csv (sweep or run).")
    parser.add_argument("summary", help="summary_ci.csv of `ampsim sweep` (or of `ampsim run`)")
    parser.add_argument("--out", required=True, help="folder for the PNG and SVG files (created if missing)")
    parser.add_argument("--x", help="grid column for the x axis, or a part of its name matching one column (default: the one whose name contains 'amount')")
    parser.add_argument("--title", help="title over every figure")
    parser.add_argument("--ignore", action="append", default=[], help="grid column to leave out of the series (repeatable)")
    parser.add_argument("--only", action="append", default=[], help="draw only this figure (e.g. success_rate; repeatable)")
    args = parser.parse_args(argv)
    if not os.path.isfile(args.summary):
        fail("no such file: %s" % args.summary)
    grid, records = read(args.summary)
    os.makedirs(args.out, exist_ok=True)
    plt = setup_matplotlib()
    ignore = set(args.ignore) | {c for c in grid if c.lower() in AUTO_IGNORE and c != args.x}
    grid_used = [c for c in grid if c not in ignore]
    if not grid_used:
        print("plot.py: no grid columns (a single run's summary): writing one bar per metric", file=sys.stderr)
        written = plot_single(plt, records, args.out, args.title)
    else:
        x_column = choose_x(grid_used, records, args.x)
        written = plot_grid(plt, grid, records, x_column, args.out, args.title, ignore, set(args.only))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
