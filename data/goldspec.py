"""Shared by the gold builders (data/gold/build_gold.py, data/stories/*/gold/build_gold.py).

A gold spec locates every span by a context string in which the annotated text is marked with [ ],
e.g. "في فرنسا [الأحد] الى صناديق". `Spec.locate` finds every occurrence of the unmarked context in
the article (read as UTF-8; Python str indices = Unicode code points), checks the number of
occurrences it was told to expect, and verifies text == file[start:end]. The builders collect their
rows with `tx`, `ev`, `rel` and `conflict`, and write them with `write_csv` (RFC 4180, CRLF).
"""
import csv
import io
import os
import re


class Spec:
    """The articles of one story and the gold rows written about them."""

    def __init__(self, out_dir, text_dir, files):
        self.out_dir = out_dir
        self.text = {d: open(os.path.join(text_dir, f), encoding="utf-8").read() for d, f in files.items()}
        self.timexes, self.events, self.relations, self.conflicts = [], [], [], []

    def locate(self, doc, ctx, expect=1):
        """Return [(start, end, text)] for the [marked] part of every occurrence of ctx."""
        m = re.fullmatch(r"(.*)\[(.+?)\](.*)", ctx, flags=re.S)
        if not m:
            raise SystemExit(f"bad context (no [..]): {ctx!r}")
        left, target, right = m.groups()
        full = left + target + right
        t = self.text[doc]
        out, i = [], t.find(full)
        while i >= 0:
            s = i + len(left)
            out.append((s, s + len(target), target))
            i = t.find(full, i + 1)
        if len(out) != expect:
            raise SystemExit(f"{doc}: context {ctx!r} found {len(out)} times, expected {expect}")
        for s, e, x in out:
            assert t[s:e] == x
        return out

    def span_ref(self, doc, ctx, expect=1):
        """`doc:start-end` of every occurrence, joined by `;`."""
        return ";".join(f"{doc}:{s}-{e}" for s, e, _ in self.locate(doc, ctx, expect))

    def q(self, doc, ctx, expect=1):
        """`doc:start-end «text»` of the first occurrence: a conflict's evidence."""
        (s, e, t), *_ = self.locate(doc, ctx, expect)
        return f"{doc}:{s}-{e} «{t}»"

    def tx(self, doc, ctx, typ, value, anchor, note="", mod="", expect=1):
        self.timexes.append((doc, ctx, typ, value, anchor, mod, note, expect))

    def ev(self, eid, en, ar, typ, start, end, gran, evidence, note, es="", ls="", ee="", le=""):
        self.events.append(dict(event_id=eid, label_en=en, label_ar=ar, type=typ, start=start, end=end,
                                granularity=gran, evidence=evidence, note=note,
                                earliest_start=es, latest_start=ls, earliest_end=ee, latest_end=le))

    def rel(self, src, r, tgt, off, mod, doc, ctx, note="", expect=1):
        self.relations.append((src, r, tgt, off, mod, doc, ctx, expect, note))

    def conflict(self, cid, kind, docs, ev_parts, resolution, severity):
        self.conflicts.append(dict(conflict_id=cid, kind=kind, docs=docs, evidence=" | ".join(ev_parts),
                                   resolution=resolution, severity=severity))

    def write_csv(self, name, header, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow([r[h] if isinstance(r, dict) else r[i] for i, h in enumerate(header)])
        with open(os.path.join(self.out_dir, name), "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
