#!/usr/bin/env python3
"""How far can lexical overlap go on COUNTER? (issue 16; figures in docs/benchmarks.md)

For every labelled pair of ../shared/data/counter_urdu, computes pairwise measures outside the
engine and reports, per measure, the share of copy (wholly derived) and partial pairs above the
cut that lets at most 3 % of the non-derived pairs through. The cut is fitted to the labelled
non-derived pairs, so each figure is a ceiling for that measure (what a perfectly tuned
threshold could reach pair by pair), not a result. Standard library only.

    python3 scripts/analysis/counter_ceilings.py [../shared/data/counter_urdu]
"""
import collections
import csv
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared/data/counter_urdu")
docs = {r["id"]: r for r in map(json.loads, open(data / "counter.jsonl", encoding="utf-8"))}
pairs = list(csv.DictReader(open(data / "counter.pairs.csv", encoding="utf-8")))


def tokens(text):
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def word_grams(toks, n):
    return {tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1))}


def char_grams(toks, n):
    s = " ".join(toks)
    return {s[i:i + n] for i in range(max(1, len(s) - n + 1))}


def containment(a, b):
    m = min(len(a), len(b))
    return len(a & b) / m if m else 0.0


def sentences(text):
    out = []
    for part in re.split(r"(?<!\d)[.?!\u061f\u06d4\n]+|[.?!\u061f\u06d4\n]+(?!\d)", text):
        t = tokens(part)
        if len(t) >= 8:
            out.append(t)
    return out


def sentence_share(sa, sb, near=0.7, figures=True):
    """Share of the shorter article's 8+-word sentences with `near` of their words (and, with
    figures, all their digit tokens) in one sentence of the other: the product's definition."""
    if sum(map(len, sa)) > sum(map(len, sb)):
        sa, sb = sb, sa
    if not sa:
        return 0.0
    sets = [set(t) for t in sb]
    hit = 0
    for s in map(set, sa):
        nums = {w for w in s if any(c.isdigit() for c in w)}
        hit += any(len(s & t) >= near * len(s) and (not figures or nums <= t) for t in sets)
    return hit / len(sa)


toks = {k: tokens(v["text"]) for k, v in docs.items()}
df = collections.Counter()
for t in toks.values():
    df.update(set(t))
n_docs = len(toks)


def tfidf(t):
    return {w: (1 + math.log(c)) * math.log(n_docs / df[w]) for w, c in collections.Counter(t).items()}


def cosine(a, b):
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


vec = {k: tfidf(t) for k, t in toks.items()}
sents = {k: sentences(v["text"]) for k, v in docs.items()}
measures = {
    "word 5-gram containment": lambda a, b: containment(word_grams(toks[a], 5), word_grams(toks[b], 5)),
    "word 3-gram containment": lambda a, b: containment(word_grams(toks[a], 3), word_grams(toks[b], 3)),
    "char 10-gram containment": lambda a, b: containment(char_grams(toks[a], 10), char_grams(toks[b], 10)),
    "TF-IDF cosine (unigrams)": lambda a, b: cosine(vec[a], vec[b]),
    "sentence share (0.7, figures)": lambda a, b: sentence_share(sents[a], sents[b]),
}
print(f"{'measure':32s} {'cut':>7s} {'copy':>6s} {'partial':>8s} {'none':>6s}")
for name, f in measures.items():
    scored = [(p["label"], f(p["id_a"], p["id_b"])) for p in pairs]
    none = sorted((v for l, v in scored if l == "none"), reverse=True)
    cut = none[int(0.03 * len(none))]

    def share(label):
        vals = [v for l, v in scored if l == label]
        return sum(v > cut for v in vals) / len(vals)

    print(f"{name:32s} {cut:7.3f} {share('copy'):6.3f} {share('partial'):8.3f} {share('none'):6.3f}")
