"""Generate a corpus of seed-like Arabic articles for benchmarks.

Every sentence comes from the project's own seed article (seeds/000_645458abd9460e4c.txt),
recombined clause by clause; the shared test articles are never used (not ours to
redistribute). Hashtags come from a pool of ~300 names drawn with a Zipf distribution, so a
few tags sit in thousands of entries and most in a handful, as on a real news site.
Dates are spread over four years and written into the file names (`YYYY-MM-DD-NNNNN.txt`).
The output depends only on (n, seed).

    python benchmarks/corpus.py DEST N [--seed S]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = PROJECT / "seeds" / "000_645458abd9460e4c.txt"

TAG_POOL_SIZE = 300
ZIPF_EXPONENT = 1.1
FIRST_DATE = dt.date(2019, 1, 1)
DAYS_SPAN = 4 * 365
BYLINES = ("وكالات", "كاتماندو – وكالات", "العربية.نت", "بغداد – الحل نت", "أربيل – وكالات")
_HASHTAG_RE = re.compile(r"#([\w\u064b-\u065f]+)")
_ARABIC_WORD_RE = re.compile(r"^[\u0621-\u064a\u064b-\u065f]{3,}$")
_STOPWORDS = {"التي", "الذي", "على", "إلى", "بشأن", "خلال", "وأن", "أن", "إن", "بين", "ضد", "لكن", "بعض", "هذه", "تلك", "ذلك", "هؤلاء"}


class SeedMaterial:
    """Sentences, clauses, words, the promo lines and the real tags of the seed article."""

    def __init__(self, text: str):
        blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
        self.headline = blocks[0]
        # blocks: headline, repeated headline, byline, 15 paragraphs, promo (two lines).
        body = [b for b in blocks[1:] if b != self.headline and len(b) > 40]
        self.promo = body[-1]
        paragraphs = body[:-1]
        self.real_tags = list(dict.fromkeys(m.group(1) for p in paragraphs for m in _HASHTAG_RE.finditer(p)))
        plain = [_HASHTAG_RE.sub(lambda m: m.group(1).replace("_", " "), p) for p in paragraphs]
        self.sentences = plain
        self.clauses = [c.strip(" .") for p in plain for c in re.split(r"،\s*", p) if len(c.split()) >= 3]
        words = [w.strip("«»“”\"().،:") for p in plain for w in p.split()]
        self.words = sorted({w for w in words if _ARABIC_WORD_RE.match(w) and w not in _STOPWORDS})


def tag_pool(material: SeedMaterial, size: int = TAG_POOL_SIZE, seed: int = 0) -> list[str]:
    """~size distinct tag names: the seed's own tags first, then words and word pairs."""
    rng = random.Random(f"tags-{seed}")
    pool = list(material.real_tags)
    seen = set(pool)
    candidates = list(material.words)
    rng.shuffle(candidates)
    for word in candidates:
        if len(pool) >= size // 2:
            break
        if word not in seen:
            pool.append(word)
            seen.add(word)
    while len(pool) < size:
        name = f"{rng.choice(material.words)}_{rng.choice(material.words)}"
        if name not in seen:
            pool.append(name)
            seen.add(name)
    return pool


def zipf_weights(n: int, exponent: float = ZIPF_EXPONENT) -> list[float]:
    return [1.0 / (rank**exponent) for rank in range(1, n + 1)]


def _paragraph(rng: random.Random, material: SeedMaterial) -> str:
    """A real sentence, or two to four clauses of different sentences joined."""
    if rng.random() < 0.4:
        return rng.choice(material.sentences)
    return "، ".join(rng.sample(material.clauses, rng.randint(2, 4))) + "."


def _headline(rng: random.Random, material: SeedMaterial) -> str:
    words = rng.choice(material.clauses).split()
    start = rng.randint(0, max(0, len(words) - 5))
    head = words[start : start + rng.randint(5, 11)]
    if rng.random() < 0.3:
        head += [":", *rng.choice(material.clauses).split()[:4]]
    # Clause fragments may cut a quotation in half: headlines carry no quote marks here.
    return re.sub(r"[«»“”\"()]", "", " ".join(head).replace(" :", ":"))


def _insert_hashtag(rng: random.Random, paragraph: str, tag: str) -> str:
    words = paragraph.split(" ")
    style = rng.random()
    if style < 0.08:
        token = f"و#{tag}"
    elif style < 0.15:
        token = f"«#{tag}»"
    elif style < 0.2:
        token = f"“#{tag}”"
    else:
        token = f"#{tag}"
    words.insert(rng.randint(1, len(words)), token)
    return " ".join(words)


def article_text(rng: random.Random, material: SeedMaterial, pool: list[str], weights: list[float]) -> str:
    headline = _headline(rng, material)
    parts = [headline]
    if rng.random() < 0.8:
        parts.append(headline)  # scrapers usually repeat the headline
    if rng.random() < 0.7:
        parts.append(rng.choice(BYLINES))
    paragraphs = [_paragraph(rng, material) for _ in range(rng.randint(5, 15))]
    n_tags = min(len(paragraphs) * 2, int(rng.triangular(0, 12, 4)))
    for tag in rng.choices(pool, weights=weights, k=n_tags):
        i = rng.randrange(len(paragraphs))
        paragraphs[i] = _insert_hashtag(rng, paragraphs[i], tag)
    parts.extend(paragraphs)
    if rng.random() < 0.3:
        parts.append(material.promo)
    return "\n\n".join(parts) + "\n"


def generate_corpus(seeds_dir: Path, n: int, seed: int = 0) -> list[Path]:
    """Write n articles into seeds_dir (created if needed); return their paths in order."""
    material = SeedMaterial(SEED_ARTICLE.read_text(encoding="utf-8"))
    pool = tag_pool(material, seed=seed)
    weights = zipf_weights(len(pool))
    rng = random.Random(seed)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        date = FIRST_DATE + dt.timedelta(days=rng.randrange(DAYS_SPAN))
        path = seeds_dir / f"{date.isoformat()}-{i:05d}.txt"
        path.write_text(article_text(rng, material, pool, weights), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="folder to write the .txt articles into")
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same corpus)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    paths = generate_corpus(args.dest, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
