"""Issue 16: boilerplate classes and bylines recognised by form on sites never seen.

The evaluation set (tests/ingest_eval/cases.py) runs through the real parser: every case
must come out as labelled, no news sentence may be removed, and docs/boilerplate-eval.md
must be the report benchmarks/eval_boilerplate.py writes for it. The end-to-end test drives
`digest ingest` and reads the entry a user would open."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.content.entries import load_entries
from digest.core.model import Entry

sys.path.insert(0, str(Path(__file__).parent))
from ingest_eval.cases import BYLINE_CASES, DEVELOPMENT, HELD_OUT_13
from ingest_eval.evaluate import HEADLINE, evaluate, run_case

PROJECT = Path(__file__).resolve().parent.parent


def _ingested(tmp_path: Path, seeds: dict[str, str]) -> list[Entry]:
    """`digest ingest` from the CLI on a new site holding these seeds (file name → text):
    its entries, which must load without an error."""
    root = tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "ingest"])
    assert result.exit_code == 0, result.output
    entries, errors = load_entries(root / "content")
    assert errors == []
    return entries


@pytest.mark.parametrize(("expected", "placement", "text"), DEVELOPMENT, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(DEVELOPMENT)])
def test_evaluation_case(expected: str | None, placement: str, text: str) -> None:
    outcome = run_case(expected, placement, text)
    assert (outcome.removed_as, outcome.news_intact) == (expected, True)


def test_every_class_has_recall_at_least_0_9_and_no_news_is_removed() -> None:
    """The development set, the two earlier held-out sets included (their misses guided the
    generalisation of their classes: docs/boilerplate-eval.md)."""
    evaluation = evaluate()
    assert {name: (s.cases, s.precision, s.recall) for name, s in evaluation.scores.items()} == {
        "copyright": (79, 1.0, 1.0),
        "opinion-disclaimer": (72, 1.0, 1.0),
        "verification-disclaimer": (70, 1.0, 1.0),
        "agency-end": (70, 1.0, 1.0),
        "click-promo": (69, 1.0, 1.0),
        "read-also": (76, 1.0, 1.0),
        "follow-us": (70, 1.0, 1.0),
        "photo-credit": (72, 1.0, 1.0),
        "source-credit": (73, 1.0, 1.0),
    }
    assert evaluation.news_cases == 225 and evaluation.news_removed == []


def test_thirteenth_held_out_set_removes_no_news_and_misses_nothing() -> None:
    """The held-out estimate (docs/boilerplate-eval.md): run once; the two changes after it
    stopped a French notice quoted by a lawyer and a French «Voir aussi» sentence being cut."""
    outcomes = [run_case(*case) for case in HELD_OUT_13]
    news = [o for o in outcomes if o.expected is None]
    assert len(news) == 21 and [o.text for o in news if not o.correct] == []
    assert [(o.expected, o.removed_as, o.text) for o in outcomes if o.expected is not None and not o.correct] == []
    assert sum(o.correct for o in outcomes if o.expected is not None) == 54


@pytest.mark.parametrize(("text", "expected"), BYLINE_CASES)
def test_byline_case(text: str, expected: str | None) -> None:
    outcome = [r for r in evaluate().byline_results if r[0] == text]
    assert outcome[0][2] == expected


SEED = f"""{HEADLINE}

{HEADLINE}

**عمّان – بترا:**

أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار.

الصورة: رويترز

وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة، وانتهى الاجتماع بتوقيع اتفاقية. نُشر هذا الخبر أولاً على موقع صحيفة الرأي.

لا يمكن للموقع التحقق بشكل مستقل من صحة الصور المتداولة على مواقع التواصل الاجتماعي.

**اقرأ أيضا: أسعار القمح ترتفع في الأسواق**

-انتهى-

© 2024 جميع الحقوق محفوظة
"""


def test_ingest_records_each_removal_with_its_class(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "2024-03-01-a.txt").write_text(SEED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "ingest"])
    assert result.exit_code == 0, result.output
    assert "ingest: 1 new, 0 updated, 0 unchanged, 0 failed" in result.output
    (entry,), errors = load_entries(root / "content")
    assert errors == []
    assert entry.source == "عمّان – بترا"
    assert entry.body == (
        "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار.\n\n"
        "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة، وانتهى الاجتماع بتوقيع اتفاقية."
    )
    assert entry.boilerplate == [
        {"text": "الصورة: رويترز", "reason": "photo-credit"},
        {"text": "نُشر هذا الخبر أولاً على موقع صحيفة الرأي.", "reason": "source-credit"},
        {"text": "لا يمكن للموقع التحقق بشكل مستقل من صحة الصور المتداولة على مواقع التواصل الاجتماعي.", "reason": "verification-disclaimer"},
        {"text": "**اقرأ أيضا: أسعار القمح ترتفع في الأسواق**", "reason": "read-also"},
        {"text": "-انتهى-", "reason": "agency-end"},
        {"text": "© 2024 جميع الحقوق محفوظة", "reason": "copyright"},
    ]


def test_eval_report_in_docs_is_current(extra_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(PROJECT / "benchmarks" / "eval_boilerplate.py"), "--check", "--extra", str(extra_dir)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ingest_dated_byline_becomes_source_and_its_line_is_recorded(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    seed = (
        f"{HEADLINE}\n\nالقاهرة - أحمد علي | 12 مارس 2024 10:30 ص\n\n"
        "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار.\n"
    )
    (root / "seeds" / "2024-03-12-b.txt").write_text(seed, encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "ingest"])
    assert result.exit_code == 0, result.output
    (entry,), _ = load_entries(root / "content")
    assert entry.source == "القاهرة - أحمد علي"
    assert entry.body == "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    assert entry.boilerplate == [{"text": "القاهرة - أحمد علي | 12 مارس 2024 10:30 ص", "reason": "dateline"}]


def test_ingest_removes_the_generalised_classes_and_keeps_a_place_pair_lead(tmp_path: Path) -> None:
    """The issue 16 follow-up rules from the CLI: a negated opinion disclaimer, «اقرأ أيضًا..»,
    a photo attributed with «لـ», initials with `/` after «انتهى»; a lead opening with two
    places and a colon keeps `source:` empty (no dateline)."""
    lead = "القاهرة - الرياض: محادثات جديدة بشأن الاستثمار المشترك بين البلدين، بحسب مسؤولين."
    seed = (
        f"{HEADLINE}\n\n{lead}\n\n"
        "اقرأ أيضًا.. كيف تغيرت أسعار الغذاء؟\n\n"
        "الصورة لوكالة الأنباء الفرنسية\n\n"
        "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة.\n\n"
        "المقالات المنشورة في قسم الرأي لا تعبر بالضرورة عن رأي الموقع\n\n"
        "(انتهى) س.ع/م.ح\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-c.txt": seed})
    assert entry.source is None
    assert entry.body == f"{lead}\n\nوقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة."
    assert entry.boilerplate == [
        {"text": "اقرأ أيضًا.. كيف تغيرت أسعار الغذاء؟", "reason": "read-also"},
        {"text": "الصورة لوكالة الأنباء الفرنسية", "reason": "photo-credit"},
        {"text": "المقالات المنشورة في قسم الرأي لا تعبر بالضرورة عن رأي الموقع", "reason": "opinion-disclaimer"},
        {"text": "(انتهى) س.ع/م.ح", "reason": "agency-end"},
    ]


def test_ingest_removes_the_classes_of_the_second_held_out_sets_misses(tmp_path: Path) -> None:
    """The class rules generalised for the second held-out set, from the CLI, on lines of
    their classes that are in no case: a prohibition of copying that names this content, the
    copyright notice after a site name, a follow line after a purpose phrase (follow-us, not
    promo), «انضم» with the site's channel, a standalone «نقلا عن وكالة ...»; a minister who
    «تابع» (followed up) and a law's prohibition of copying stay."""
    followed_up = "تابع الوزير سير العمل في مشروع السد على مدار الأسبوع الماضي."
    law = "يحظر القانون الجديد نسخ البرامج دون ترخيص من أصحابها."
    seed = (
        f"{HEADLINE}\n\n"
        "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار.\n\n"
        "انضم إلى قناتنا على تيليجرام\n\n"
        f"{followed_up}\n\n{law}\n\n"
        "ولمتابعة كل جديد تابعونا عبر حسابنا على منصة إكس\n\n"
        "يحظر نقل المواد المنشورة على الموقع إلا بإذن خطي من الإدارة\n\n"
        "شبكة النهار الإخبارية 2026 - كافة الحقوق محفوظة\n\n"
        "نقلاً عن وكالة الأنباء الألمانية\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-d.txt": seed})
    assert entry.body == (
        "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار.\n\n"
        f"{followed_up}\n\n{law}"
    )
    assert entry.boilerplate == [
        {"text": "انضم إلى قناتنا على تيليجرام", "reason": "follow-us"},
        {"text": "ولمتابعة كل جديد تابعونا عبر حسابنا على منصة إكس", "reason": "follow-us"},
        {"text": "يحظر نقل المواد المنشورة على الموقع إلا بإذن خطي من الإدارة", "reason": "copyright"},
        {"text": "شبكة النهار الإخبارية 2026 - كافة الحقوق محفوظة", "reason": "copyright"},
        {"text": "نقلاً عن وكالة الأنباء الألمانية", "reason": "source-credit"},
    ]


def test_ingest_keeps_a_closing_story_about_an_app_and_removes_a_promo_that_speaks_to_the_reader(tmp_path: Path) -> None:
    """The promo heuristic needs a cue addressed to the reader: a closing sentence about
    Telegram being blocked names an app and a platform (two cues) in the third person."""
    root = tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    lead = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    blocked = "أعلنت الحكومة حجب تطبيق تلغرام مؤقتا خلال فترة الامتحانات."
    promo = "حملوا تطبيق الموقع على هواتفكم وتصلكم إشعارات الأخبار العاجلة"
    for name, closing in (("2024-03-12-e.txt", blocked), ("2024-03-12-f.txt", promo)):
        (root / "seeds" / name).write_text(f"{HEADLINE}\n\n{lead}\n\n{closing}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "ingest"])
    assert result.exit_code == 0, result.output
    entries, errors = load_entries(root / "content")
    assert errors == []
    by_body = sorted((entry.body, entry.boilerplate) for entry in entries)
    assert by_body == sorted([
        (f"{lead}\n\n{blocked}", []),
        (lead, [{"text": promo, "reason": "promo"}]),
    ])


def test_ingest_applies_the_later_class_rules_and_keeps_the_news_that_looks_like_them(tmp_path: Path) -> None:
    """From the CLI, rules generalised after the later held-out sets, on lines that are in no
    case: a photo credit «© AFP» (not copyright), a French disclaimer, «(النهاية)» with
    initials; and what stays: a quoted follow formula talked about, an attributed disclaimer,
    a safety instruction quoted with «تقول», a minister who «تابع» a rescue."""
    lead = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    kept = [
        "«تابعونا على إنستغرام» عبارة تحولت إلى شعار لحملة انتخابية ساخرة.",
        "لا يمكن التحقق من صحة الصور المتداولة على مواقع التواصل، بحسب خبراء مستقلين.",
        "اضغط على الزر الأحمر عند سماع الإنذار، تقول تعليمات الدفاع المدني.",
        "تابع وزير الداخلية عمليات الإنقاذ في المناطق المتضررة حتى ساعة متأخرة.",
    ]
    seed = (
        f"{HEADLINE}\n\n{lead}\n\n© AFP\n\n" + "\n\n".join(kept)
        + "\n\nLes propos tenus dans cette tribune n'engagent que leur auteur.\n\n(النهاية) ع ب / ر ن\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-g.txt": seed})
    assert entry.body == "\n\n".join([lead, *kept])
    assert entry.boilerplate == [
        {"text": "© AFP", "reason": "photo-credit"},
        {"text": "Les propos tenus dans cette tribune n'engagent que leur auteur.", "reason": "opinion-disclaimer"},
        {"text": "(النهاية) ع ب / ر ن", "reason": "agency-end"},
    ]


@pytest.mark.parametrize("line", ["Tous droits réservés", "© 2024 Le Quotidien - Tous droits réservés.", "Tous droits reserves"])
def test_french_rights_notice_is_removed_with_or_without_accents(tmp_path: Path, line: str) -> None:
    """«réservés» has two accented letters: the notice is recognised whichever way it is
    spelt, while a sentence that talks about the formula stays."""
    news = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    talk = "Le tribunal a jugé que la mention tous droits réservés ne suffit pas à protéger une photo."
    (entry,) = _ingested(tmp_path, {"2024-03-12-fr.txt": f"{HEADLINE}\n\n{news}\n\n{talk}\n\n{line}\n"})
    assert entry.body == f"{news}\n\n{talk}"
    assert entry.boilerplate == [{"text": line, "reason": "copyright"}]


def test_ingest_removes_the_classes_of_the_tenth_held_out_sets_misses_and_keeps_their_look_alikes(tmp_path: Path) -> None:
    """The rules generalised after the tenth held-out set, from the CLI, on lines of those
    classes that are in no case: published content declared the paper's property with a
    prohibition of its use, an Arabic "views expressed are personal", a column that speaks for
    its writer, the BBC unable to verify footage, "Image credit:", a study first published
    elsewhere closing the last paragraph, «نقلا عن محطة إن بي سي»; and the news that looks like
    them stays: a story about a blog post, the police unable to verify a video, photographs in
    a court case, a network's report opening a sentence with «أن», land owned by the state."""
    lead = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    kept = [
        "التدوينة التي يكتبها الناشط كل أسبوع تعبر عن رأي صاحبها في سياسات الحكومة.",
        "Police could not independently verify the video, which shows the suspect fleeing.",
        "Photographs shown in court revealed the extent of the damage.",
        "نقلا عن شبكة سي إن إن أن الرئيس سيزور المنطقة الأسبوع المقبل.",
        "الأراضي الزراعية ملك للدولة ولا يجوز بيعها دون إذن من الوزارة.",
    ]
    last = "وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة."
    credit = "ونُشرت هذه الدراسة أولاً على موقع مجلة العلوم."
    seed = (
        f"{HEADLINE}\n\n{lead}\n\nImage credit: Getty Images\n\n" + "\n\n".join(kept)
        + "\n\nهذا العمود يعبر عن رأي كاتبه\n\nThe BBC could not independently verify the footage."
        "\n\nالآراء الواردة في المقال شخصية ولا تعبر عن الصحيفة"
        f"\n\n{last} {credit}\n\nنقلا عن محطة إن بي سي\n\n"
        "جميع المواد المنشورة ملك لصحيفة الوطن ويمنع نقلها دون إذن\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-h.txt": seed})
    assert entry.body == "\n\n".join([lead, *kept, last])
    assert entry.boilerplate == [
        {"text": "Image credit: Getty Images", "reason": "photo-credit"},
        {"text": "هذا العمود يعبر عن رأي كاتبه", "reason": "opinion-disclaimer"},
        {"text": "The BBC could not independently verify the footage.", "reason": "verification-disclaimer"},
        {"text": "الآراء الواردة في المقال شخصية ولا تعبر عن الصحيفة", "reason": "opinion-disclaimer"},
        {"text": credit, "reason": "source-credit"},
        {"text": "نقلا عن محطة إن بي سي", "reason": "source-credit"},
        {"text": "جميع المواد المنشورة ملك لصحيفة الوطن ويمنع نقلها دون إذن", "reason": "copyright"},
    ]


def test_ingest_removes_the_classes_of_the_eleventh_held_out_sets_misses_and_keeps_their_look_alikes(tmp_path: Path) -> None:
    """The rules generalised after the eleventh held-out set, from the CLI, on lines of those
    classes that are in no case: permission to republish naming the source, a French
    prohibition, the paper as the subject of an opinion and of a verification disclaimer, the
    editorial line with «ال», a nominal «المقال رأي خاص بكاتبه», French click, follow and photo
    lines, a horizontal bar around «انتهى», «والتقرير منقول عن ...» closing the last paragraph;
    and the news that looks like them stays: a law that allows quoting, a poll that does not
    reflect public opinion, a platform that does not verify what is posted on it, a court on
    Facebook's liability, a French scam message quoted, a French safety instruction attributed,
    a translated book, «انتهى» between dashes inside a sentence, goods carried «بشرط ذكر اسم
    المرسل», a match whose broadcast is prohibited, "si vous cliquez" in a story about spyware."""
    lead = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    kept = [
        "يسمح القانون الجديد بالاقتباس من الأعمال المنشورة لأغراض تعليمية.",
        "الآراء الواردة في الاستطلاع لا تعكس بالضرورة الرأي العام في البلاد.",
        "منصة تيك توك لا تتحقق من صحة الفيديوهات المنشورة عليها.",
        "موقع فيسبوك غير مسؤول عن آراء المستخدمين، بحسب محكمة أمريكية.",
        "« Cliquez ici », disait le message frauduleux envoyé aux clients de la banque.",
        "Suivez les consignes publiées sur notre page Facebook, a indiqué la protection civile.",
        "وقال إن المشروع انتهى ـ على حد تعبيره ـ بالفشل.",
        "يسمح بنقل البضائع بين المحافظات بشرط ذكر اسم المرسل في الوثيقة.",
        "La diffusion du match est interdite sans l'accord de la fédération.",
        "Si vous cliquez sur le lien, le logiciel espion s'installe sur votre téléphone.",
    ]
    last = "والكتاب مترجم عن الفرنسية ويقع في 300 صفحة."
    credit = "والتقرير منقول عن صحيفة الغارديان."
    seed = (
        f"{HEADLINE}\n\n{lead}\n\nCrédits photos : DR\n\n" + "\n\n".join(kept)
        + "\n\nالصحيفة لا يمكنها التحقق من صحة المقاطع المتداولة عبر تيك توك"
        "\n\nالمقال رأي خاص بكاتبه"
        "\n\nلا تتحمل الجريدة أي مسؤولية عن آراء كتابها"
        "\n\nالمقالات المنشورة لا تعبر عن الخط التحريري للصحيفة"
        "\n\nPour voir la vidéo, cliquez sur le lien"
        "\n\nRejoignez notre chaîne WhatsApp"
        f"\n\n{last} {credit}\n\n― انتهى ―\n\n"
        "Toute reproduction, même partielle, est interdite sans autorisation.\n\n"
        "لا مانع من إعادة النشر شريطة ذكر اسم الموقع\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-i.txt": seed})
    assert entry.body == "\n\n".join([lead, *kept, last])
    assert entry.boilerplate == [
        {"text": "Crédits photos : DR", "reason": "photo-credit"},
        {"text": "الصحيفة لا يمكنها التحقق من صحة المقاطع المتداولة عبر تيك توك", "reason": "verification-disclaimer"},
        {"text": "المقال رأي خاص بكاتبه", "reason": "opinion-disclaimer"},
        {"text": "لا تتحمل الجريدة أي مسؤولية عن آراء كتابها", "reason": "opinion-disclaimer"},
        {"text": "المقالات المنشورة لا تعبر عن الخط التحريري للصحيفة", "reason": "opinion-disclaimer"},
        {"text": "Pour voir la vidéo, cliquez sur le lien", "reason": "click-promo"},
        {"text": "Rejoignez notre chaîne WhatsApp", "reason": "follow-us"},
        {"text": credit, "reason": "source-credit"},
        {"text": "― انتهى ―", "reason": "agency-end"},
        {"text": "Toute reproduction, même partielle, est interdite sans autorisation.", "reason": "copyright"},
        {"text": "لا مانع من إعادة النشر شريطة ذكر اسم الموقع", "reason": "copyright"},
    ]


def test_ingest_keeps_a_click_formula_quoted_inside_a_story_and_removes_the_sites_own(tmp_path: Path) -> None:
    """The change after the twelfth held-out set's run, from the CLI: a click imperative after a
    quotation mark is a formula quoted in a story (Arabic and French), and a French present-tense
    reporting verb attributes a line; the site's own click lines are still removed."""
    lead = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    kept = [
        "انتشرت رسائل «اضغط هنا لتحصل على الدعم» على تطبيق واتساب خلال الأسبوع الماضي.",
        "Des courriels \"cliquez ici pour valider votre compte\" visent les clients des banques.",
        "Cliquez sur le lien reçu par SMS et vous perdrez votre argent, explique un enquêteur.",
    ]
    seed = (
        f"{HEADLINE}\n\n{lead}\n\n" + "\n\n".join(kept)
        + "\n\nPour lire la suite, cliquez ici\n\nلمشاهدة الحلقة كاملة اضغط هنا\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-j.txt": seed})
    assert entry.body == "\n\n".join([lead, *kept])
    assert entry.boilerplate == [
        {"text": "Pour lire la suite, cliquez ici", "reason": "click-promo"},
        {"text": "لمشاهدة الحلقة كاملة اضغط هنا", "reason": "click-promo"},
    ]


def test_ingest_removes_the_classes_of_the_twelfth_held_out_sets_misses_and_keeps_their_look_alikes(tmp_path: Path) -> None:
    """The rules generalised after the twelfth held-out set, from the CLI, on lines of those
    classes that are in no case: the author's views not those of a named paper, a French
    «billet» that commits only its writer, «أسرة التحرير» disclaiming the opinion pieces, a
    quoted site refusing responsibility for views and for the accuracy of videos, a French
    outlet that could not authenticate images, «ترجمة خاصة عن موقع ...» and an agency code with
    initials after slashes closing the last paragraph; and the news that looks like them stays:
    a court that could not authenticate videos, an editorial board's decision, a translated
    book, an agency named in a sentence, "If you click the link" in a story about spyware, the
    views of voters."""
    lead = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    kept = [
        "Le tribunal n'a pas pu authentifier les vidéos présentées par la défense.",
        "هيئة التحرير قررت تغيير اسم الصحيفة بعد خمسين عاما على صدورها.",
        "ترجمة خاصة عن الفرنسية لرواية جديدة صدرت عن دار الساقي هذا الشهر.",
        "If you click the link, the spyware installs itself on the phone.",
        "The views expressed by voters do not reflect those of the government.",
        "وكالة واس نقلت عن وزير الطاقة قوله إن الإنتاج سيرتفع.",
    ]
    last = "وتستمر الأعمال حتى نهاية العام."
    seed = (
        f"{HEADLINE}\n\n{lead}\n\n" + "\n\n".join(kept)
        + "\n\nThe opinions expressed in this column do not reflect those of the Jordan Times."
        "\n\nCe billet n'engage que sa rédactrice."
        "\n\nأسرة التحرير غير مسؤولة عن مضمون مقالات الرأي"
        "\n\nلا يتحمل موقع «الساعة» أي مسؤولية عن الآراء الواردة"
        "\n\nلا تتحمل «الوطن» مسؤولية صحة الفيديوهات المتداولة على فيسبوك"
        "\n\nLe journal n'a pas pu authentifier ces images publiées sur les réseaux sociaux."
        f"\n\n{last} قنا/ م.ع/ س ك\n\n"
        "ترجمة حصرية عن موقع ميدل إيست آي\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-k.txt": seed})
    assert entry.body == "\n\n".join([lead, *kept, last])
    assert entry.boilerplate == [
        {"text": "The opinions expressed in this column do not reflect those of the Jordan Times.", "reason": "opinion-disclaimer"},
        {"text": "Ce billet n'engage que sa rédactrice.", "reason": "opinion-disclaimer"},
        {"text": "أسرة التحرير غير مسؤولة عن مضمون مقالات الرأي", "reason": "opinion-disclaimer"},
        {"text": "لا يتحمل موقع «الساعة» أي مسؤولية عن الآراء الواردة", "reason": "opinion-disclaimer"},
        {"text": "لا تتحمل «الوطن» مسؤولية صحة الفيديوهات المتداولة على فيسبوك", "reason": "verification-disclaimer"},
        {"text": "Le journal n'a pas pu authentifier ces images publiées sur les réseaux sociaux.", "reason": "verification-disclaimer"},
        {"text": "قنا/ م.ع/ س ك", "reason": "agency-end"},
        {"text": "ترجمة حصرية عن موقع ميدل إيست آي", "reason": "source-credit"},
    ]


def test_ingest_keeps_french_attributed_and_sentence_look_alikes_and_removes_the_labels(tmp_path: Path) -> None:
    """The changes after the thirteenth held-out set's run, from the CLI: a French notice or
    disclaimer attributed with a passé composé («a souligné», «a expliqué») is reporting, and
    «Lire / Voir aussi» followed by words is a sentence; the labels themselves are still removed."""
    lead = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مئة مليون دولار."
    kept = [
        "Tous droits réservés sur la marque, a souligné le porte-parole de la société.",
        "Lire aussi les conditions du contrat avant de signer, recommande l'association.",
        "Cette tribune n'engage que son signataire, a expliqué le directeur du journal.",
    ]
    seed = (
        f"{HEADLINE}\n\n{lead}\n\n" + "\n\n".join(kept)
        + "\n\nVoir aussi → Le budget 2025 adopté\n\nLire également: la réforme des retraites\n\nTous droits réservés\n"
    )
    (entry,) = _ingested(tmp_path, {"2024-03-12-l.txt": seed})
    assert entry.body == "\n\n".join([lead, *kept])
    assert entry.boilerplate == [
        {"text": "Voir aussi → Le budget 2025 adopté", "reason": "read-also"},
        {"text": "Lire également: la réforme des retraites", "reason": "read-also"},
        {"text": "Tous droits réservés", "reason": "copyright"},
    ]
