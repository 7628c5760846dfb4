"""Built-in boilerplate classes: what news sites put around an article, recognised by form.

Each class is a few regular expressions over a *folded* line (emphasis marks stripped,
Arabic letters folded as in normalize_identity: أ إ آ → ا, ى → ي, ة → ه, diacritics removed,
Latin case folded), written as the class's formula — never a string copied from one site.
Precision comes first: a line must open with the class's formula, or hold its parts in a
short line (boilerplate is formulaic; a news sentence that mentions copyright, an agency or
an app opens with its subject or verb), and the classes that speak in the site's own voice
(copyright, disclaimers, follow and click lines) never match a line that attributes what it
says («بحسب», «قال», "said"); a formula quoted and then talked about is news. Classes:

copyright             «© 2024 ...», «SITE - جميع الحقوق محفوظة», «يمنع نسخ ... دون إذن»,
                      «المحتوى محمي بحقوق ...», "All rights reserved", «Tous droits réservés»,
                      «يسمح بالنقل مع ذكر المصدر», «Toute reproduction interdite sans autorisation»
opinion-disclaimer    «المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي الموقع», «... مسؤولية
                      كاتبه», «المقال رأي شخصي للكاتب», «الموقع غير مسؤول عن آراء الكتاب»,
                      "The views expressed are the author's own", «n'engagent que ...»
verification-disclaimer  «لا يمكن لـ(الموقع) التحقق بشكل مستقل من ... مواقع التواصل», «الموقع
                      غير مسؤول عن صحة ...», "could not independently verify the footage",
                      «n'a pas pu vérifier ces images»
agency-end            «/انتهى/», «-انتهى-», «ـ انتهى ـ», «(انتهى)», «(النهاية)» closing agency copy,
                      with initials
click-promo           «لمتابعة المباراة على الأجهزة اللوحية اضغط هنا», «شاهد البث من هنا», "Click here",
                      «Cliquez ici»
read-also             «اقرأ أيضا: ...», «قد يهمك», «مواضيع ذات صلة», "Read more: ...", «Lire aussi»
follow-us             any imperative «تابعوا / تابعونا / انضموا / اشترك ...» before a platform or
                      «صفحتنا / قناتنا / حسابنا», "Follow us on ...", «لا تنسوا متابعتنا ...»,
                      «Suivez-nous sur ...»
photo-credit          «الصورة: رويترز», «(تصوير: ...)», «صورة أرشيفية», «© AFP», "Photo: AFP",
                      «Crédit photo : ...»
source-credit         «نشر هذا الخبر أولاً على موقع صحيفة ...», «المصدر: ...», «نقلا عن وكالة ...»,
                      «مترجم عن ...», "This story originally appeared on ..." (trailing only)

The patterns are many; a cheap pre-check on the first word and a per-class gate (words every
pattern of the class needs) keep them off ordinary news lines.
"""
from __future__ import annotations

import re

from ..text.arabic import normalize_identity
from ..text.memo import BoundedMemo

# Letter folding for the patterns below (as normalize_identity folds the text).
_PATTERN_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
# Emphasis and wrapping that must not hide a line: **x**, __x__, *x*, (x), [x], «x».
_WRAPPING = " \t*_~>«»\"'“”()[]{}"

MAX_LINE_CHARS = 300  # boilerplate lines are short; a longer paragraph is article text
# Social platforms under their usual Arabic spellings (folded: ی/ي, گ/غ/ج/ك for the g of
# Telegram and Instagram, with or without the long vowels) and their Latin names.
_SOCIAL = (
    r"(?:ال)?(?:فيسبوك|فيس بوك|فيسبوق|تويتر|تويتير|اكس|انستا|انستغرام|انستجرام|انستقرام|انستاغرام|انستاجرام|انستكرام"
    r"|يوتيوب|يو تيوب|(?:ت|تي|تل|تيل)(?:ي|ل|لي)?(?:غ|ج|ك|گ)رام|تلغرام|تليغرام|تيليجرام|تلجرام|تيلغرام|تيليغرام"
    r"|تيك ?توك|واتساب|واتس ?اب|لينكد ?ان|سناب ?شات|ثريدز|(?:جوجل|غوغل|قوقل) ?نيوز|google ?news|facebook|twitter"
    r"|instagram|youtube|telegram|tiktok|whatsapp|linkedin|snapchat|threads|x)(?!\w)"
)
# The site's own pages and channels, and social media in general: what a follow line names.
_OUR_PAGES = (
    r"(?:حساباتنا|حسابنا|صفحتنا|صفحاتنا|قناتنا|قنواتنا|منصاتنا|مجموعتنا|موقعنا|تطبيقنا|نشرتنا"
    r"|(?:مواقع|منصات|وسائل|شبكات) (?:ال)?تواصل|السوشيال ميديا|social media|تطبيق|التطبيق|نبض"
    r"|our (?:\S+ )?(?:pages?|channels?|accounts?|profiles?|app|newsletter|website)"
    r"|(?:notre|nos) (?:\S+ )?(?:pages?|cha[iî]nes?|comptes?|profils?|application|newsletter|site)|(?:les )?r[ée]seaux sociaux)(?!\w)"
)
_FOLLOW_TARGET = r"(?:" + _SOCIAL + r"|" + _OUR_PAGES + r")"
# What may come before a follow line: a purpose phrase («للمزيد من الأخبار», «لمتابعة آخر
# المستجدات أولا بأول», «For the latest news,», «Stay updated:»).
_FOLLOW_LEAD = (
    r"(?:(?:ل\S+|ول\S+|(?:for|to|stay|keep|pour)\b)(?: \S+){0,5}?\s*[:،,\-–—.|]*\s+)?"
)
_MONTHS = (
    r"(?:يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار"
    r"|حزيران|تموز|اب|ايلول|تشرين|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)

# A disclaimer speaks in the site's own voice; a sentence that attributes what it says
# («بحسب خبراء ...», «قال ...», "the ministry said") is reporting, whatever its words.
# (Checked once per line in classify_line for the classes in _IN_THE_SITES_VOICE.)
_ATTRIBUTION = (
    r"(?:^|\s)(?:بحسب|حسب|وفق|وفقا|قال|قالت|قالوا|يقول|تقول|يقولون|اكد|اكدت|اضاف|اضافت|يضيف|تضيف|ذكر|ذكرت|اعلن|اعلنت"
    r"|according|said|says|reported|selon|déclaré|indiqué|affirmé|précisé|annoncé|rappelle|souligne|prévient|avertit|explique|ajoute|appelle|appellent|écrit"
    r"|rappelé|souligné|expliqué|averti|ajouté|estimé|assuré|estime|assure|conseille|recommande)(?!\w)(?! (?:ال)?(?:مصدر|موقع|رابط)| اسم)"  # «دون ذكر المصدر»: mention of the source
)
# A copyright notice is the site's own; one that cites a law, contract, court or will is a
# story about rights.
_NOT_LEGAL = r"(?!.*(?:بموجب|القانون|قانون|العقد|عقد|الدستور|المحكمه|قرار|الوصيه)(?!\w))"
# A piece of writing someone keeps in their own name: a blog post, a column («هذه التدوينة
# تعبر عن رأي صاحبها», «هذا العمود يعبر عن رأي كاتبه»).
_OWN_WRITING = r"(?:ال)?(?:تدوينه|تدوينات|مدونه|مدونات|عمود|زاويه)"
# An opinion disclaimer opens with what it is about (the article, the views, what is published).
_OPINION_PREFIX = (
    r"(?:(?:ملاحظه|تنويه|تنبيه|اخلاء (?:ال)?مسوول?يه|disclaimer)\s*[:：-]?\s*)?(?:هذا |هذه |كل |جميع )?"
    r"(?:(?:محتوى|مضمون) )?(?:المقال|المقالات|المقاله|الاراء|الراي|الافكار|المواد|مقالات الراي|المحتوى"
    r"|ما (?:ورد|يرد|ينشر|نشر|يكتب|كتب)|(?:كل|اي) (?:مقال|مقاله|ماده|راي)|(?:راي|اراء) (?:ال)?(?:كاتب|كتاب)\S*|"
    + _OWN_WRITING + r")"
)
_PHOTO_AGENCIES = (
    r"(?:getty images|getty|afp|reuters|ap|epa|anadolu|a ?f ?p|ا ?ف ?ب|ا\.ف\.ب|رويترز|غيتي(?: ايمجز| اميجز)?|جيتي"
    r"|اسوشيتد برس|الاناضول|ايبا|د ب ا)"
)
_NEGATED_ABILITY = (
    r"(?:لا يمكنه|لا يمكنها|لا يمكن|لا تستطيع|لا يستطيع|يتعذر على|لا يتسنى|لا نستطيع|لا يمكننا|لم يتسن|لم يتسني|لم يتمكن|لم تتمكن|لم نتمكن"
    r"|ليس بامكان|ليس بوسع)"
)
# The one who cannot verify is the publisher; the police or officials of a story are news.
_NOT_AUTHORITY = (
    r"(?!(?:\S+ ){0,4}(?:ل|ال)?(?:شرطه|سلطات|مسوولين|مسوولون|حكومه|وزاره|جيش|محققون|محققين|نيابه|محكمه|خبراء|اطباء"
    r"|شهود|سكان|لجنه|صحفيون|صحفيين|اجهزه|قوات)(?!\w))"
)
# The English counterpart: the one who cannot verify is not an actor of a story.
_NOT_ACTOR_EN = (
    r"(?!(?:\S+ ){0,3}(?:police|officials?|authorities|investigators|government|ministry|army|military|prosecutors?"
    r"|court|judges?|witnesses|residents|experts|doctors|journalists|reporters|lawyers|analysts|researchers|family)\b)"
)
# Media that circulate (what a verification disclaimer is about), not facts of a story.
_MEDIA_EN = r"(?:footage|videos?|images?|photos?|photographs?|pictures?|clips?|recordings?|audio)\b(?:['’]s?)?"
_MEDIA_AR = (
    r"(?:(?:صحه|دقه|مصداقيه) )?(?:هذه |هذا |تلك |ذلك )?(?:ال)?(?:صور|صوره|فيديو|فيديوهات|مقطع|مقاطع|تسجيل|تسجيلات|مشاهد"
    r"|لقطات|المقطع|الصور)(?!\w)"
)
# Arrows that point to a link after a label («اقرأ أيضاً ⬅️ ...»).
_ARROWS = r"[⬅←→➡⇐⇒▶◀►◄👈👉⤵↙↘]"
# Where unverified material circulates: social media in general, a named platform, online.
_CIRCULATING_PLACE = (
    r"(?:(?:مواقع|وسائل|منصات|شبكات) (?:ال)?تواصل|منصه \S+|(?:ال)?انترنت|الشبكه العنكبوتيه|social (?:media|networks?)"
    r"|online|the internet|" + _SOCIAL + r")"
)
# A disclaimer speaks of all that is published, in the present («المقالات التي تنشر ...»);
# one article that someone wrote («المقال الذي كتبه الوزير ...», «الزاوية التي يكتبها ...») is a
# story about it (a site publishes its writers' pieces; it does not write them).
_NOT_ONE_ARTICLE = r"(?!.*(?:الذي|التي) (?:كتب|كتبه|كتبها|يكتبه|يكتبها|تكتبه|تكتبها|نشر|نشره|نشرها|القاه|القاها)(?!\w))"
# The anchored opening of most opinion patterns: what it is about, looked at before the
# one-article guard scans the line (most lines fail at once; the result is the same).
_OPINION_OPENING = r"^(?=" + _OPINION_PREFIX + r")" + _NOT_ONE_ARTICLE + _OPINION_PREFIX
_OPINION_VERB = r"تعبر|يعبر|تعكس|يعكس|تمثل|يمثل|تخص|يخص"
# Whose view: the writer, author or owner, with or without a pronoun (كاتبه، كتابها، اصحابها).
_OWNER = r"(?:ال|لل|ل)?(?:كاتب|كتاب|كاتبي|صاحب|اصحاب|مولف|مولفي)(?:ها|ه|هم|يها)?(?!\w)"
# What a site publishes, by kind: the piece a source credit is about («نُشر هذا التحقيق أولاً ...»).
_PIECE = (
    r"(?:الخبر|المقال|الماده|التقرير|القصه|الموضوع|المقاله|التحقيق|الحوار|المقابله|اللقاء|التحليل|الدراسه|التدوينه"
    r"|العمود|النص|الفيديو|الملف|البحث)"
)
# What a copyright notice protects: the site's content («كل المحتوى المنشور ...»).
_CONTENT = r"(?:ال)?(?:محتوى|محتويات|مواد|ماده|مقالات|نصوص|صور|اخبار)(?!\w)"
# The site, its publisher or its owner, as a noun («للموقع», «لصحيفة ...», «لإدارة الموقع»).
_SITE_NOUN = r"(?:موقع|صحيفه|جريده|شبكه|قناه|مجله|موسسه|ناشر|منصه|وكاله|اداره|دار|بوابه)"
# The site (or its management, its editors, «نحن») as the subject of a disclaimer that opens
# with it («الموقع غير مسؤول عن ...», «الموقع لا يتحقق من ...»); a named site («موقع فيسبوك») or a
# platform («المنصة») is what a story is about.
_SITE_SUBJECT = (
    r"(?:(?:(?:اداره|هيئه تحرير|اسره تحرير|اسره) |هيئه (?=التحرير))?ال(?:موقع|صحيفه|جريده|قناه|شبكه|مجله|موسسه|بوابه|تحرير)"
    r"(?: (?:الاخباري|الالكتروني|الاخباريه|الالكترونيه))?|نحن) "
)
# A site named in quotation marks, optionally after its kind («لا تتحمل «NAME» مسؤولية ...»,
# «لا يتحمل موقع «NAME» أي مسؤولية ...»): the site's own voice, as a disclaimer names itself.
_QUOTED_SITE = r"(?:" + _SITE_NOUN + r" )?[«“\x22][^»”\x22]{1,40}[»”\x22] "
# What a permission or prohibition to copy may name: the site's content, how much of it, from where.
_COPIED = (
    r"(?: (?:ال)?(?:اخبار|خبر|مواد|ماده|محتوى|محتويات|مقالات|مقال|موضوعات|مواضيع|نصوص|صور|تقارير|منشورات|موقع|موقعنا"
    r"|منشور|منشوره|وارد|وارده|نشر|اعاده|اقتباس|نقل)(?!\w)|(?: (?:منه|منها|عنا|عنه|عنها|كليا|جزئيا|او|و|من|هذا|هذه|على|في|كامله|كاملا))(?!\w))"
)
# Words before a formula that stand outside quotation marks (the formula is the line's own,
# not quoted in a sentence about it).
_UNQUOTED_WORDS = r"(?:[^\s«“\x22]+ )"
# English "click" after a subject or a conditional is no imperative ("if you click ...").
_NOT_AN_IMPERATIVE_EN = r"(?<!\bif )(?<!\byou )(?<!\bwhen )(?<!\bonce )(?<!\bthey )(?<!\busers )(?<!\bpeople )(?<!\bvictims )"
# «أن» (that) opens a clause of news after «نقلا عن ...»; «سي إن إن», «إن بي سي» spell a name
# letter by letter, and «إن» before another spelt letter or at the end is one of those letters.
_SPELT_LETTER = r"(?:ان|بي|سي|دي|تي|اي|ام|اف|جي|اس|ار|كيه|كي|اتش|يو|واي|زد)(?!\w)"
_CLAUSE_AN = r"ان(?= (?!" + _SPELT_LETTER + r")\S)"

# class → patterns over the folded line (re.search; most are anchored at ^).
_CLASS_PATTERNS: dict[str, tuple[str, ...]] = {
    "copyright": (
        r"^(?:\d{4}\s*[-–]?\s*)?(?:©|\(?c\) ?\d{4}|copyright\b|all rights reserved)",
        r"^" + _NOT_LEGAL + r"(?:جميع|كل) (?:ال)?حقوق(?: \S+){0,2} محفوظه",
        r"^" + _NOT_LEGAL + r"(?:ال)?حقوق (?:النشر|الطبع|الملكيه)(?: \S+){0,2} (?:محفوظه|©)",
        # The site keeps its rights («الموقع يحتفظ بكامل حقوق النشر», "The publisher reserves all rights").
        r"^" + _NOT_LEGAL + r"(?:(?:ال)?(?:موقع|صحيفه|جريده|شبكه|قناه|ناشر|مجله|موسسه)(?: \S+){0,3} |نحن )?"
        r"(?:يحتفظ|تحتفظ|نحتفظ) ب(?:كامل|جميع|كافه|كل)? ?(?:ال)?حقوق",
        r"^(?:the )?(?:site|website|publisher|newspaper|network)(?: \S+){0,3} reserves? all rights\b",
        # The content declared protected («المحتوى محمي بحقوق الطبع والنشر», "This content is
        # protected by copyright").
        r"^(?:جميع |كل |هذا |هذه )?(?:المحتوى|محتوى الموقع|المواد|مواد الموقع|الموقع|المقال|الماده)"
        r"(?: \S+){0,3} (?:محمي|محميه|مشمول|مشموله)(?: \S+){0,2} ب(?:موجب )?(?:قانون |قوانين )?(?:حقوق|الحقوق)(?: \S+){0,3}$",
        r"^(?:all |this |the )?(?:content|material|articles?)(?: \S+){0,4} (?:is|are) protected by copyright\b",
        # The content declared the site's property («كل المحتوى المنشور ملك للموقع», «المواد ملك
        # لإدارة الموقع»), or published content declared someone's property with a prohibition
        # of its use («... ملك لـ«NAME» ولا يجوز استخدامه دون إذن»); «الأرض ملك للدولة» is not
        # content, and a line citing a law or court is a story about ownership.
        r"^(?=.{0,200}$)" + _NOT_LEGAL + r"(?:(?:جميع|كل|كافه) )?(?:هذا |هذه )?" + _CONTENT + r"(?: \S+){0,3} (?:هو |هي )?"
        r"(?:ملك|ملكيه|مملوك|مملوكه|حكر)(?: حصري| حصريه| خاص| خالص)? (?:لل|ل)" + _SITE_NOUN + r"(?!\w)",
        r"^(?=.{0,200}$)" + _NOT_LEGAL + r"(?:(?:جميع|كل|كافه) )?(?:هذا |هذه )?" + _CONTENT
        + r" (?:ال)?(?:منشور|منشوره|وارد|وارده|مقدم)(?: \S+){0,3} (?:هو |هي )?(?:ملك|ملكيه|مملوك|مملوكه|حكر)(?!\w)"
        r"(?: \S+){0,4} و?(?:لا يجوز|يمنع|يحظر|ممنوع|محظور|لا يسمح|غير مسموح)(?!\w)",
        r"^(?:all |the |this )?(?:content|material|articles?)(?: \S+){0,4} (?:is|are) (?:the )?(?:(?:exclusive|sole) )?"
        r"property of\b",
        r"^الحقوق محفوظه",
        # The notice in any order: «SITE - جميع الحقوق محفوظة», «SITE 2024 © ...»: the formula
        # as a segment of its own (at the start, or after a separator, a year or ©) in a
        # short line; «... أن جميع الحقوق محفوظة للورثة» is a clause of a sentence, not a segment.
        r"^(?=.{0,200}$)" + _NOT_LEGAL
        + r"(?:.{0,100}?(?:[-–—|·•,.،]|\d{4}|©)\s*)?"
        r"(?:(?:(?:جميع|كل|كافه) (?:ال)?حقوق|(?:ال)?حقوق (?:النشر|الطبع|الملكيه))(?: \S+){0,2} محفوظه"
        r"|الحقوق محفوظه|(?:ال)?حقوق (?:كامله|كلها|جميعها|كافه) محفوظه|all rights reserved|tous droits r[eé]serv[eé]s)",
        r"^(?=.{0,160}$)(?!.*(?:court|ruled|ruling|law|said)\b).*(?:©|\(c\) ?\d{4}|\bcopyright (?:©|\(c\)|\d{4}))",
        # A prohibition of copying or republishing without permission, naming this content or
        # its rights («يمنع نسخ أو إعادة نشر هذا المحتوى دون إذن مسبق»); a law's prohibition
        # («يحظر القانون نسخ ...», «... بموجب القانون») has a subject or cites the law.
        # (Re-publishing needs no such name: only what was published is republished.)
        r"^(?=(?:يمنع|يحظر|ممنوع|محظور|لا يجوز|لا يسمح|غير مسموح|نحذر|يرجى عدم|نرجو عدم|الرجاء عدم|برجاء عدم))"
        r"(?=.{0,240}$)(?=.*(?:هذا|هذه|المحتوى|محتوى|الموقع|موقع|موقعنا|الصحيفه|الجريده|المواد|الماده|حقوق|التحرير"
        r"|الاداره|اداره|الناشر|اعاده (?:ال)?نشر))"
        r"(?!.*(?:القانون|قانون|بموجب|المحكمه|قرار)(?!\w))"
        r"(?:يمنع|يحظر|ممنوع|محظور|لا يجوز|لا يسمح ب|غير مسموح ب|نحذر من|(?:يرجى|نرجو|الرجاء|برجاء) عدم)(?: منعا (?:باتا|بتاتا))? ?"
        r"(?:ال)?(?:نسخ|نقل|اعاده|النشر|نشر|اقتباس|الاقتباس|استخدام|استعمال|طبع|توزيع|تصوير)"
        r"(?: \S+){0,12} (?:دون|بدون|الا ب\S*|من غير|قبل)(?: \S+){0,2} ?(?:ال)?(?:اذن|موافقه|ترخيص|الحصول|الاشاره|اشاره|ذكر)",
        # An absolute prohibition («يمنع منعاً باتاً نسخ ...») needs no «without permission».
        r"^(?=.{0,240}$)(?=.*(?:هذا|هذه|المحتوى|محتوى|الموقع|موقع|موقعنا|الصحيفه|الجريده|المواد|الماده))" + _NOT_LEGAL
        + r"(?:يمنع|يحظر|ممنوع|محظور) منعا (?:باتا|بتاتا) (?:ال)?(?:نسخ|نقل|اعاده|النشر|نشر|اقتباس|الاقتباس|استخدام|طبع|توزيع)",
        # Permission on the condition of naming the source: «يُسمح بالاقتباس مع ذكر المصدر», «النقل
        # مسموح بشرط الإشارة إلى الموقع», «لا مانع من إعادة النشر شريطة ذكر المصدر»: the site's
        # own terms for its copy, in a short line with no subject (a law that allows quoting
        # «لأغراض تعليمية» names neither condition nor source, and cites the law). What is copied
        # is the site's content or nothing named («يسمح بنقل البضائع بشرط ذكر اسم المرسل» is
        # about goods).
        r"^(?=.{0,160}$)" + _NOT_LEGAL + r"(?:(?:ملاحظه|تنويه|تنبيه)\s*[:：-]?\s*)?"
        r"(?:(?:يسمح|يجوز|مسموح|لا مانع من|لا مانع في|نسمح|نرحب ب)\s?(?:ب|ل)?(?:ال)?(?:اقتباس|نقل|اعاده (?:ال)?نشر|نشر|نسخ)"
        r"|(?:ال)?(?:اقتباس|نقل|اعاده (?:ال)?نشر|نسخ)" + _COPIED + r"{0,3} (?:مسموح|مسموحه|متاح|متاحه|مباح|جائز)(?: به| بها)?)"
        + _COPIED + r"{0,5} (?:مع|بشرط|شرط|شريطه|على ان يتم|شرط ان يتم|بعد) (?:ال)?(?:ذكر|الاشاره|اشاره|الاحاله|احاله|نسبه|نسبته)"
        r"(?: \S+){0,2} (?:(?:ال)?مصدر|(?:ال)?موقع|(?:ال)?رابط|اسم|(?:ال)?صحيفه|(?:ال)?جريده)",
        r"^(?=.{0,160}$)(?:(?:any |the )?(?:reproduction|republication|republishing|quotation|quoting)"
        r"(?: \S+){0,3} (?:is |are )?(?:permitted|allowed|authori[sz]ed)|(?:you )?may (?:be )?(?:quote|republish|reproduce)\S*)"
        r"(?: \S+){0,5} (?:with|provided|if|on condition)\b(?: \S+){0,4} (?:source|attribution|credit|link)\b",
        # French: «Reproduction autorisée avec mention de la source», «Toute reproduction (même
        # partielle) est interdite sans autorisation».
        # (a court, a law or a speaker make it a story about rights.)
        r"^(?=.{0,200}$)(?!.*\b(?:loi|lois|tribunal|cour|juge|selon|déclaré|rappelle|estime|affirme|indique|a dit)\b)"
        # What is reproduced is this content or nothing named («La diffusion du match est
        # interdite sans l'accord de la fédération» is sports news).
        r"(?:toute |la )?(?:reproduction|reprise|copie|diffusion)"
        r"(?:,? (?:même|totale|partielle|intégrale|ou|et|de|des|du|cet|ce|cette|ces|nos|notre|article|articles|contenu|contenus"
        r"|texte|textes|photos?|images?|vidéos?|publiée?s?|site|présent|l['’]article|l['’]ensemble|en partie|en totalité)(?!\w))*,?"
        r" (?:est |sont )?"
        r"(?:strictement )?(?:interdite?s?|autoris[ée]e?s?|permise?s?)"
        r"(?:\s*[.!]?$| sans (?:l['’])?(?:autorisation|accord|permission|consentement)\b| avec (?:la )?mention\b"
        r"| sous réserve\b| sauf (?:autorisation|accord|mention)\b| à condition de (?:citer|mentionner)\b)",
        r"^(?=no part of|(?:any )?(?:reproduction|republication|republishing|redistribution|copying|reuse|re-use)\b)"
        r"(?=.{0,240}$)(?=.*\b(?:this|these|our|site|content|material|article|publication|website)\b)"
        r"(?:no part of|(?:any )?(?:reproduction|republication|republishing|redistribution|copying|reuse|re-use)\b)"
        r".{0,150}\bwithout\b.{0,40}\b(?:permission|consent|authori[sz]ation)\b",
    ),
    "opinion-disclaimer": (
        _OPINION_OPENING + r"(?: \S+){0,6} (?:" + _OPINION_VERB + r")(?: عن)? "
        r"(?:راي|اراء|وجهه نظر|وجهات نظر|وجهه|افكار)"
        r"(?: \S+){0,2} " + _OWNER,
        # The content as its writer's responsibility («... مسؤولية كاتبه», «يتحمل كاتبه مسؤوليته»).
        _OPINION_OPENING + r"(?: \S+){0,6} (?:على )?(?:مسووليه|مسووليته|مسووليتها)(?: \S+){0,2} " + _OWNER,
        _OPINION_OPENING + r"(?: \S+){0,6} (?:يتحمل|تتحمل) " + _OWNER + r"(?: وحده| وحدهم)? (?:ال)?مسوولي(?:ه|ته|تها)",
        # In any order, in a short line opening with what it is about: the article or the view,
        # whose it is (belongs to, expresses, is the responsibility of) and its writer
        # («وجهة النظر الواردة في المقال تخص الكاتب», «... تعبر عن آرائهم الشخصية»).
        r"^(?=.{0,200}$)" + _NOT_ONE_ARTICLE
        + r"(?:(?:ملاحظه|تنويه|تنبيه|اخلاء (?:ال)?مسوول?يه)\s*[:：-]?\s*)?(?:\S+ ){0,2}?"
        r"(?:المقال|المقاله|المقالات|مقال|الاراء|اراء|الراي|وجهه النظر|وجهات النظر|المحتوى|المواد|الافكار|" + _OWN_WRITING
        + r"|ما (?:يكتب|ينشر|ورد|يرد|نشر|كتب))(?!\w)"
        r"(?=.*(?:^|\s)(?:تعبر|يعبر|تعكس|يعكس|تمثل|يمثل|تخص|يخص|تلزم|يلزم|مسووليه|تعود|يعود)(?!\w))"
        r"(?=.*(?:" + _OWNER + r"|(?:^|\s)(?:عن )?(?:ارائهم|ارائه|ارائها|رايه|رايها|رايهم)(?!\w)))",
        # «... هي آراء الكاتب الخاصة»: the view is said to be the writer's.
        _OPINION_OPENING + r"(?: \S+){0,6} (?:هي|هو|هم) (?:راي|اراء|وجهه نظر|وجهات نظر) " + _OWNER,
        # A nominal sentence: the article *is* its writer's (personal) view («هذا المقال رأي شخصي
        # للكاتب», «المقال رأي خاص بكاتبه»): the view follows its subject at once («المقال يناقش رأي
        # الكاتب» is about a view).
        _OPINION_OPENING + r"(?: (?:الوارد|الوارده|المنشور|المنشوره|المطروح|المطروحه)(?: \S+){0,3})?"
        r" (?:هو |هي |هم )?(?:راي|اراء|وجهه نظر|وجهات نظر)(?: (?:شخصي|شخصيه|خاص|خاصه))?(?: ب?" + _OWNER
        + r"| (?:شخصي|شخصيه)\s*[.]?$)",
        # The site as the subject, before what it disclaims: «الموقع غير مسؤول عن آراء الكتّاب»,
        # «الصحيفة لا تتبنى بالضرورة الآراء الواردة ...»; the same with the verb first («لا تتحمل
        # الصحيفة أي مسؤولية عن آراء كتابها»). The views must be the writers' or what is published
        # here («موقع فيسبوك غير مسؤول عن آراء المستخدمين» is a story about a platform).
        # (The legal guard scans only what follows the subject and its verb.)
        r"^(?:(?:ملاحظه|تنويه|تنبيه|اخلاء (?:ال)?مسوول?يه)\s*[:：-]?\s*)?(?:" + _SITE_SUBJECT
        + r"(?:غير مسوول\S*|ليس\S* مسوول\S*|لا (?:يتحمل|تتحمل|نتحمل|يتبني|تتبني|نتبني)(?: بالضروره)?(?: اي)?(?: مسووليه)?)"
        r"|لا (?:يتحمل|تتحمل) (?:" + _SITE_SUBJECT + r"|" + _QUOTED_SITE + r")(?:اي )?مسووليه)" + _NOT_LEGAL
        + r" (?:عن |عما |بشان )?(?:(?:هذه |تلك )?(?:ال)?(?:اراء|راي|افكار|مواقف|وجهات نظر|مضمون|محتوى|مضامين)"
        r"(?: \S+){0,3}? (?:ب?" + _OWNER + r"|(?:الوارده|المنشوره|المعبر عنها|المطروحه)(?!\w))"
        r"|(?:ما )?(?:يكتبه|يكتب|ينشره) (?:ال)?(?:كتاب|كاتب|مولف)\S*"
        # ... or the content of the opinion pieces as such («عن محتوى مقالات الرأي»).
        r"|(?:(?:ال)?(?:محتوى|مضمون|مضامين) )?(?:ال)?(?:مقالات|مقال|المقالات) (?:ال)?راي(?:\s*[.]?$| (?:و|او|ولا)(?!\w)))",
        # Only its writers' («... لا تمثل سوى كتابها»).
        _OPINION_OPENING + r"(?: \S+){0,6} لا (?:" + _OPINION_VERB + r")(?: عن)? (?:الا|سوى)"
        r"(?: (?:راي|اراء|وجهه نظر|وجهات نظر))? " + _OWNER,
        # «... تعبر عن أصحابها»: the view is its owners' without the word «view».
        _OPINION_OPENING + r"(?: \S+){0,6} (?:" + _OPINION_VERB + r")(?: عن)? " + _OWNER,
        # Negated, naming the site whose view it is not («... لا يعبر عن رأي الموقع وإنما ...»).
        _OPINION_OPENING + r"(?: \S+){0,6} لا (?:" + _OPINION_VERB + r")(?: بالضروره)?(?: عن)? "
        r"(?:ال)?(?:راي|اراء|موقف|سياسه|وجهه نظر|توجهات|توجه|خط) (?:ال)?(?:موقع|صحيفه|جريده|قناه|شبكه|مجله|تحرير|موسسه|منصه"
        r"|ناشر|اسره|هيئه|اداره)",
        # French (Maghreb sites): «Les opinions exprimées n'engagent que leurs auteurs».
        r"^(?:les |ces |ce |cet |cette |l['’])?(?:opinions?|propos|idees|idées|points? de vue|articles?"
        r"|tribunes?|chroniques?|billets?|contributions?|textes?|analyses?|éditoriaux|éditorial)(?: \S+){0,5} n['’]engagen?t?"
        r" que (?:leurs?|son|sa|ses|l['’])\s?(?:auteurs?|autrices?|signataires?|rédacteurs?|rédactrices?)",
        # ... or do not reflect the editors' («Les opinions exprimées ne reflètent pas
        # nécessairement celles de la rédaction»), or the editors are not answerable for them.
        r"^(?:les |ces |cet |cette )?(?:opinions?|propos|idées|points? de vue|articles?|tribunes?|chroniques?)"
        r"(?: \S+){0,5} ne (?:reflètent|reflète|représentent|représente|traduisent|traduit|engagent|engage) pas"
        r"(?: n[ée]cessairement)? (?:celles?|ceux|la position|l['’]avis|le point de vue|la ligne)(?: \S+){0,2}"
        r" (?:de la |du |de notre )?(?:rédaction|journal|site|magazine|quotidien|hebdomadaire|éditeur)\b",
        r"^(?:la |notre )?(?:rédaction|direction|journal|site)(?: \S+){0,2} (?:n['’]est|ne saurait être) "
        r"(?:pas )?(?:responsable|tenue? (?:pour )?responsable) des (?:opinions|propos|idées|points de vue)\b",
        # English, the site as the subject: "The site is not responsible for the views of its
        # writers", "The newspaper does not necessarily endorse the opinions expressed".
        r"^(?:(?:note|disclaimer)\s*:\s*)?(?:the |this |our )?(?:site|website|newspaper|publication|magazine|editors?"
        r"|editorial (?:board|team)|management|publisher)(?: \S+){0,2} "
        r"(?:(?:is|are) not (?:responsible|liable) for|(?:does|do) not (?:necessarily )?(?:endorse|share|adopt))"
        r" (?:the |any )?(?:views|opinions|ideas|content)\b(?: \S+){0,3}"
        r" (?:(?:its |their |the )?(?:authors?|writers?|contributors?|columnists?)\b|expressed\b|published\b)",
        # The disclaimer's other half on its own: «... لا يعبر بالضرورة عن رأي الموقع».
        _OPINION_OPENING + r"(?: \S+){0,6} لا (?:" + _OPINION_VERB + r") بالضروره(?: عن)? "
        r"(?:راي|اراء|موقف|سياسه|وجهه نظر|توجهات|توجه"
        # With «ال», only the site's own line: «السياسة التحريرية», «الموقف الرسمي للموقع»
        # («... لا تعكس بالضرورة الرأي العام» is about a poll).
        r"|ال(?:سياسه|خط|توجه|توجهات|موقف|راي|اراء)(?: (?:ال)?(?:رسمي|الرسمي))? (?:(?:ال)?تحريري|(?:لل|ل)"
        r"(?:موقع|صحيفه|جريده|قناه|شبكه|مجله|موسسه|ناشر|تحرير|اداره)))",
        # English: views/opinions/article ... are/reflect ... the author's, said to be the
        # author's alone (own, only, solely, necessarily, expressed): "This article is about
        # the author." is not a disclaimer.
        r"^(?=.*(?:\bown\b|\bonly\b|\bsolely\b|\balone\b|necessarily|expressed))"
        r"(?:(?:note|disclaimer)\s*:\s*)?"
        # A label sentence may come first: "This is an opinion piece.", "Opinion:".
        r"(?:(?:this is an? )?(?:opinion|op-ed|commentary|column)(?: piece| article| column)?\s*[.:\-–]\s*)?"
        r"(?:the |this |these |any |all )?(?:(?:authors?|writers?|contributors?|columnists?)['’]s? )?"
        r"(?:views|opinions|article|column|piece|op-ed|commentary)\b(?: \S+){0,6} "
        r"(?:are|is|reflect|reflects|represent|represents|belong to|belongs to)\b(?: \S+){0,4} "
        r"(?:(?:the |its |their )?(?:authors?|writers?|contributors?|columnists?)(?:'s?)?(?: own| alone)?\b"
        r"|(?:their|his|her) own\b)",
        # What is expressed here said to be personal, or not the publication's ("Views expressed
        # are personal and do not reflect those of the publication"); "The views of voters are
        # personal" says nothing of what is expressed on this page.
        r"^(?:(?:note|disclaimer)\s*:\s*)?(?:the |all |any )?(?:views?|opinions?)(?: and (?:views?|opinions?))?"
        r" (?:expressed|stated|published|contained)\b(?: \S+){0,5} "
        r"(?:(?:are|is) (?:(?:strictly|purely|entirely|solely) )?(?:personal|private)(?:\s*[.,;]|\s+and\b|\s+only\b|\s*$)"
        r"|(?:do|does) not (?:necessarily )?(?:reflect|represent)(?: \S+){0,3} (?:the |this |our )?"
        r"(?:publication|site|website|newspaper|network|channel|magazine|editors?|editorial|management|outlet|platform)\b)",
        # The author's views (or those expressed here) said not to reflect those of a
        # publication named at the end ("... do not necessarily reflect those of Gulf News");
        # "the views expressed by voters ..." are not the author's.
        r"^(?:(?:note|disclaimer)\s*:\s*)?(?:the |all |any )?(?:views?|opinions?)(?: and (?:views?|opinions?))?"
        r" (?:expressed|stated|published|contained) (?:by (?:the |this |its )?(?:authors?|writers?|columnists?|contributors?)"
        r"|here(?:in)?|in this (?:article|column|piece|op-ed|commentary))\b(?: \S+){0,3}?"
        r" (?:do|does) not (?:necessarily )?(?:reflect|represent) (?:those|the (?:views|opinions|position|policy)) of"
        r"(?: \S+){1,4}\s*[.]?$",
        # The same in Arabic: «الآراء الواردة في المقال شخصية ولا تعبر عن ...».
        r"^(?:الاراء|الافكار|وجهات النظر|المواقف)(?: (?:الوارده|المنشوره|المطروحه|المعبر عنها))(?: \S+){0,4} (?:هي )?"
        r"(?:اراء )?شخصيه(?:\s*[.،,]|\s*$| و(?:لا|ليست|لا تعبر|لا تمثل)(?!\w))",
    ),
    "verification-disclaimer": (
        # Agency copy may join it with «و» («ولم يتسن لـ...»).
        # The site may come first («الموقع لا يمكنه التحقق من ...»).
        r"^" + _NOT_AUTHORITY + r"(?:(?:ملاحظه|تنويه|تنبيه)\s*[:：-]?\s*)?(?:" + _SITE_SUBJECT + r")?و?" + _NEGATED_ABILITY
        + r"(?: \S+){0,3} (?:التحقق|التاكد)(?: \S+){0,10} " + _CIRCULATING_PLACE,
        # Without a place, "independently" and the media it is about («التحقق من صحة هذه الصور
        # بشكل مستقل»); «التحقق من صحة التقارير بشكل مستقل» is about facts of the story.
        r"^" + _NOT_AUTHORITY + r"(?:(?:ملاحظه|تنويه|تنبيه)\s*[:：-]?\s*)?(?:" + _SITE_SUBJECT + r")?و?" + _NEGATED_ABILITY
        + r"(?: \S+){0,3} (?:التحقق|التاكد)(?:(?: \S+){0,3} " + _MEDIA_AR + r"(?: \S+){0,6} (?:بشكل|بصوره|من مصدر|من مصادر) مستقل"
        r"| (?:بشكل|بصوره) مستقل(?: \S+){0,3} " + _MEDIA_AR + r")",
        # The verb itself («لم نتحقق من صحة ...», «لا يتحقق الموقع من ...», «الموقع لا يتحقق من ...»).
        r"^" + _NOT_AUTHORITY + r"(?:(?:ملاحظه|تنويه|تنبيه)\s*[:：-]?\s*)?(?:" + _SITE_SUBJECT + r")?و?(?:لم|لا) (?:نتحقق|يتحقق|تتحقق|نتاكد|يتاكد|تتاكد)"
        r"(?: \S+){0,2}? من(?: \S+){0,10} " + _CIRCULATING_PLACE,  # verify *that* («من»): «لم يتحقق حلم» came true
        # Passive, in any order: «الصور المتداولة على مواقع التواصل لم يتم التحقق منها ...».
        r"^(?=.{0,200}$)" + _NOT_AUTHORITY + r"(?:(?:ملاحظه|تنويه|تنبيه)\s*[:：-]?\s*)?"
        r"(?=.*" + _MEDIA_AR + r")(?=.*" + _CIRCULATING_PLACE + r")"
        r".*(?:لم يتم|لا يمكن|لم يتسن|لم يتسني|يتعذر|تعذر|لا يتسنى) (?:ال)?(?:التحقق|التاكد|تحقق|تاكد)",
        # The same disclaimer as a refusal of responsibility for what circulates there, by the
        # site or after a note («تنويه: الموقع غير مسؤول عن صحة ...»).
        r"^(?:(?:(?:ملاحظه|تنويه|تنبيه|اخلاء مسووليه)\s*[:：-]?\s*)(?:\S+ ){0,3}"
        r"|(?:اداره |هيئه تحرير |اسره )?(?:الموقع|الشبكه|القناه|الصحيفه|الجريده|المنصه|التحرير|نحن) )"
        r"(?:غير مسوول|غير مسووله|غير مسوولين|لا يتحمل|لا تتحمل|لا نتحمل|يخلي|تخلي|نخلي)(?: \S+){0,4} "
        r"(?:صحه|دقه|مصداقيه)(?: \S+){0,10} " + _CIRCULATING_PLACE,
        # Verb first, the site (by its kind or its quoted name) as the subject: «لا تتحمل «NAME»
        # مسؤولية دقة الصور المنشورة على مواقع التواصل».
        r"^و?لا (?:يتحمل|تتحمل) (?:" + _SITE_SUBJECT + r"|" + _QUOTED_SITE + r")(?:اي )?(?:ال)?مسووليه (?:عن )?"
        r"(?:صحه|دقه|مصداقيه)(?: \S+){0,10} " + _CIRCULATING_PLACE,
        r"^(?:(?:note|disclaimer)\s*:\s*)?(?:\S+ ){0,3}(?:cannot|can not|can't|could not|couldn't"
        r"|(?:is|are|was|were) (?:unable|not able) to|(?:has|have) (?:not been able|been unable) to) "
        r"independently (?:verify|confirm|authenticate)(?: \S+){0,10} " + _CIRCULATING_PLACE,
        r"^(?:(?:note|disclaimer)\s*:\s*)?(?:\S+ ){0,3}(?:has|have|had) not independently "
        r"(?:verified|confirmed|authenticated)(?: \S+){0,10} " + _CIRCULATING_PLACE,
        # Passive: "The authenticity of the footage ... could not be independently verified."
        r"^(?:(?:note|disclaimer)\s*:\s*)?(?:the authenticity of )?(?:the |these |this |those )?"
        r"(?:footage|videos?|images?|photos?|pictures?|clips?|recordings?|posts?|claims?|content)\b\S*(?: \S+){0,10} "
        r"(?:could not|cannot|can not|can't|has not been|have not been|was not|were not)(?: be)? independently "
        r"(?:verified|confirmed|authenticated)",
        # Without a place: the outlet could not independently verify the media themselves ("Al
        # Arabiya could not independently confirm the authenticity of the images"); reports,
        # figures or claims are facts of a story, and the police or a court are its actors.
        r"^" + _NOT_ACTOR_EN + r"(?:(?:note|disclaimer)\s*:\s*)?(?:\S+ ){0,3}(?:cannot|can not|can't|could not|couldn't"
        r"|(?:is|are|was|were) (?:unable|not able) to|(?:has|have) (?:not been able|been unable) to|(?:has|have|had) not)"
        r" independently (?:verify|confirm|authenticate|verified|confirmed|authenticated) "
        r"(?:the (?:(?:authenticity|accuracy|veracity|content) of (?:the |these |this |those )?)?|these |this |that |those )?"
        + _MEDIA_EN + r"(?:$|[.,;]| (?:which|that|shared|posted|published|circulating|showing|purporting|said|reportedly)\b)",
        # Without "independently", what could not be verified must be the media that
        # circulate ("the footage", "these images"), not a fact of the story, and the one who
        # could not is the publisher, not the police or officials of a story.
        r"^" + _NOT_ACTOR_EN + r"(?:(?:note|disclaimer)\s*:\s*)?(?:\S+ ){0,3}(?:cannot|can not|can't|could not|couldn't"
        r"|(?:is|are|was|were) (?:unable|not able) to|(?:has|have) (?:not been able|been unable) to)"
        r" (?:immediately |yet )?(?:verify|confirm|authenticate) "
        r"(?:the (?:(?:authenticity|accuracy|veracity|content) of (?:the |these |this )?)?|these |this |that |those )?"
        r"(?:footage|videos?|images?|photos?|pictures?|clips?|recordings?|posts?|claims?|content|reports?)\b\S*"
        r"(?: \S+){0,10} " + _CIRCULATING_PLACE,
        # French (Maghreb sites): «L'AFP n'a pas pu vérifier de manière indépendante ces images»;
        # what could not be verified is the media, and the one who could not is no actor of a story.
        r"^(?!(?:\S+ ){0,3}(?:police|autorités|ministère|enquêteurs|justice|parquet|tribunal|gendarmerie|armée|témoins"
        r"|journalistes?|experts?|habitants|médecins|avocats)\b)"
        r"(?:(?:note|avertissement)\s*:\s*)?(?:\S+ ){0,3}(?:n['’](?:a|ont|avons) pas (?:pu|été en mesure de)|ne (?:peut|peuvent|pouvons)"
        r" pas|n['’](?:est|sont) pas en mesure de) (?:vérifier|authentifier|confirmer)"
        r"(?: de (?:manière|façon) indépendante)? (?:l['’]authenticité (?:de |des |du )|la véracité (?:de |des |du ))?"
        r"(?:ces |cette |ce |les |la |le |l['’])?(?:images?|vidéos?|photos?|séquences?|enregistrements?|clichés?)\b",
    ),
    "click-promo": (
        # (The words before the imperative hold no quotation mark: «رسائل «اضغط هنا» تنتشر ...»,
        # "Des messages « cliquez ici ... » circulent" quote a formula inside a story.)
        # "Click" and what is clicked: here, or the link, picture, video, button or icon.
        r"^" + _UNQUOTED_WORDS + r"{0,12}(?:اضغط|اضغطوا|انقر|انقروا|اضغطي|انقري) (?:هنا|على (?:ال)?(?:رابط|صوره|فيديو|زر|ايقونه|عنوان))",
        # The verbal noun: «شاهد الفيديو بالضغط هنا»; «here» closes the line or a purpose
        # follows («الضغط هنا وهناك على المسؤولين» is an idiom of news).
        r"^" + _UNQUOTED_WORDS + r"{0,12}(?:بالضغط|بالنقر|عبر الضغط|عبر النقر|من خلال الضغط|من خلال النقر) "
        r"(?:هنا|على (?:ال)?(?:رابط|صوره|فيديو|زر|ايقونه))(?:$| ل\S+)",
        # An imperative and "from here" or "this link" closing the line («شاهد البث المباشر من هنا»).
        # A singular form is also a past tense («شاهد الآلاف ...»): only with what is watched or read.
        r"^" + _UNQUOTED_WORDS + r"{0,6}?(?:(?:شاهدوا|اقراوا|حملوا|نزلوا|سجلوا|استمعوا|تابعوا|اطلعوا)(?!\w)|(?:شاهد|اقرا|حمل|نزل|سجل|استمع|اطلع) "
        r"(?:على )?(?:ال)?(?:بث|فيديو|مباراه|حلقه|تقرير|مقال|ملف|تطبيق|نسخه|عدد|صور|البوم|تفاصيل|نص|مقطع|برنامج))"
        r"(?: \S+){0,5} (?:من هنا|عبر هذا الرابط|من خلال هذا الرابط|على هذا الرابط|(?:من|على|عبر) الرابط (?:التالي|ادناه))$",
        # ("If you click the link, the spyware installs itself": a subject or a conditional
        # before the verb makes it a sentence of a story, not an imperative.)
        r"^" + _UNQUOTED_WORDS + r"{0,12}" + _NOT_AN_IMPERATIVE_EN + r"(?:click|tap) (?:here|the link)",
        r"^(?:click|tap) (?:to|on) \S+",
        r"^" + _UNQUOTED_WORDS + r"{0,12}" + _NOT_AN_IMPERATIVE_EN + r"(?:click|tap)(?: on)? (?:the |this )?(?:image|photo|picture|button|video|icon|banner)\b",
        # French (Maghreb sites): the imperative «cliquez / appuyez» and what is clicked.
        r"^" + _UNQUOTED_WORDS + r"{0,12}(?<!vous )(?:cliquez|appuyez)(?: ici| sur (?:ce |le |l['’]|la |cette )?(?:lien|image|photo|vidéo|bouton|icône|ici))\b",
    ),
    "read-also": (
        r"^(?:اقرا|طالع|شاهد|تابع|اقرئي|اقراوا)(?: ايضا| كذلك| المزيد)\s*(?:[:：\-–—|».…،,<>]|" + _ARROWS + r"|$)",
        # «... أيضا في الخليج:», «... أيضا على موقعنا:»: where to read it, then the link.
        # «... أيضا في الخليج:», «... أيضا على موقعنا:», «شاهد أيضا بالفيديو:»: a short
        # label (where, in what form), then the link.
        r"^(?:اقرا|طالع|شاهد|اقرئي|اقراوا|تابع)(?: ايضا| كذلك| المزيد)(?: \S+){1,3}\s*[:：|»<>]",
        r"^(?:اقرا|اقراوا|طالع|طالعوا|شاهد|شاهدوا|تابع|تابعوا) (?:المزيد|مزيدا) من (?:ال)?(?:اخبار|مقالات|تقارير|مواضيع"
        r"|موضوعات|قصص|فيديوهات)(?: \S+){0,3}$",
        # «اقرأ في «الشرق»:»: where to read it, then the link.
        r"^(?:اقرا|طالع|اقراوا|طالعوا) (?:في|على|عبر) (?:\S+ ){0,2}\S+\s*[:：|]",
        # A «more» label («المزيد:», «للمزيد اقرأ:», «لمزيد من التفاصيل طالع:»).
        r"^(?:المزيد|للمزيد|لمزيد)(?: من (?:الاخبار|التفاصيل|المعلومات))?\s*[:：|»<>]",
        r"^(?:للمزيد|لمزيد|ولمزيد|للاطلاع|لمعرفه المزيد)(?: \S+){0,3}\s*[،,:]?\s*(?:اقرا|طالع|شاهد|اقراوا|تابع)"
        r"(?: ايضا| المزيد| هنا)?\s*(?:[:：|»<>\-–]|$)",
        # French (Maghreb sites): «Lire aussi :», «À lire aussi», «Voir aussi».
        # (A label: punctuation, an arrow or the end follows; «Voir aussi les recommandations
        # ..., conseille le ministère» is a sentence.)
        r"^(?:[aà] )?(?:lire|voir) (?:aussi|[eé]galement)\s*(?:[:：|\-–—»>.…]|" + _ARROWS + r"|$)",
        # The Egyptian sites' form: «قد يهمك (أيضا):», «يهمك أيضا», «اخترنا لك:», «لا تفوت:».
        r"^(?:قد |ربما )?(?:يهمك|تهمك|يعجبك|يهمكم|يعجبكم)(?: ايضا| كذلك)?\s*(?:[:：\-–—|».…،,<>]|$)",
        r"^(?:اخترنا لك|اخترنا لكم|لا تفوت|لا تفوتك|لا يفوتك)\s*(?:[:：\-–—|».…،,<>]|$)",
        r"^(?:اقرا|طالع|شاهد)\s*[:：]",
        r"^(?:مواضيع|اخبار|مقالات|قصص|روابط|موضوعات|مواد|تقارير|فيديوهات|قراءات)? ?ذات صله\s*(?:[:：\-–|]|$)",
        # The same label in other words: suggested, similar, more («موضوعات مقترحة», «أخبار
        # مشابهة», «المزيد من الأخبار»), on a line of its own.
        r"^(?:مواضيع|اخبار|مقالات|قصص|روابط|موضوعات|قراءات|فيديوهات)"
        r" (?:مقترحه|مشابهه|متعلقه|ذات علاقه|اخرى|قد تهمك|قد تعجبك|تهمك|مختاره|متصله)\s*[:：\-–|]?$",
        r"^(?:المزيد|مزيد) من (?:الاخبار|المقالات|المواضيع|الموضوعات)\s*[:：\-–|]?$",
        # A label, then the link: "Read more: ...", "See also | ..."; "Read more than 100 pages
        # ..." is a sentence.
        r"^(?:read|see|watch) (?:also|more)\s*(?:[:：|\-–—»>.…]|" + _ARROWS + r"|$)",
        r"^(?:also read|also see|also watch)\s*[:：\-–—|»>]",
        r"^related(?: (?:articles|stories|news|content|posts|reading))?\s*(?::|$)",
        r"^more (?:from|on|in|at) (?:\S+ ){0,3}\S+\s*[:|]",
    ),
    "follow-us": (
        # An imperative with "us" (follow us, join us): any object, then where.
        r"^(?:" + _FOLLOW_LEAD + r"(?:تابعنا|اتبعنا)\b|" + _FOLLOW_LEAD
        # With «us» (تابعونا، follow us) the verb may also close another imperative clause
        # («حملوا تطبيقنا وتابعونا على ...»): the suffix rules out a past tense of news.
        + r"(?:\S+ ){0,5}?و?(?:تابعونا|تابعينا|اتبعونا)|" + _FOLLOW_LEAD + r"(?:follow us|find us|join us|connect with us)\b"
        # The polite form: «يمكنكم الانضمام إلى قناتنا», «ندعوكم لمتابعتنا».
        r"|" + _FOLLOW_LEAD + r"(?:يمكنكم|يمكنك|بامكانكم|بامكانك|ندعوكم|ندعوك|نرجو|لا تنسوا|لا تنس|لا تنسي|لا تنسى)(?: الى| ل)? ?"
        r"(?:الانضمام|الاشتراك|متابعتنا|لمتابعتنا|متابعه|لمتابعه)(?!\w))"
        r"(?: \S+){0,8} (?:على|عبر|في|من خلال|on|via|at|in)\b(?: \S+){0,6} " + _FOLLOW_TARGET,
        # A plural or feminine imperative (تابعوا, انضموا, follow) with any object, ending on a
        # platform or one of our pages within a few words; no reporting words (a story about
        # people who followed a match on YouTube says who, when, according to whom).
        r"^(?!.*(?:بحسب|حسب|وفق|وفقا|قال|قالت|اعلن|اعلنت|امس|according|said|reported)(?!\w))"
        + _FOLLOW_LEAD + r"(?:تابعوا|تابعي|انضموا|انضمي|اشتركوا|اشتركي|follow|join|subscribe to|like)(?!\w)"
        r"(?: \S+){0,8} (?:عبر|على|في|الى|ب|من خلال|on|via|to|at|in)(?!\w)(?: \S+){0,4} " + _FOLLOW_TARGET
        + r"(?: \S+){0,6}$",
        # English: "Join our Telegram channel", "Like our Facebook page".
        r"^(?!.*(?:according|said|reported)\b)" + _FOLLOW_LEAD
        + r"(?:follow|join|subscribe to|like|visit|check out)\b (?:us|our)\b(?: \S+){0,4}? "
        r"(?:" + _SOCIAL + r"|pages?|channels?|accounts?|profiles?|newsletter)(?: \S+){0,6}$",
        # French (Maghreb sites): «Suivez-nous sur Facebook», «Rejoignez notre chaîne WhatsApp»,
        # «Abonnez-vous à notre page»: the imperative, then where.
        r"^" + _FOLLOW_LEAD + r"(?:suivez|rejoignez|retrouvez|abonnez)(?:-| )?(?:nous|vous)?(?!\w)(?: \S+){0,6}?"
        r" (?:(?:sur|via|à|a|dans) )?(?:\S+ ){0,3}" + _FOLLOW_TARGET + r"(?: \S+){0,6}$",
        # The same with «ب» joined to the target («اشتركوا بقناتنا»).
        r"^" + _FOLLOW_LEAD + r"(?:تابعوا|تابعي|انضموا|انضمي|اشتركوا|اشتركي)(?!\w)(?: \S+){0,8} ب" + _OUR_PAGES,
        # تابع / انضم / اشترك are also past tenses («تابع الوزير ...» = the minister followed
        # up): as a follow line only when what follows is the site's news or a place to follow.
        r"^(?!.*(?:بحسب|حسب|وفق|وفقا|قال|قالت|اعلن|اعلنت|امس)(?!\w))"
        + _FOLLOW_LEAD + r"(?:تابع|انضم|اشترك)(?: الان)? "
        r"(?:\S+نا(?!\w)|اخر|احدث|جديد|كل جديد|المزيد|اخبار|الاخبار|تغطيتنا|(?:ل|ب)?(?:صفحه|حساب|قناه|مجموعه|موقع)"
        r"|«[^»]{1,40}»|على|عبر|في|الى|ب)"
        r"(?: \S+){0,8}? "
        r"(?:(?:على|عبر|في|من خلال|الى) )?(?:\S+ ){0,3}" + _FOLLOW_TARGET + r"(?: \S+){0,6}$",
    ),
    "photo-credit": (
        r"^(?:مصدر الصوره|حقوق الصوره|الصوره|الصور|صوره|صور|تصوير|عدسه|بعدسه|credit)\s*[:：/|]\s*\S(?:.{0,80})$",
        # English labels before a credit ("Photograph: Reuters", "Image credit: AFP", "Pictures:
        # Getty"): any word for a picture, with or without credit / source / courtesy.
        r"^(?:top |main |lead |header |feature(?:d)? |cover )?(?:photo|photograph|photography|picture|image|pic|illustration)s?"
        r"(?: (?:credit|credits|source|courtesy|by))?\s*[:：/|]\s*\S(?:.{0,80})$",
        # The picture on this page named by its role («الصورة المرفقة:», «الصورة الرئيسية:»).
        r"^(?:ال)?(?:صوره|صور) (?:المرفقه|الرئيسيه|المصاحبه|المرافقه|المنشوره|البارزه|اعلاه|اعلى)\s*[:：/|]\s*"
        r"[^\s.!؟?]+(?: [^\s.!؟?]+){0,4}$",  # a name, not a sentence about the picture
        # A picture said to circulate somewhere («صورة متداولة على مواقع التواصل»).
        r"^(?:ال)?(?:صوره|صور) (?:متداوله|منتشره|مسربه|منشوره|متناقله)(?: \S+){0,2}? (?:على|عبر|في) " + _CIRCULATING_PLACE + r"$",
        # «تصوير» (photography by) and «مصدر الصورة» take any separator before the name.
        r"^(?:تصوير|مصدر الصوره|مصدر الصور)\s*[:：/|\-–—،,]\s*\S(?:[^\s.!؟?]*)(?: [^\s.!؟?]+){0,5}$",
        r"^(?:ال)?صوره (?:ارشيفيه|تعبيريه|من الارشيف|توضيحيه)(?:\s*[:：/\-–|]\s*.{0,60}|\s*\([^)]{1,40}\)?"
        r"| ل[^\s.!؟?]+(?: [^\s.!؟?]+){0,4})?$",  # ... or of what («صورة أرشيفية لمقر البرلمان»)  # (unwrapping strips a closing bracket)
        r"^(?:ال)?(?:صوره|صور) (?:ل(?!ل)\s*[«\x22“(]?\w+|من|عن|عبر|بعدسه|courtesy)(?: [^\s.،!؟?]+){0,4}$",
        r"^(?:photo|photos|photograph|image|picture)s? (?:by|courtesy of|via|credit)\b.{0,60}$",
        # French (Maghreb sites): «Crédit photo : AFP», «Crédits photos / DR», «Photo d'archives :».
        r"^(?:cr[ée]dits? (?:photos?|photographiques?|images?|illustrations?)|(?:photos?|illustrations?) "
        r"(?:cr[ée]dits?|d['’]archives?|d['’]illustration|de couverture))\s*[:：/|\-–—]\s*\S(?:.{0,80})$",
        # A photo agency alone (© too: «© AFP» credits a picture; a copyright notice names
        # rights or a year).
        r"^(?:©\s*)?" + _PHOTO_AGENCIES + r"(?:\s*(?:/|via)\s*" + _PHOTO_AGENCIES + r")*$",
        # An agency and its photographer, either way round («EPA/STRINGER», "Ahmed Jadallah/Reuters").
        r"^(?:©\s*)?" + _PHOTO_AGENCIES + r"\s*/\s*[^\s/.،]+(?: [^\s/.،]+){0,3}$",
        r"^[^\s/.،]+(?: [^\s/.،]+){0,3}\s*/\s*(?:getty images|afp|reuters|ap|epa|anadolu)$",
    ),
    "source-credit": (
        # Where it first appeared, after «(و)(قد)» and how («باللغة الإنجليزية»); a sentence
        # that goes on («... قبل أن يحذف») is news about a publication.
        # (The verb is looked at first: the guard scans the whole line.)
        r"^(?=(?:و)?(?:قد |لقد )?(?:تم )?(?:نشر|نشرت|ظهر|ظهرت|صدر|صدرت) )"
        r"(?!.*(?:قبل|بعد|ثم|لكن|حيث|حين|عندما)(?!\w))(?:و)?(?:قد |لقد )?(?:تم )?(?:نشر|نشرت|ظهر|ظهرت|صدر|صدرت)(?: هذا| هذه)?"
        r"(?: " + _PIECE + r")?\s*"
        r"(?:اولا|في الاصل|اصلا|للمره الاولى|لاول مره|بالاصل|اساسا)(?: \S+){0,3} (?:على|في|عبر) (?:موقع|صحيفه|جريده|مجله|الموقع)",
        r"^(?:هذا |هذه )?" + _PIECE + r" (?:منشور|نشر|نشرت|منشوره|ظهر|ظهرت|صدر|صدرت)"
        r"(?: \S+){0,2} (?:في الاصل|اصلا|اولا|بالاصل) (?:على|في) (?:موقع|صحيفه|جريده|مجله)",
        r"^(?:للاطلاع على|لقراءه|يمكنكم قراءه|اقرا) (?:النص|المقال|التقرير|الخبر|الماده|الموضوع|القصه)"
        r"(?: \S+){0,2} (?:الاصلي|الاصليه|كاملا|كامله|بلغته الاصليه)",
        r"^(?:المصدر|المصادر|مصدر الخبر|مصدر الماده|نقلا عن)\s*[:：\-–—|]\s*(?:موقع|صحيفه|جريده|مجله|وكاله)?.{0,80}$",
        # A standalone «نقلا عن (موقع) صحيفة/وكالة/قناة NAME» line; «نقلا عن مصادر ... أن ...»
        # opens a sentence of news (a source that said something).
        r"^(?:(?:نقلا|نقلا بتصرف|بتصرف|(?:مترجم|ترجمه)(?: (?:خاصه|خاص|حصريه|بتصرف))?) )?عن (?:موقع )?(?:صحيفه|جريده|وكاله|وكالات|قناه|مجله|شبكه|موقع|اذاعه|تلفزيون|بوابه"
        r"|محطه|راديو)"
        r"(?! (?:\S+ )*?(?:" + _CLAUSE_AN + r"|انه|انها|قوله|قولها|فان|التي|الذي)(?!\w))(?: [^\s،,:؛]+){0,6}(?:\s*[(]?بتصرف[)]?)?$",
        r"^(?:source|sources|via)\s*:\s*\S.{0,80}$",
        # Published in partnership or by permission («يُنشر هذا المقال بالتعاون مع موقع ...»).
        r"^(?:ينشر|تنشر|نشر|نشرت|يعاد نشر|اعيد نشر|تعاد نشر) (?:هذا|هذه) " + _PIECE + r""
        r" (?:بالتعاون|بالشراكه|ضمن شراكه|باتفاق|بموجب اتفاق|باذن|بترخيص) (?:مع|من)",
        # «وكانت هذه المادة قد نشرت أولا في مجلة ...»: this material, where it first appeared.
        r"^(?!.*(?:قبل|بعد|ثم|لكن|حيث|حين|عندما)(?!\w))و?كان(?:ت)? (?:هذا|هذه) (?:ال)?\S+ قد (?:نشر|نشرت|ظهر|ظهرت|صدر|صدرت)"
        r" (?:اولا|في الاصل|اصلا|لاول مره|للمره الاولى)(?: \S+){0,3} (?:على|في|عبر) (?:موقع|صحيفه|جريده|مجله)",
        # «عن «NAME»»: a quoted publication name after «(نقلا) عن».
        r"^(?:(?:نقلا|نقلا بتصرف|بتصرف) )?عن\s*[«“\x22][^»”\x22]{1,40}[»”\x22]?(?:\s*[(]?بتصرف[)]?)?$",
        # «نقلا عن NAME»: a short publication name; an informant («مصادر», «شهود», «مسؤول»)
        # or a clause («... أن ...», a comma) makes it the opening of a news sentence.
        r"^(?:نقلا|نقلا بتصرف|بتصرف) عن(?!.*(?:[،,؛:]|(?:^|\s)(?:" + _CLAUSE_AN + r"|انه|انها|قوله|قولها|فان|التي|الذي|مصادر|مصدر|شهود|شاهد"
        r"|مسوول|مسوولين|مسوولون|خبراء|خبير|مراسل|مراسلنا|وزير|رئيس|متحدث|الناطق|ناطق|مدير|قائد|سفير|السفير)(?!\w)))(?: [^\s]+){1,4}(?:\s*[(]?بتصرف[)]?)?$",
        # Translated from a publication: «هذا المقال مترجم عن صحيفة ...», "Translated from ...".
        r"^(?:و?هذا |و?هذه |و(?=ال))?" + _PIECE + r" (?:مترجم|مترجمه|ترجم|ترجمت|منقول|منقوله)"
        r"(?: بتصرف)? (?:عن|من) (?:(?:ال)?(?:موقع|صحيفه|جريده|مجله|وكاله|قناه|شبكه|اللغه|الانجليزيه|الفرنسيه)|\S+)"
        r"(?!.*(?:قبل|بعد|ثم|لكن|حيث|حين|عندما)(?!\w))",
        r"^translated from\b",
        r"^(?:this|the) (?:story|article|piece|report) (?:was )?(?:first |originally )(?:published|appeared) "
        r"(?:on|in|at|by)\b",
        r"^(?:originally published|read the original)\b",
    ),
}

# Classes removed wherever they stand as a line or paragraph of their own; the others are
# cut only at the end of the article (where scrapers leave them).
ANYWHERE = frozenset(
    {"copyright", "opinion-disclaimer", "verification-disclaimer", "read-also", "photo-credit", "click-promo", "follow-us"}
)
TRAILING_ONLY = frozenset({"agency-end", "source-credit"})

# Every pattern of a class needs one of these (folded) words or signs: a cheap substring test
# per class spares the regular expressions on the many news lines that the first-word
# pre-check lets through (a line holding «تابع» or «قد» is rarely a follow line).
_CLASS_GATES: dict[str, tuple[str, ...]] = {
    # Rights, the sign, or a prohibition or request not to copy.
    "copyright": ("حقوق", "©", "copyright", "reserv", "réserv", "droits", "(c)", "c)", "يمنع", "يحظر", "ممنوع", "محظور",
                  "يجوز", "يسمح", "مسموح", "نحذر", "يرجى", "نرجو", "الرجاء", "برجاء", "no part", "reproduc", "republi",
                  "redistrib", "copying", "reuse", "re-use", "ملك", "حكر", "property of", "مانع", "نسمح", "نرحب", "متاح",
                  "مباح", "جائز", "permit", "allow", "authori", "may ", "repris", "copie", "diffusion"),
    # Whose view: every opinion pattern names the writer, the site, «بالضرورة» or a view with
    # its owner's pronoun.
    "opinion-disclaimer": ("كاتب", "كتاب", "صاحب", "اصحاب", "مولف", "بالضروره", "ارائ", "رايه", "رايها", "رايهم", "موقع",
                           "صحيفه", "جريده", "قناه", "شبكه", "مجله", "تحرير", "موسسه", "منصه", "ناشر", "اسره", "هيئه",
                           "اداره", "شخصي", "author", "writer", "contributor", "columnist", " own", "engag", "expressed",
                           "stated", "published", "contained", "بوابه", "نحن", "rédaction", "journal", "site", "magazine",
                           "quotidien", "hebdo", "éditeur", "direction"),
    "verification-disclaimer": ("تحقق", "تاكد", "verif", "confirm", "authentic", "صحه", "دقه", "مصداقيه", "vérif", "authentif"),
    "click-promo": ("ضغط", "نقر", "click", "tap", "هنا", "رابط", "cliqu", "appuy"),
    "follow-us": ("تابع", "تبع", "انضم", "اشترك", "متابع", "follow", "join", "subscribe", "like", "visit", "check",
                  "connect", "find us", "suiv", "rejoign", "retrouv", "abonn"),
}
# A follow line also names where to follow: a platform, our page or social media (stems of
# _FOLLOW_TARGET, tested as substrings: far cheaper than searching the alternation).
_FOLLOW_TARGET_STEMS = (
    "فيس", "تويت", "اكس", "انست", "يوتيوب", "يو تيوب", "رام", "تيك", "واتس", "لينكد", "سناب", "ثريدز", "نيوز", "news",
    "face", "twitter", "insta", "youtube", "telegram", "tiktok", "whatsapp", "linkedin", "snap", "threads", "x",
    "حساب", "صفح", "قنا", "منصا", "مجموعت", "موقعنا", "تطبيق", "نشرتنا", "تواصل", "سوشيال", "social", "our", "نبض",
    "page", "channel", "account", "profile", "newsletter", "notre", "nos ", "seaux sociaux",
)
# Each gate as one expression of literal alternatives (searched in C, not word by word).
_GATE_RES: dict[str, re.Pattern[str]] = {
    name: re.compile("|".join(re.escape(word.translate(_PATTERN_FOLD)) for word in words))
    for name, words in _CLASS_GATES.items()
}
_FOLLOW_TARGET_GATE_RE = re.compile("|".join(re.escape(stem.translate(_PATTERN_FOLD)) for stem in _FOLLOW_TARGET_STEMS))
# The classes that speak in the site's own voice: an attributed line is reporting.
_IN_THE_SITES_VOICE = frozenset({"copyright", "opinion-disclaimer", "verification-disclaimer", "follow-us", "click-promo"})
_ATTRIBUTION_RE = re.compile(_ATTRIBUTION.translate(_PATTERN_FOLD))
# Photo credits are tried first: «© AFP» under a picture is a credit, not a notice.
_CLASS_ORDER = ("photo-credit", *(name for name in _CLASS_PATTERNS if name != "photo-credit"))
# One expression per class (its patterns as alternatives): one search per class and line.
_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile("|".join(f"(?:{pattern})" for pattern in _CLASS_PATTERNS[name]).translate(_PATTERN_FOLD)))
    for name in _CLASS_ORDER
)
# Cheap pre-check (every paragraph of every article passes through here): the patterns are
# anchored at the start, so a line can only match if its first word (folded) is one they
# may start with, or, for the few that are not anchored or start with any word, if it holds
# a "click here" verb, "independently", or a copyright sign.
_FIRST_WORDS = frozenset(
    normalize_identity(w)
    for w in """
    جميع كل حقوق الحقوق copyright all ملاحظة تنويه تنبيه إخلاء disclaimer note هذا هذه المقال المقالات المقالة الآراء
    الأفكار المواد مقالات ما المحتوى the views opinions لا يتعذر اقرأ إقرأ طالع شاهد تابع اقرئي اقرأوا مواضيع أخبار قصص
    روابط موضوعات ذات read see watch related لمتابعة تابعونا تابعنا follow تابعوا تابعي انضموا انضم اشتركوا اشترك مصدر
    الصورة الصور صورة صور تصوير photo photos image picture credit getty afp reuters ap epa تم نشر نشرت الخبر المادة
    التقرير القصة الموضوع للاطلاع لقراءة يمكنكم المصدر نقلا this originally لم ليس these any article column piece
    op-ed commentary photograph also المصادر بتصرف source sources via يمنع يحظر ممنوع محظور غير نحذر no reproduction
    republication republishing redistribution copying reuse re-use اتبعونا اتبعنا تابعينا join find connect subscribe
    like for to stay keep visit check ولا ولم عن مترجم ترجمة translated قد يهمك تهمك يعجبك يهمكم يعجبكم ربما اخترنا
    وقد وتابعونا يمكنكم يمكنك بإمكانكم بإمكانك ندعوكم ندعوك نرجو مضمون محتوى الرأي الموقع الشبكة القناة الصحيفة الجريدة
    المنصة إدارة هيئة أسرة نحن getty anadolu أ رويترز غيتي جيتي أسوشيتد الأناضول إيبا د tap click ظهر ظهرت صدر صدرت
    المزيد للمزيد لمزيد ولمزيد لمعرفة les ces cet cette lire voir à a tous opinion opinions op-ed عدسة بعدسة رأي آراء أي
    طالعوا وهذا وهذه وجهة مقال الزاوية العمود يحتفظ تحتفظ نحتفظ site website publisher newspaper network author
    author's authors writer writer's contributor columnist we يرجى نرجو الرجاء برجاء ينشر تنشر يعاد أعيد تعاد كان كانت
    وكان وكانت more لا مواد تقارير
    التدوينة التدوينات تدوينة المدونة المدونات الأخبار النصوص كافة محتويات وجهات المواقف pictures images photography pic
    illustration top main lead header feature featured cover ونشر ونشرت
    موضوعات قراءات فيديوهات مزيد حمل حملوا نزل نزلوا سجل سجلوا استمع استمعوا اطلع اطلعوا شاهدوا material content
    articles
    يسمح مسموح يجوز النقل الاقتباس إعادة نسمح نرحب quotation quoting you toute la reprise copie diffusion publication
    magazine editor editors editorial management our ce المجلة المؤسسة البوابة التحرير cliquez appuyez pour suivez
    rejoignez retrouvez abonnez crédit crédits credits photos illustrations والخبر والمقال والمادة والتقرير والقصة
    والموضوع والمقالة والتحقيق والحوار والمقابلة واللقاء والتحليل والدراسة والتدوينة والعمود والنص والفيديو والملف والبحث
    """.split()
)
_FIRST_TOKEN_RE = re.compile(r"[^\s:：/|\-–—(\[«»\"“”.,،]+")


# Common openers of news sentences start a class only with certain second words («وكانت هذه
# المادة قد نشرت ...», «قد يهمك», «ولا يمكن لـ...»): checking the second word keeps the many
# «وكان ...», «قد ...», «لا ...» sentences away from the class expressions.
_VERIFY_AFTER_NOT = "يمكنه يمكنها يمكن تستطيع يستطيع يتسنى نستطيع يمكننا يتحقق نتحقق تتحقق يتاكد نتاكد تتاكد"
_VERIFY_AFTER_NEVER = "يتسن يتسنى يتسني يتمكن تتمكن نتمكن يتم نتحقق يتحقق تتحقق نتاكد يتاكد تتاكد"
_SECOND_WORDS: dict[str, frozenset[str]] = {
    normalize_identity(first): frozenset(normalize_identity(w) for w in seconds.split())
    for first, seconds in {
        "وكان": "هذا هذه", "وكانت": "هذا هذه", "كان": "هذا هذه", "كانت": "هذا هذه",
        "قد": "يهمك تهمك يعجبك يهمكم يعجبكم نشر نشرت ظهر ظهرت صدر صدرت",
        "ولا": _VERIFY_AFTER_NOT, "ولم": _VERIFY_AFTER_NEVER, "لم": _VERIFY_AFTER_NEVER,
        "لا": _VERIFY_AFTER_NOT + " مانع يجوز يسمح تنسوا تنس تنسي تنسى تفوت تفوتك يفوتك نتحمل يتحمل تتحمل",
        "ما": "ورد يرد ينشر نشر يكتب كتب",
        "ليس": "بإمكان بوسع",
    }.items()
}


def _first_word_start(word: str) -> bool | frozenset[str]:
    """May a class start with this first word: True, False, or the second words it needs."""
    folded = normalize_identity(word)
    return _SECOND_WORDS.get(folded, folded in _FIRST_WORDS)


# Folded once per distinct word.
_may_start_a_class: BoundedMemo[str, bool | frozenset[str]] = BoundedMemo(_first_word_start, 100_000)
_folded_word: BoundedMemo[str, str] = BoundedMemo(normalize_identity, 100_000)


_FOLLOW_VERB_RE = re.compile(
    r"(?<!\w)و?(?:تابع(?:ونا|وا|نا|ينا|ي)?|اتبعونا|اتبعنا|انضم(?:وا|ي)?|اشترك(?:وا|ي)?|متابعتنا|لمتابعتنا|الانضمام|الاشتراك)(?!\w)"
)


def _may_be_a_class(unwrapped: str) -> bool:
    first = _FIRST_TOKEN_RE.match(unwrapped)
    if first is not None:
        starts = _may_start_a_class[first.group()]
        if starts is True:
            return True
        if starts:  # the second words this opener needs
            second = _FIRST_TOKEN_RE.match(unwrapped[first.end() :].lstrip())
            if second is not None and _folded_word[second.group()] in starts:
                return True
    # Plain substring tests run at C speed (a generator or a case-insensitive regex does not).
    if "ضغط" in unwrapped or "نقر" in unwrapped or "©" in unwrapped or unwrapped[:4].isdigit():
        return True
    # Formulas that may follow a name or a purpose phrase: «SITE - جميع الحقوق محفوظة»,
    # «للمزيد من الأخبار تابعونا ...», «لمتابعة آخر الأخبار انضموا إلى قناتنا ...».
    if "محفوظ" in unwrapped:
        return True
    if ("تابع" in unwrapped or "تبعونا" in unwrapped or "انضم" in unwrapped or "اشترك" in unwrapped) and (
        _FOLLOW_VERB_RE.search(unwrapped) is not None  # the verb itself, not «التابعة»
    ):
        return True
    lowered = unwrapped.lower()
    return (
        "click" in lowered or "tap" in lowered or "independently" in lowered or "(c)" in lowered
        or lowered.startswith("c)") or "reserved" in lowered or "copyright" in lowered or "follow" in lowered
        or "verif" in lowered or "vérif" in lowered or "cliqu" in lowered or "authenti" in lowered
    )


# «انتهى» (or «النهاية», as some agencies write it) set off by slashes, dashes or brackets
# of any kind (single or doubled) at the very end of a paragraph, optionally followed by the
# editors' initials («ع.م», «س.ع/م.ح», «ح م», «م ع ع / أ ب ع»: letters, not words, so
# «(انتهى) منذ زمن» is a sentence going on). A dash is any of them: the tatweel that Arabic
# typesetting uses as one («ـ انتهى ـ»), hyphens, figure and minus signs, the horizontal bar.
_DASHES = "\\-–—ـ‐‑‒―−﹘﹣－"
_AGENCY_END = (
    r"[/" + _DASHES + r"(\[{]{1,2}\s*(?:انته[ىي]|النهاي[ةه])\s*[/" + _DASHES + r")\]}]{1,2}"
    r"(?:\s*/?\s*\w{1,2}(?:\.\w{1,2}){0,3}\.?(?!\w)){0,6}"
)
AGENCY_END_TAIL_RE = re.compile(r"\s*" + _AGENCY_END + r"\s*$")
_INITIALS = r"\w{1,2}(?:\.\w{1,2}){0,3}\.?(?!\w)"
# A line of its own may drop the opening mark when the editors' initials follow («انتهى/ م.م»).
_AGENCY_END_LINE_RE = re.compile(
    r"^(?:" + _AGENCY_END + r"|انته[ىي]\s*[/" + _DASHES + r")\]}]{1,2}(?:\s*/?\s*" + _INITIALS + r"){1,6})$"
)
_SENTENCE_ENDS = ".!?؟…"
# The short codes national news agencies sign their copy with (Gulf, Levant, Maghreb, Egypt,
# Iraq, Yemen), in Arabic and Latin letters. Closing an article, the code followed by the
# editors' names (or initials), each after a slash, is the agency's sign-off: «وام/ NAME/ NAME».
_AGENCY_CODES = (
    r"(?:وام|واس|قنا|كونا|بنا|ونا|العمانيه|واع|سبا|بترا|سانا|وفا|ومع|واج|وات|لانا|وال|ا ش ا|ا\.ش\.ا|ش ا"
    r"|wam|spa|qna|kuna|bna|ona|ina|saba|petra|sana|wafa|map|aps|tap|mena)"
)
# Names: one to four words of letters each (no digits, no sentence punctuation), or dotted
# initials («م.ع», "A.B."); up to four of them.
_EDITOR_NAME = r"(?:[^\W\d_]{1,2}(?:\.[^\W\d_]{1,2}){1,3}\.?|[^\W\d_]+(?: [^\W\d_]+){0,3})"
_AGENCY_CODE_LINE_RE = re.compile(
    (r"^" + _AGENCY_CODES + r"\s*/\s*" + _EDITOR_NAME + r"(?:\s*/\s*" + _EDITOR_NAME + r"){0,3}\s*[.]?$").translate(_PATTERN_FOLD)
)


_QUOTED_OPENING_RE = re.compile(r"[«“\x22]([^»”\x22]{3,200})[»”\x22]")


def fold_line(line: str) -> str:
    """The line as the class patterns see it: unwrapped and identity-folded."""
    return normalize_identity(line.replace("**", " ").replace("__", " ").strip(_WRAPPING))


def classify_line(line: str, trailing: bool = False) -> str | None:
    """The boilerplate class of a whole line (or one-line paragraph), or None.

    trailing: the line closes the article, so trailing-only classes count too."""
    if not line or len(line) > MAX_LINE_CHARS or ("\n" in line and "\n" in line.strip()):
        return None
    # The end marker's brackets are its form: matched before unwrapping strips them.
    if trailing and _AGENCY_END_LINE_RE.match(line.replace("**", "").replace("__", "").strip()):
        return "agency-end"
    if trailing and "/" in line and _AGENCY_CODE_LINE_RE.match(fold_line(line)):
        return "agency-end"
    unwrapped = line.replace("**", " ").replace("__", " ").lstrip(_WRAPPING)
    if not _may_be_a_class(unwrapped):
        return None
    folded = fold_line(line)
    if not folded:
        return None
    # «تابعونا على فيسبوك» شعار حملة ...: a formula quoted, then talked about (a separator
    # after the quote, as in «جميع الحقوق محفوظة» - SITE, is the notice's own form).
    quoted = _QUOTED_OPENING_RE.match(line.strip())
    if quoted is not None:
        rest = line.strip()[quoted.end() :].strip()
        if len(rest.split()) >= 2 and rest[0] not in "-–—|·•©/" and classify_line(quoted.group(1), trailing):
            return None
    attributed: bool | None = None
    for name, pattern in _COMPILED:
        if not trailing and name in TRAILING_ONLY:
            continue
        gate = _GATE_RES.get(name)
        if gate is not None and gate.search(folded) is None:
            continue
        if name == "follow-us" and _FOLLOW_TARGET_GATE_RE.search(folded) is None:
            continue
        if name in _IN_THE_SITES_VOICE:
            if attributed is None:
                attributed = _ATTRIBUTION_RE.search(folded) is not None
            if attributed:
                continue
        if pattern.search(folded):
            return name
    return None


def split_trailing_sentence(paragraph: str) -> tuple[str, str, str] | None:
    """(kept text, removed sentence, class) when a paragraph ends in an agency end marker or
    a source-credit sentence after article text; None otherwise."""
    tail = paragraph[-48:]
    marker = AGENCY_END_TAIL_RE.search(paragraph) if "انته" in tail or "النهاي" in tail else None
    if marker is not None and marker.start() > 0 and paragraph[: marker.start()].strip():
        return paragraph[: marker.start()].rstrip(), paragraph[marker.start() :].strip(), "agency-end"
    text = paragraph.rstrip()
    # The last sentence: after the last sentence end (followed by a space) before the final
    # character (rfind runs at C speed; a regex with a look-ahead would rescan the tail).
    start = max(text.rfind(end + gap, 0, len(text) - 1) for end in _SENTENCE_ENDS for gap in " \n")
    if start < 0:
        return None
    last = text[start + 1 :].strip()
    if last and (last_class := classify_line(last, trailing=True)) in TRAILING_ONLY:
        return text[: start + 1].rstrip(), last, last_class
    return None
