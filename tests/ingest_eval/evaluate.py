"""Run issue 16's evaluation set through the real parser and count what it got right.

Used by tests/test_boilerplate_classes.py (the set as tests) and by
benchmarks/eval_boilerplate.py (the report in docs/boilerplate-eval.md)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from digest.ingest.boilerplate import BoilerplateFilter
from digest.ingest.parse import ParsedArticle, parse_article
from digest.ingest.sources import RawArticle, read_article

from .cases import BYLINE_CASES, DEVELOPMENT, BoilerplateCase

HEADLINE = "الحكومة تعلن خطة جديدة لدعم المزارعين في المحافظات الجنوبية"
NEWS_1 = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
NEWS_2 = "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة وبذورا محسنة لموسم الشتاء المقبل."
NEWS_3 = "وأضاف أن الوزارة ستراقب تنفيذ الخطة عبر لجان ميدانية في كل محافظة."


def _parse(text: str) -> ParsedArticle:
    raw = RawArticle(Path("seeds/eval.txt"), text, "utf-8", "0" * 64)
    return parse_article(raw, BoilerplateFilter(), dt.date(2026, 1, 2), 200)


def article_for(placement: str, text: str) -> tuple[str, list[str]]:
    """(seed text with the case placed, the news paragraphs that must survive unchanged)."""
    if placement == "middle":
        return f"{HEADLINE}\n\n{NEWS_1}\n\n{NEWS_2}\n\n{text}\n\n{NEWS_3}\n", [NEWS_1, NEWS_2, NEWS_3]
    if placement == "end":
        return f"{HEADLINE}\n\n{NEWS_1}\n\n{NEWS_2}\n\n{text}\n", [NEWS_1, NEWS_2]
    if placement == "tail":
        return f"{HEADLINE}\n\n{NEWS_1}\n\n{NEWS_2} {text}\n", [NEWS_1, NEWS_2]
    raise ValueError(placement)


@dataclass
class Outcome:
    expected: str | None
    placement: str
    text: str
    removed_as: str | None  # the class it was removed under (None: kept in the body)
    news_intact: bool  # the surrounding news paragraphs came out unchanged

    @property
    def correct(self) -> bool:
        return self.removed_as == self.expected and self.news_intact


def run_case(expected: str | None, placement: str, text: str) -> Outcome:
    seed, news = article_for(placement, text)
    parsed = _parse(seed)
    removed_as = next((s.reason for s in parsed.boilerplate if text.strip() in s.text or s.text.strip() in text), None)
    if placement == "tail" and removed_as is None:
        # Kept: it must still close the last paragraph.
        intact = parsed.paragraphs == [NEWS_1, f"{NEWS_2} {text}"]
    else:
        intact = parsed.paragraphs == news if removed_as is not None else text in "\n\n".join(parsed.paragraphs) and all(
            n in parsed.paragraphs for n in news
        )
    return Outcome(expected, placement, text, removed_as, intact)


@dataclass
class ClassScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    cases: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


@dataclass
class Evaluation:
    outcomes: list[Outcome]
    scores: dict[str, ClassScore]
    news_cases: int
    news_removed: list[Outcome]
    byline_results: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (text, expected, got)
    real_articles: list[tuple[str, int, list[tuple[str, str]]]] = field(default_factory=list)


def evaluate(extra_dir: Path | None = None, cases: list[BoilerplateCase] = DEVELOPMENT) -> Evaluation:
    outcomes = [run_case(*case) for case in cases]
    scores: dict[str, ClassScore] = {}
    for name in dict.fromkeys(c for c, _, _ in cases if c is not None):
        scores[name] = ClassScore()
    for outcome in outcomes:
        if outcome.expected is not None:
            scores[outcome.expected].cases += 1
        if outcome.correct and outcome.expected is not None:
            scores[outcome.expected].true_positives += 1
            continue
        if outcome.expected is not None:
            scores[outcome.expected].false_negatives += 1
        if (outcome.removed_as is not None and outcome.removed_as != outcome.expected) or (outcome.removed_as is not None and not outcome.news_intact):
            scores.setdefault(outcome.removed_as, ClassScore()).false_positives += 1
    news = [o for o in outcomes if o.expected is None]
    evaluation = Evaluation(outcomes, scores, len(news), [o for o in news if not o.correct])
    for text, expected in BYLINE_CASES:
        evaluation.byline_results.append((text, expected, _parse(f"{HEADLINE}\n\n{text}\n").source))
    if extra_dir is not None:
        for path in sorted(extra_dir.glob("*.txt")):
            parsed = parse_article(read_article(path, 10_000_000), BoilerplateFilter(), dt.date(2026, 1, 2), 200)
            evaluation.real_articles.append(
                (path.name, len(parsed.paragraphs), [(s.reason, s.text) for s in parsed.boilerplate])
            )
    return evaluation


def byline_counts(evaluation: Evaluation) -> Counter[str]:
    counts: Counter[str] = Counter()
    for _text, expected, got in evaluation.byline_results:
        if expected is None:
            counts["negatives"] += 1
            counts["false_bylines"] += got is not None
        else:
            counts["positives"] += 1
            counts["found"] += got == expected
    return counts
