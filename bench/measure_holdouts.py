"""Measure `jixiao lint` on a hold-out folder with <stem>.truth.json sidecars (quotes, not locations).

bench/holdouts/h3 … h31 are the hold-outs of 2026-12-02 to 2026-12-04 (8 reports each, written by writers who had
not seen the engine; their figures before and after each round are in bench/README.md). Those read are burnt: the
engine was changed after seeing their misses, so measure a NEW hold-out for an honest generalisation figure.

Quotes and messages are compared after NFKC (full-width digits and punctuation as ASCII), and a number names the
same value however many trailing zeros it is written with. A planted error is FOUND when an error finding's quote
overlaps the planted quote's text (one contains the other, whitespace ignored) and the finding's message names a number written in the planted quote; WEAK when only a warning
does. A true claim is FALSELY FLAGGED when an error finding overlaps it the same way. Error findings overlapping no
planted error are listed for adjudication (they may be true findings on statements the writer did not label).
A missed error is counted ELSEWHERE (not in recall) when such a left-over error finding names every number of its
quote: the relation was found but reported at another place, e.g. a sum checked at its total row while the writer
quoted the wrong part.

    python bench/measure_holdouts.py DIR [-v]
"""
import json, re, sys, unicodedata
from decimal import Decimal
from pathlib import Path

def norm(s): return re.sub(r"[\s|]+", "", unicodedata.normalize("NFKC", s or ""))
NUM = re.compile(r"\d+(?:\.\d+)?")

def nums(s):
    """The numbers written in s, full-width digits read as ASCII and trailing zeros dropped (3.10 names 3.1)."""
    s = unicodedata.normalize("NFKC", s).replace(",", "")
    return {str(Decimal(n).normalize()) for n in NUM.findall(s)}

def overlaps(fq, q):
    a, b = norm(fq), norm(q)
    if not a or not b: return False
    return b in a or a in b

def names(f, q):
    if not nums(q): return True
    text = " ".join(x or "" for x in (f.message, f.expected, f.found)).replace(",", "")
    return bool(nums(q) & nums(text))

def main():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from toolkit import lint
    d = Path(sys.argv[1]); verbose = "-v" in sys.argv
    T = dict(planted=0, found=0, weak=0, true=0, flagged=0, other=0, elsewhere=0)
    for side in sorted(d.glob("*.truth.json")):
        stem = side.name[:-len(".truth.json")]
        rep = next(p for p in d.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))
        truth = json.loads(side.read_text(encoding="utf-8"))
        try:
            findings = lint(rep).findings
        except Exception as e:
            print(f"{rep.name}: refused {e}"); continue
        errs = [f for f in findings if f.severity == "error"]
        warns = [f for f in findings if f.severity != "error"]
        found = weak = 0; used = set(); missed = []
        for e in truth["errors"]:
            hit = [f for f in errs if overlaps(f.quote, e["quote"]) and names(f, e["quote"])]
            if hit: found += 1; used.update(map(id, hit))
            elif any(overlaps(f.quote, e["quote"]) and names(f, e["quote"]) for f in warns): weak += 1; missed.append(("weak", e))
            else: missed.append(("missed", e))
        flagged = []
        for t in truth["true_claims"]:
            hit = [f for f in errs if id(f) not in used and overlaps(f.quote, t["quote"]) and names(f, t["quote"])]
            if hit: flagged.append((t, hit[0]))
        other = [f for f in errs if id(f) not in used and not any(f is h for _, h in flagged)]
        elsewhere = [e for tag, e in missed if tag == "missed" and nums(e["quote"])
                     and any(nums(e["quote"]) <= nums(" ".join(x or "" for x in (f.message, f.expected, f.found)))
                             for f in other)]
        n = len(truth["errors"])
        print(f"{rep.name:40} found {found}/{n} weak {weak} true-flagged {len(flagged)}/{len(truth['true_claims'])} other-errors {len(other)} elsewhere {len(elsewhere)}")
        if verbose:
            for tag, e in missed:
                tag = "elsewhere" if any(e is x for x in elsewhere) else tag
                print(f"   {tag}: [{e['kind']}] {e['quote']}  -- {e.get('why','')}")
            for t, f in flagged: print(f"   FALSE on true [{t['kind']}] {t['quote']}\n        {f.code} {f.message}")
            for f in other: print(f"   other error {f.code} {f.message}\n        quote: {(f.quote or '')[:120]}")
        T["planted"] += n; T["found"] += found; T["weak"] += weak; T["true"] += len(truth["true_claims"])
        T["flagged"] += len(flagged); T["other"] += len(other); T["elsewhere"] += len(elsewhere)
    print(f"overall: recall {T['found']}/{T['planted']} = {T['found']/max(1,T['planted']):.1%} (weak {T['weak']}), "
          f"true statements flagged {T['flagged']}/{T['true']}, other error findings {T['other']}, "
          f"missed but found elsewhere {T['elsewhere']}")

if __name__ == "__main__":
    main()
