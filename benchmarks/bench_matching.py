"""Benchmark: unique food texts matched per second by :func:`nutrilog.matching.match_foods`.

Builds a realistic mix of distinct texts -- everyday alias names with brand words,
cosmetic adjectives, preparations and plurals, plus descriptions of bundled foods
reworded, truncated or misspelt so they need the fuzzy search -- and times
``match_foods`` on them (the choice index is built first and timed separately).
For comparison it times, in the same run, a plain ``rapidfuzz.process.extractOne``
loop (token-set ratio over every description) on a sample of the same texts.

Run: ``python benchmarks/bench_matching.py [N]`` (default N = 20000).
"""

from __future__ import annotations

import random
import sys
import time

from rapidfuzz import fuzz, process, utils

from nutrilog.foods import load_foods
from nutrilog.matching import curated_aliases, match_foods
from nutrilog.matching.index import index_for

_BRANDS = [
    "Publix",
    "Trader Joe's",
    "Kirkland",
    "Great Value",
    "organic",
    "fresh",
    "my",
    "homemade",
]
_PREP = [
    "chopped",
    "sliced",
    "raw",
    "cooked",
    "baked",
    "canned",
    "frozen",
    "roasted",
    "dried",
    "grilled",
]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i] + word[i:]


def synthetic_texts(n: int, seed: int = 7) -> list[str]:
    """Return ``n`` distinct food texts: about 40 % alias-based, 60 % needing fuzzy search."""
    rng = random.Random(seed)
    foods = load_foods()
    aliases = list(curated_aliases())
    descriptions = foods.foods["description"].tolist()
    texts: set[str] = set()
    while len(texts) < n:
        roll = rng.random()
        if roll < 0.4:
            words = [rng.choice(aliases)]
            if rng.random() < 0.6:
                words.insert(0, rng.choice(_BRANDS))
            if rng.random() < 0.4:
                words.insert(0, rng.choice(_PREP))
            text = " ".join(words)
        else:
            parts = [p.strip() for p in rng.choice(descriptions).split(",") if p.strip()]
            keep = parts[: rng.randint(1, min(3, len(parts)))]
            rng.shuffle(keep)
            words = " ".join(keep).split()
            if rng.random() < 0.3:
                k = rng.randrange(len(words))
                words[k] = _typo(words[k], rng)
            if rng.random() < 0.3:
                words.append(rng.choice(_PREP))
            text = " ".join(words)
        texts.add(text)
    return sorted(texts)


def main(n: int = 20_000) -> None:
    foods = load_foods()
    texts = synthetic_texts(n)

    start = time.perf_counter()
    index_for(foods)
    build = time.perf_counter() - start

    start = time.perf_counter()
    result = match_foods(texts, foods)
    elapsed = time.perf_counter() - start
    rate = len(texts) / elapsed
    methods = result["match_method"].value_counts().to_dict()

    sample = texts[:: max(1, len(texts) // 300)]
    choices = [utils.default_process(d) for d in foods.foods["description"]]
    start = time.perf_counter()
    for text in sample:
        process.extractOne(utils.default_process(text), choices, scorer=fuzz.token_set_ratio)
    baseline = len(sample) / (time.perf_counter() - start)

    print(f"choice index built once in {build:.2f} s")
    print(f"match_foods: {len(texts)} distinct texts in {elapsed:.2f} s = {rate:,.0f} texts/s")
    print(f"methods: {methods}")
    print(
        f"baseline extractOne(token_set_ratio) loop: {baseline:,.0f} texts/s ({len(sample)} texts)"
    )
    print(f"speed-up vs baseline: {rate / baseline:.1f}x  (target >= 5,000 texts/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
