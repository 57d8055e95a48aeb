"""Texts copied from one another, found without comparing every pair (NAR006).

:func:`first_copies` answers the question the pairwise loop answered: for each text, the first earlier text whose
``difflib.SequenceMatcher`` ratio with it is at least the threshold. It gives the same answer, with the same ratio,
but runs ``SequenceMatcher`` only on pairs that can reach the threshold. The others are ruled out by bounds that
never rule out a pair reaching it (``ratio = 2M / T``, ``M`` matched characters, ``T = la + lb``):

- **length** (difflib's ``real_quick_ratio``): ``M ≤ min(la, lb)``, so a text is compared only with texts at most
  ``(2 − t) / t`` as long (11/9 at t = 0.9).
- **shared characters** (``quick_ratio``): ``M`` is at most the number of characters the texts share counted with
  their multiplicity. Each text is hashed into its set of character occurrences (年, 年2, 年3 …) so this is the size
  of a set intersection. It is also what makes the search linear: in the **prefix filter** of the all-pairs
  similarity join, every text's occurrences are sorted from the rarest across all the texts, and two sets sharing
  at least ``o`` of them share one among the first ``|set| − o + 1`` of each. Only those first occurrences go into
  the inverted index, so texts that share only the common wording of a report (年度, 完成, 得分) never meet.
- **shared shingles** (trigrams): the matched characters are a common subsequence, so ``a`` becomes ``b`` by at
  most ``d = T − 2M ≤ (1 − t)·T`` deletions and insertions; a deletion breaks at most 3 trigrams, an insertion
  (between two kept characters) at most 2, so ``|tri(a) ∩ tri(b)| ≥ |tri(a)| − 3d`` — a cheap test that discards
  texts made of the same characters in another order before ``ratio``.

The candidates are then tried in the old order (earliest first, stop at the first match), so the partner and the
ratio reported are the pairwise loop's.
"""
from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from fractions import Fraction

Q = 3  # shingle length


def _trigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + Q] for i in range(len(text) - Q + 1))


def _characters(text: str) -> frozenset[str]:
    """The text as a set of character occurrences (``"年"``, ``"年2"``, ``"年3"`` for three 年): two such sets share
    exactly the characters two texts have in common counted with their multiplicity (the numerator of difflib's
    ``quick_ratio``). Strings, not tuples, because a string keeps its hash."""
    seen: dict[str, int] = {}
    out = []
    for c in text:
        k = seen[c] = seen.get(c, 0) + 1
        out.append(c if k == 1 else f"{c}{k}")
    return frozenset(out)


def first_copies(texts: list[str], threshold: float = 0.9, min_len: int = 30) -> dict[int, tuple[int, float]]:
    """``{b: (a, ratio)}``: for each text ``b``, the first ``a < b`` with ``SequenceMatcher(None, texts[a],
    texts[b]).ratio() ≥ threshold`` (both texts at least ``min_len`` characters), as the pairwise loop finds it."""
    t = Fraction(threshold).limit_denominator(1000)
    p, q = t.numerator, t.denominator  # ratio ≥ p/q  ⇔  2·q·matches ≥ p·(la + lb)
    chars = [_characters(s) if len(s) >= min_len else frozenset() for s in texts]
    df = Counter(c for cs in chars for c in cs)
    index: dict[str, list[int]] = {}
    grams: dict[int, frozenset[str]] = {}
    out: dict[int, tuple[int, float]] = {}
    for b, text in enumerate(texts):
        n = len(text)
        if n < min_len:
            continue
        own = chars[b]
        # the shortest partner that can reach the threshold, and the characters any partner must share
        shortest = -(-n * p // (2 * q - p))
        need = -(-p * (n + shortest) // (2 * q))
        prefix = sorted(own, key=lambda c: (df[c], c))[:n - need + 1]
        candidates = {a for c in prefix for a in index.get(c, ())}
        m = None
        for a in sorted(candidates):
            la = len(texts[a])
            total = la + n
            if 2 * q * min(la, n) < p * total:  # real_quick_ratio
                continue
            if 2 * q * len(chars[a] & own) < p * total:  # quick_ratio
                continue
            ga = grams.get(a) or grams.setdefault(a, _trigrams(texts[a]))
            gb = grams.get(b) or grams.setdefault(b, _trigrams(text))
            if len(ga & gb) < max(len(ga), len(gb)) - Q * ((q - p) * total // q):
                continue
            if m is None:
                m = SequenceMatcher(None, "", text, autojunk=False)
            m.set_seq1(texts[a])
            ratio = m.ratio()
            if ratio >= threshold:
                out[b] = (a, ratio)
                break
        for c in prefix:
            index.setdefault(c, []).append(b)
    return out


def pairwise_copies(texts: list[str], threshold: float = 0.9, min_len: int = 30) -> dict[int, tuple[int, float]]:
    """The loop NAR006 ran before :func:`first_copies` (every earlier text, in order, until one reaches the
    threshold): quadratic, kept as the reference the tests and ``bench/bench_all.py`` compare with."""
    out = {}
    for b in range(len(texts)):
        for a in range(b):
            if min(len(texts[a]), len(texts[b])) < min_len:
                continue
            m = SequenceMatcher(None, texts[a], texts[b], autojunk=False)
            if m.real_quick_ratio() < threshold or m.quick_ratio() < threshold:
                continue
            ratio = m.ratio()
            if ratio >= threshold:
                out[b] = (a, ratio)
                break
    return out
