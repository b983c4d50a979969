#!/usr/bin/env python3
"""Writes the two snapshot slices SnapshotTests reads, and prints what the importers must make of them.

Usage: make-slices.py SHARED_DATA_DIR   (holds lnd-describegraph-2019-03-09.json.xz and
cln-listchannels-2019-05-14.json.xz; the slices are written beside this script)

lnd slice: every 40th edge of the 2019-03-09 describegraph plus its first 12 edges with a null policy,
the node entries of their endpoints and the file's first 10 node entries (some without a channel).
CLN slice: every entry of every 60th short_channel_id of the 2019-05-14 listchannels (in order of first
appearance) plus the first 8 ids that have one direction only.

The counts below follow the importers' documented rules (LndImporter, ClnImporter, keepLargestComponent),
computed here independently of them; SnapshotTests expects exactly these numbers.
"""
import json
import lzma
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1]

# ---- lnd ----
lnd = json.load(lzma.open(os.path.join(src, "lnd-describegraph-2019-03-09.json.xz")))
edges = lnd["edges"]
null_idx = [i for i, e in enumerate(edges) if e.get("node1_policy") is None or e.get("node2_policy") is None][:12]
chosen = sorted(set(range(0, len(edges), 40)) | set(null_idx))
sel_edges = [edges[i] for i in chosen]
endpoints = {e["node1_pub"] for e in sel_edges} | {e["node2_pub"] for e in sel_edges}
first = {n["pub_key"] for n in lnd["nodes"][:10]}
sel_nodes = [n for n in lnd["nodes"] if n["pub_key"] in endpoints or n["pub_key"] in first]
with lzma.open(os.path.join(here, "lnd-describegraph-2019-03-09-slice.json.xz"), "wb", preset=9) as f:
    f.write(json.dumps({"nodes": sel_nodes, "edges": sel_edges}, indent=1, ensure_ascii=False).encode())


def lnd_counts(drop_disabled):
    skipped = {}
    def skip(k): skipped[k] = skipped.get(k, 0) + 1
    nodes = [n["pub_key"] for n in sel_nodes]
    known = set(nodes)
    channels = usable = 0
    seen = set()
    for e in sel_edges:
        enabled = []
        for p in (e.get("node1_policy"), e.get("node2_policy")):
            if p is None:
                skip("null_policy"); enabled.append(False)
            elif p.get("disabled", False) and drop_disabled:
                skip("disabled"); enabled.append(False)
            else:
                enabled.append(True)
        if e["channel_id"] in seen: skip("duplicate"); continue
        seen.add(e["channel_id"])
        if e["node1_pub"] == e["node2_pub"]: skip("self_loop"); continue
        if int(e["capacity"]) == 0: skip("zero_capacity"); continue
        if not any(enabled): skip("no_usable_direction"); continue
        for k in (e["node1_pub"], e["node2_pub"]):
            if k not in known: known.add(k); nodes.append(k)
        channels += 1
        usable += sum(enabled)
    return len(nodes), channels, usable, skipped

print("lnd slice: %d node entries, %d edges" % (len(sel_nodes), len(sel_edges)))
for drop in (False, True):
    n, c, u, s = lnd_counts(drop)
    print("  drop_disabled=%s: nodes %d, channels %d, usable directions %d, skipped %s" % (drop, n, c, u, dict(sorted(s.items()))))

# ---- CLN ----
cln = json.load(lzma.open(os.path.join(src, "cln-listchannels-2019-05-14.json.xz")))
order, count = [], {}
for c in cln["channels"]:
    s = c["short_channel_id"]
    if s not in count: order.append(s); count[s] = 0
    count[s] += 1
single = [s for s in order if count[s] == 1][:8]
scids = set(order[::60]) | set(single)
sel = [c for c in cln["channels"] if c["short_channel_id"] in scids]
with lzma.open(os.path.join(here, "cln-listchannels-2019-05-14-slice.json.xz"), "wb", preset=9) as f:
    f.write(json.dumps({"channels": sel}, indent=1, ensure_ascii=False).encode())


def cln_counts(drop_disabled, largest):
    skipped = {}
    def skip(k, n=1): skipped[k] = skipped.get(k, 0) + n
    nodes, index, chans = [], {}, []   # chans: [scid, n1, n2, present[2], active[2]]
    by_scid = {}
    for c in sel:
        a, b = c["source"], c["destination"]
        cap = int(c["amount_msat"].rstrip("msat")) if "amount_msat" in c else c["satoshis"] * 1000
        if a == b: skip("self_loop"); continue
        if cap == 0: skip("zero_capacity"); continue
        n1, n2 = min(a, b), max(a, b)
        slot = 0 if a == n1 else 1
        if c["short_channel_id"] in by_scid:
            ch = chans[by_scid[c["short_channel_id"]]]
            if (ch[1], ch[2]) != (n1, n2) or ch[3][slot]: skip("duplicate"); continue
        else:
            by_scid[c["short_channel_id"]] = len(chans)
            for k in (n1, n2):
                if k not in index: index[k] = len(nodes); nodes.append(k)
            ch = [c["short_channel_id"], n1, n2, [False, False], [False, False]]
            chans.append(ch)
        ch[3][slot] = True
        ch[4][slot] = c.get("active", True)
    kept, usable = [], 0
    for ch in chans:
        enabled = []
        for s in (0, 1):
            if not ch[3][s]: skip("missing_direction"); enabled.append(False)
            elif not ch[4][s] and drop_disabled: skip("disabled"); enabled.append(False)
            else: enabled.append(True)
        if not any(enabled): skip("no_usable_direction"); continue
        kept.append((ch, sum(enabled)))
    node_count = len(nodes)
    if largest:
        parent = list(range(len(nodes)))
        def find(x):
            while parent[x] != x: parent[x] = parent[parent[x]]; x = parent[x]
            return x
        for ch, _ in kept: parent[find(index[ch[1]])] = find(index[ch[2]])
        size = {}
        for v in range(len(nodes)): size[find(v)] = size.get(find(v), 0) + 1
        best = max(size.values())
        roots = [r for r in size if size[r] == best]
        assert len(roots) == 1, "tie between largest components"
        inside = [(ch, u) for ch, u in kept if find(index[ch[1]]) == roots[0]]
        skip("outside_largest_component", len(kept) - len(inside))
        kept, node_count = inside, best
    usable = sum(u for _, u in kept)
    return node_count, len(kept), usable, skipped

print("cln slice: %d entries, %d short_channel_ids" % (len(sel), len(scids)))
for drop, largest in ((False, False), (True, False), (True, True)):
    n, c, u, s = cln_counts(drop, largest)
    print("  drop_disabled=%s largest_component=%s: nodes %d, channels %d, usable directions %d, skipped %s"
          % (drop, largest, n, c, u, dict(sorted(s.items()))))
