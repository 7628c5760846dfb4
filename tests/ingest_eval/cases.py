"""Boilerplate and byline evaluation cases, written for issue 16 (no line is copied from
one site's page). Each case is placed into an article by tests/ingest_eval/evaluate.py:

- ("end", text): a line/paragraph of its own after the article text;
- ("middle", text): a paragraph of its own between two news paragraphs;
- ("tail", text): the closing sentence of the last news paragraph.

A class name means the text must be removed under that class; None means it is news and
must be kept (sentences that look like boilerplate: copyright law, a news agency, «انتهى»
meaning that something ended, an app, a photo, a source)."""
from __future__ import annotations

BoilerplateCase = tuple[str | None, str, str]  # (expected class or None, placement, text)

CASES: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "© 2024 جميع الحقوق محفوظة لصحيفة النهار"),
    ("copyright", "end", "جميع الحقوق محفوظة © شبكة الأخبار العربية 2023"),
    ("copyright", "end", "**جميع الحقوق محفوظة لموقع المدينة الإخباري**"),
    ("copyright", "end", "حقوق النشر © 2022 هيئة الإذاعة"),
    ("copyright", "end", "Copyright © 2024 Gulf Daily. All rights reserved."),
    ("copyright", "end", "كل الحقوق محفوظة لمؤسسة الفجر للصحافة والنشر"),
    ("copyright", "end", "الحقوق محفوظة - موقع الساحل 2021"),
    ("copyright", "end", "2023 © جميع الحقوق محفوظة"),
    ("copyright", "middle", "جميع حقوق النشر محفوظة للجريدة"),
    ("copyright", "end", "(c) 2020 Al Waha News, all rights reserved"),
    ("copyright", "end", "حقوق الطبع والنشر محفوظة © 2019"),
    (None, "end", "وقال المحامي إن قانون حقوق النشر الجديد يحمي المؤلفين من نسخ أعمالهم دون إذن."),
    (None, "end", "وأكدت المحكمة أن جميع الحقوق محفوظة للورثة بموجب الوصية التي تركها الفنان الراحل قبل وفاته."),
    (None, "tail", "وتعد حقوق الملكية الفكرية من أبرز ملفات المفاوضات التجارية بين البلدين."),
    (None, "end", "The court ruled that copyright in the photographs belongs to the agency that commissioned them."),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي الموقع"),
    ("opinion-disclaimer", "end", "الآراء الواردة في هذا المقال تعبر عن رأي كاتبها فقط ولا تعكس بالضرورة موقف الصحيفة."),
    ("opinion-disclaimer", "end", "*المقالات المنشورة تعبر عن آراء كتابها*"),
    ("opinion-disclaimer", "middle", "تنويه: هذا المقال يمثل وجهة نظر الكاتب ولا يمثل بالضرورة سياسة التحرير."),
    ("opinion-disclaimer", "end", "**ما ورد في المقال يعبر عن رأي صاحبه**"),
    ("opinion-disclaimer", "end", "The views expressed in this article are those of the author and do not necessarily reflect the position of this site."),
    ("opinion-disclaimer", "end", "(المقال يعكس رأي الكاتب وحده، ولا يعكس رأي الجريدة)"),
    ("opinion-disclaimer", "end", "جميع المقالات تعبر عن وجهة نظر كتابها ولا تتحمل الشبكة أي مسؤولية عنها"),
    ("opinion-disclaimer", "end", "ملاحظة: الأفكار الواردة تعبر عن رأي المؤلف"),
    ("opinion-disclaimer", "end", "Disclaimer: The opinions expressed are solely those of the writer."),
    (None, "end", "وقال رئيس التحرير إن الصحيفة تنشر مقالات تعبر عن آراء مختلفة، وإن ذلك جزء من رسالتها."),
    (None, "end", "وأضاف الكاتب في مقاله أن الحكومة تعبر عن رأي الأغلبية في البرلمان."),
    (None, "tail", "ويرى محللون أن المقال يعكس وجهة نظر متنامية داخل الحزب الحاكم."),
    (None, "end", "This column is by the author of three novels about the war."),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لا يمكن للموقع التحقق بشكل مستقل من صحة الصور المتداولة على مواقع التواصل الاجتماعي."),
    ("verification-disclaimer", "end", "تنويه: لا يمكن لنا التأكد من صحة المقاطع المنشورة على مواقع التواصل الاجتماعي بشكل مستقل"),
    ("verification-disclaimer", "end", "**لا تستطيع الشبكة التحقق من صحة ما يتداول عبر وسائل التواصل**"),
    ("verification-disclaimer", "middle", "لا يمكن لـ«الوطن» التحقق من دقة الفيديوهات المتداولة على منصات التواصل الاجتماعي"),
    ("verification-disclaimer", "end", "يتعذر على الموقع التأكد من صحة هذه المشاهد المنشورة في شبكات التواصل الاجتماعي."),
    ("verification-disclaimer", "end", "Note: This site cannot independently verify videos and images circulating on social media."),
    ("verification-disclaimer", "end", "We are unable to independently verify the footage shared on social media."),
    ("verification-disclaimer", "end", "ملاحظة: لا يتسنى لنا التحقق بشكل مستقل من المحتوى المنشور على وسائل التواصل الاجتماعي"),
    ("verification-disclaimer", "end", "لا يمكننا التحقق من صحة الأرقام المتداولة على مواقع التواصل"),
    (None, "end", "ولم يتسن لرويترز التحقق من صحة التقارير بشكل مستقل."),
    (None, "end", "وقالت الشرطة إنها تعمل على التحقق من صحة مقطع متداول على مواقع التواصل الاجتماعي يظهر الحادث."),
    (None, "tail", "وأطلقت الوزارة منصة جديدة تتيح للمواطنين التحقق من الأخبار المتداولة على مواقع التواصل."),
    # --- agency end markers
    ("agency-end", "end", "/انتهى/"),
    ("agency-end", "end", "-انتهى-"),
    ("agency-end", "end", "(انتهى)"),
    ("agency-end", "end", "/ انتهى /"),
    ("agency-end", "end", "[انتهى]"),
    ("agency-end", "end", "–انتهى– ع.م"),
    ("agency-end", "tail", "/انتهى/"),
    ("agency-end", "tail", "-انتهى-"),
    ("agency-end", "tail", "(انتهى)"),
    ("agency-end", "end", "**/انتهى/**"),
    (None, "end", "وانتهى الاجتماع دون التوصل إلى اتفاق بشأن الموازنة."),
    (None, "tail", "وقال المدرب إن الموسم انتهى بالنسبة للاعب بعد إصابته."),
    (None, "end", "انتهى عهد الحزب الواحد في البلاد بعد ثلاثين عاما، بحسب المراقبين."),
    (None, "tail", "وأعلنت الوكالة الرسمية أن التحقيق (الذي انتهى أمس) لم يكشف عن مخالفات."),
    (None, "end", "وقالت وكالة الأنباء الرسمية إن الزيارة انتهت ببيان مشترك."),
    # --- click-here promos
    ("click-promo", "end", "لمتابعة المباراة على الأجهزة اللوحية والهواتف الذكية اضغط هنا"),
    ("click-promo", "end", "لمشاهدة الفيديو عبر التطبيق اضغط هنا"),
    ("click-promo", "middle", "اضغط هنا لمتابعة البث المباشر"),
    ("click-promo", "end", "للمزيد من الأخبار انقر هنا"),
    ("click-promo", "end", "**لمتابعة آخر المستجدات على تطبيقنا اضغطوا هنا**"),
    ("click-promo", "end", "Click here to watch the match on your tablet"),
    ("click-promo", "end", "انقروا على الرابط لتحميل التطبيق"),
    ("click-promo", "end", "لقراءة التقرير كاملا اضغط على الرابط"),
    ("click-promo", "end", "Tap here to follow the live coverage in the app"),
    ("click-promo", "middle", "لمشاهدة الأهداف اضغط هنا"),
    (None, "end", "وأطلقت الوزارة تطبيقا للهواتف الذكية يتيح للمواطنين متابعة طلباتهم إلكترونيا."),
    (None, "end", "وقال المدرب إن فريقه سيضغط هنا على الخصم منذ الدقيقة الأولى."),
    (None, "tail", "ويتيح التطبيق الجديد للمشتركين متابعة المباريات على الأجهزة اللوحية."),
    # --- read also
    ("read-also", "middle", "اقرأ أيضا: الحكومة تقر موازنة العام المقبل"),
    ("read-also", "end", "إقرأ أيضاً - ارتفاع أسعار النفط في الأسواق العالمية"),
    ("read-also", "middle", "**اقرأ أيضا: وزير الخارجية يصل إلى القاهرة**"),
    ("read-also", "end", "طالع أيضا: تفاصيل الاتفاق الجديد"),
    ("read-also", "middle", "شاهد أيضا | لحظة انهيار المبنى"),
    ("read-also", "end", "اقرأ المزيد: ما الذي تعنيه العقوبات للاقتصاد؟"),
    ("read-also", "middle", "مواضيع ذات صلة: الانتخابات البلدية"),
    ("read-also", "end", "Read more: Oil prices climb after the talks"),
    ("read-also", "middle", "اقرأ كذلك: الأمطار تغرق شوارع المدينة"),
    ("read-also", "end", "Related: The fight over water in the Nile basin"),
    ("read-also", "middle", "اقرأ أيضاً"),
    (None, "middle", "وقال الروائي إنه يقرأ أيضا كتب التاريخ قبل أن يبدأ أي رواية جديدة."),
    (None, "end", "وطالع الوزير تقارير اللجنة قبل أن يعلن قراره."),
    # --- follow us
    ("follow-us", "end", "تابعونا على تويتر وفيسبوك"),
    ("follow-us", "end", "تابعوا آخر الأخبار عبر قناتنا على تلغرام"),
    ("follow-us", "middle", "**تابعونا على إنستغرام**"),
    ("follow-us", "end", "لمتابعة آخر الأخبار تابعونا على حساباتنا في مواقع التواصل"),
    ("follow-us", "end", "Follow us on Twitter and Instagram"),
    ("follow-us", "end", "تابعنا على يوتيوب"),
    ("follow-us", "end", "انضموا إلى قناتنا على واتساب"),
    ("follow-us", "end", "تابعونا عبر تطبيق تيك توك"),
    ("follow-us", "end", "اشتركوا في صفحتنا على فيسبوك"),
    ("follow-us", "middle", "تابعوا تغطيتنا المباشرة على صفحتنا"),
    (None, "end", "وتابع المراقبون عبر تويتر ردود الفعل على خطاب الرئيس."),
    (None, "end", "تابعوا المباراة في المقاهي حتى ساعة متأخرة، بحسب شهود عيان قالوا إن الشوارع خلت من المارة."),
    (None, "tail", "وقال المتحدث إن الوزارة ستتابع على فيسبوك شكاوى المواطنين."),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: رويترز"),
    ("photo-credit", "middle", "(تصوير: محمد حسن)"),
    ("photo-credit", "end", "صورة أرشيفية"),
    ("photo-credit", "middle", "Photo: AFP"),
    ("photo-credit", "end", "مصدر الصورة: غيتي"),
    ("photo-credit", "middle", "**الصورة من الأرشيف / أ ف ب**"),
    ("photo-credit", "middle", "صورة تعبيرية"),
    ("photo-credit", "end", "Getty Images"),
    ("photo-credit", "middle", "تصوير | سامي علي"),
    ("photo-credit", "end", "صور: وكالة الأنباء الرسمية"),
    (None, "middle", "وتظهر الصورة التي التقطها مصور الوكالة الرئيس وهو يصافح الزوار."),
    (None, "end", "صورة الرئيس تتصدر الصفحات الأولى لكل الصحف الصادرة صباح اليوم."),
    # --- source credits (trailing)
    ("source-credit", "end", "نشر هذا الخبر أولاً على موقع صحيفة الرياض"),
    ("source-credit", "tail", "نُشر هذا المقال في الأصل على موقع صحيفة واشنطن بوست."),
    ("source-credit", "tail", "نشرت هذه المادة للمرة الأولى في مجلة المجلة."),
    ("source-credit", "end", "المصدر: صحيفة الشرق"),
    ("source-credit", "end", "**للاطلاع على النص الأصلي على موقع صحيفة الغارديان**"),
    ("source-credit", "tail", "المقال منشور في الأصل على موقع مجلة فورين بوليسي."),
    ("source-credit", "end", "This story originally appeared on the Daily Star website."),
    ("source-credit", "tail", "This article was first published in The Guardian."),
    ("source-credit", "end", "نقلا عن: صحيفة الوطن"),
    ("source-credit", "tail", "لقراءة المقال الأصلي على موقع نيويورك تايمز."),
    ("source-credit", "tail", "التقرير نشر أولا على موقع جريدة الصباح."),
    (None, "end", "وكان الخبر قد نشر أولاً على موقع الوزارة قبل أن يُحذف بعد ساعات."),
    (None, "tail", "وقالت الصحيفة إن التقرير نشر للمرة الأولى عام 1998 على موقعها."),
    (None, "end", "وقالت وكالة الأنباء الرسمية إن المصدر الذي سرب الوثائق ما زال مجهولاً."),
    (None, "tail", "ونقلت الصحيفة عن مصدر حكومي قوله إن المفاوضات ستستأنف الأسبوع المقبل."),
]

BylineCase = tuple[str, str | None]  # (article text after the headline, expected source)

BYLINE_CASES: list[BylineCase] = [
    ("القاهرة - وكالة أنباء الشرق الأوسط:\n\nأعلنت الحكومة خطة جديدة للنقل العام في المدن الكبرى.", "القاهرة - وكالة أنباء الشرق الأوسط"),
    ("الرياض-العربية.نت:\n\nأعلنت الهيئة العامة للإحصاء ارتفاع معدل التوظيف خلال الربع الأول.", "الرياض-العربية.نت"),
    ("سامي الخطيب - الحياة - بيروت:\n\nشهدت العاصمة اللبنانية احتجاجات واسعة على غلاء المعيشة.", "سامي الخطيب - الحياة - بيروت"),
    ("الوطن - نادية سالم:\nقالت وزارة الصحة إن عدد الإصابات تراجع للأسبوع الثالث.", "الوطن - نادية سالم"),
    ("بغداد - رويترز: قال مسؤولون عراقيون إن البرلمان سيصوت على الموازنة الأسبوع المقبل.\n\nوأضافوا أن الخلافات تراجعت.", "بغداد - رويترز"),
    ("عمّان – بترا:\n\nافتتح وزير الزراعة مشروعا لحصاد المياه في جنوب المملكة.", "عمّان – بترا"),
    ("القاهرة - أحمد علي | 12 مارس 2024 10:30 ص\n\nقررت الحكومة رفع أسعار الوقود بنسبة عشرة في المئة.", "القاهرة - أحمد علي"),
    ("By Jane Doe | March 3, 2024 10:30 AM\n\nأعلنت الشركة نتائج الربع الأول من العام.", "By Jane Doe"),
    ("دبي – سكاي نيوز | الأحد ١٢/٠٣/٢٠٢٣ الساعة ٠٩:١٥\n\nأعلنت الإمارات عن مبادرة جديدة للطاقة النظيفة.", "دبي – سكاي نيوز"),
    ("تونس - وكالات\n\nنُشر في: 2023/05/01 | 14:20\n\nأعلنت الحكومة التونسية عن إجراءات اقتصادية جديدة.", "تونس - وكالات"),
    ("**الدوحة - قنا:**\n\nوقعت قطر اتفاقية تعاون جديدة مع الاتحاد الأوروبي.", "الدوحة - قنا"),
    ("وقال الوزير - في كلمته أمام البرلمان - إن:\n\n«الحكومة ماضية في الإصلاحات».", None),
    ("الأمم المتحدة تحذر من المجاعة: ملايين مهددون في القرن الأفريقي بحسب تقرير جديد.\n\nوقال التقرير إن الجفاف مستمر.", None),
    ("النتائج | الفريق الأول 3 | الفريق الثاني 1 في مباراة مثيرة انتهت مساء أمس.\n\nوسجل المهاجم هدفين.", None),
    ("واشنطن - موسكو: توتر متصاعد بعد طرد دبلوماسيين من البلدين، في أحدث فصول الأزمة.\n\nوقال مسؤولون إن الرد قادم.", None),
]

# First held-out set: written after the first patterns were final; it found 20 of 27, and
# its misses guided a generalisation of their classes, so it is development data now.
HELD_OUT: list[BoilerplateCase] = [
    ("copyright", "end", "© حقوق النشر محفوظة لدار الصباح 2025"),
    ("copyright", "end", "جميع الحقوق محفوظة."),
    ("copyright", "end", "All rights reserved © 2021 Levant Post"),
    ("opinion-disclaimer", "end", "الآراء المنشورة في هذه الزاوية تعبر عن وجهة نظر أصحابها"),
    ("opinion-disclaimer", "end", "المقالات المنشورة في قسم الرأي لا تعبر بالضرورة عن رأي الموقع"),
    ("opinion-disclaimer", "end", "The views in this column are the author's own."),
    ("verification-disclaimer", "end", "لا يمكن للجزيرة نت التأكد بشكل مستقل من صحة التسجيلات التي تنشر على مواقع التواصل."),
    ("verification-disclaimer", "end", "تنبيه: لا نستطيع التحقق من صحة هذا الفيديو المتداول عبر وسائل التواصل الاجتماعي"),
    ("verification-disclaimer", "end", "The network could not independently verify the images posted on social media."),
    ("agency-end", "end", "(انتهى) س.ع/م.ح"),
    ("agency-end", "tail", "/ انتهى / ح م"),
    ("agency-end", "end", "—انتهى—"),
    ("click-promo", "end", "لمتابعة النتائج لحظة بلحظة على هاتفك، اضغط هنا"),
    ("click-promo", "end", "اضغطي هنا لتحميل العدد كاملا"),
    ("click-promo", "middle", "للتصويت في الاستطلاع انقر هنا"),
    ("read-also", "middle", "اقرأ أيضًا.. كيف تغيرت خريطة التحالفات؟"),
    ("read-also", "end", "شاهد: لحظة وصول الرئيس"),
    ("read-also", "middle", "See also: The full list of winners"),
    ("follow-us", "end", "تابعونا على منصة إكس"),
    ("follow-us", "end", "تابعوا آخر المستجدات عبر حسابنا على إنستغرام"),
    ("follow-us", "end", "Follow us on Facebook"),
    ("photo-credit", "middle", "الصورة لوكالة الأنباء الفرنسية"),
    ("photo-credit", "middle", "(صورة: أرشيف)"),
    ("photo-credit", "end", "Image: Reuters/Ahmed Jadallah"),
    ("source-credit", "tail", "هذه المادة نشرت أولاً في صحيفة لوموند الفرنسية."),
    ("source-credit", "end", "المصدر: موقع ميدل إيست آي"),
    ("source-credit", "tail", "This report was originally published by Al-Monitor."),
    (None, "end", "وأعلنت وكالة الأنباء الرسمية انتهاء التحقيق في الحادث بعد أسبوعين من التحقيقات."),
    (None, "end", "وقال الناشر إن حقوق الطبع والنشر للرواية بيعت لدار أجنبية."),
    (None, "tail", "وقال المتحدث: «لا يمكننا التحقق من كل ما ينشر على مواقع التواصل، لكننا نتابع الشكاوى»."),
    (None, "end", "وأظهرت صورة نشرتها الوكالة الرئيسين خلال المؤتمر الصحفي."),
    (None, "end", "تابع الرئيس من غرفة العمليات سير عمليات الإنقاذ على مدار الساعة."),
    (None, "tail", "ويمكن للمستخدمين تحميل التطبيق مجانا من متجري أبل وغوغل."),
]

# Second held-out set (issue 16 follow-up): written before the class rules were generalised
# for the first held-out set's misses, and not run until those rules were final; it found
# 43 of 47. Its 4 misses (a prohibition of copying, «تابعوا أخبارنا على تليغرام», a follow
# line after «للمزيد من الأخبار», «نقلاً عن موقع صحيفة ...») then guided the next
# generalisation of their classes, so it is development data now, like the first.
HELD_OUT_2: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة لشبكة الرافدين الإعلامية ©"),
    ("copyright", "end", "© 2026 - كافة الحقوق محفوظة"),
    ("copyright", "end", "حقوق النشر محفوظة لمجموعة الأفق للإعلام 2024"),
    ("copyright", "end", "Copyright 2025 Nile Media Group"),
    ("copyright", "end", "**© جميع الحقوق محفوظة لجريدة البيان**"),
    ("copyright", "end", "يمنع نسخ أو إعادة نشر هذا المحتوى دون إذن مسبق - جميع الحقوق محفوظة"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقال لا يعبر بالضرورة عن رأي الجريدة"),
    ("opinion-disclaimer", "end", "الآراء الواردة في المقال لا تعكس بالضرورة موقف الموقع"),
    ("opinion-disclaimer", "end", "ما يُنشر في هذه الزاوية يعبر عن آراء كتّابه"),
    ("opinion-disclaimer", "end", "This article reflects the opinions of the author only."),
    ("opinion-disclaimer", "end", "*المقال يمثل رأي كاتبه*"),
    ("opinion-disclaimer", "end", "Opinions expressed by contributors are their own."),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم يتسن للموقع التحقق من صحة هذه الصور المتداولة على مواقع التواصل الاجتماعي من مصدر مستقل."),
    ("verification-disclaimer", "end", "ملاحظة: لا يمكن للقناة التأكد من صحة المقطع المنشور على منصات التواصل"),
    ("verification-disclaimer", "end", "لا يمكن لنا التحقق بشكل مستقل من الصور التي تنشر على وسائل التواصل الاجتماعي"),
    ("verification-disclaimer", "end", "The BBC has not been able to independently verify the videos shared on social media."),
    ("verification-disclaimer", "end", "Reuters could not independently verify the footage posted on social media."),
    # --- agency end markers
    ("agency-end", "end", "/انتهى/ م.ع"),
    ("agency-end", "tail", "-انتهى- أ.ح/س.م"),
    ("agency-end", "end", "(انتهى) ع ر"),
    ("agency-end", "end", "[ انتهى ]"),
    ("agency-end", "tail", "//انتهى//"),
    # --- click-here promos
    ("click-promo", "end", "لمشاهدة ملخص المباراة اضغط هنا"),
    ("click-promo", "end", "للاشتراك في النشرة البريدية انقر هنا"),
    ("click-promo", "end", "Click here to download the app"),
    ("click-promo", "middle", "**للمشاهدة على الهواتف المحمولة اضغط هنا**"),
    ("click-promo", "end", "لتحميل تطبيق الموقع على أجهزة أندرويد اضغط على الرابط التالي"),
    # --- read also
    ("read-also", "middle", "اقرأ ايضا| الحكومة ترفع أسعار الكهرباء"),
    ("read-also", "middle", "طالع أيضاً.. ماذا يعني القرار للمستأجرين؟"),
    ("read-also", "end", "شاهد أيضاً: فيديو لحظة الانفجار"),
    ("read-also", "middle", "Read also: Drought threatens wheat harvest"),
    ("read-also", "middle", "**إقرأ المزيد:** أزمة الوقود تتفاقم"),
    # --- follow us
    ("follow-us", "end", "تابعوا أخبارنا على تليغرام"),
    ("follow-us", "end", "تابعونا على فيسبوك وتويتر وإنستغرام"),
    ("follow-us", "end", "اشترك في قناتنا على يوتيوب"),
    ("follow-us", "end", "Follow us on X and Telegram for the latest updates"),
    ("follow-us", "end", "للمزيد من الأخبار تابعونا عبر صفحتنا على فيسبوك"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: أ ف ب"),
    ("photo-credit", "middle", "(الصورة من رويترز)"),
    ("photo-credit", "middle", "صورة أرشيفية - رويترز"),
    ("photo-credit", "middle", "تصوير: أحمد محمود"),
    ("photo-credit", "middle", "Photo by Mahmoud Hams/AFP"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نُشر هذا التقرير أصلاً في صحيفة فايننشال تايمز."),
    ("source-credit", "end", "المصدر: وكالة الأناضول"),
    ("source-credit", "tail", "This article first appeared in Foreign Affairs."),
    ("source-credit", "end", "نقلاً عن موقع صحيفة الشرق الأوسط"),
    ("source-credit", "tail", "المادة منشورة أصلا على موقع مجلة الإيكونوميست."),
    # --- news that looks like the classes (must be kept)
    (None, "end", "وقال المحامي إن جميع الحقوق التي نص عليها العقد محفوظة للطرفين حتى صدور الحكم النهائي."),
    (None, "tail", "وأكد الكاتب في مقاله أن الحكومة لا تعبر عن رأي الشارع."),
    (None, "end", "ولم يتسن التحقق من صحة الرواية من مصادر مستقلة، بحسب ما قالت الشرطة."),
    (None, "end", "انتهى الاجتماع بعد منتصف الليل دون اتفاق على موعد الانتخابات."),
    (None, "tail", "وقالت الوكالة إن المهلة انتهت أمس."),
    (None, "end", "وطالب النائب المواطنين بالضغط هنا وهناك على المسؤولين لتحسين الخدمات."),
    (None, "middle", "وقرأ الوزير أيضا رسالة من الرئيس أمام المشاركين في المؤتمر."),
    (None, "end", "وتابع الملايين المباراة على يوتيوب، بحسب أرقام نشرتها المنصة."),
    (None, "middle", "صورة الطفل الغريق أثارت موجة غضب واسعة على مواقع التواصل."),
    (None, "tail", "ونقلت الصحيفة عن مصدر في الوزارة أن القرار سيصدر قريبا."),
    (None, "end", "المصدر الأمني قال إن التحقيقات ما زالت جارية في الحادث."),
    (None, "end", "Reuters reported that the talks ended without an agreement."),
]

# Third held-out set (issue 16, second follow-up): written after the rules were generalised
# for the second held-out set's misses, committed on its own before it was ever run, and
# run once; docs/boilerplate-eval.md reports that run. Lines in the phrasing of Gulf,
# Levant, Maghreb and Egyptian sites (English and French where such sites use them), with
# emphasis, and source credits closing the last paragraph; news sentences that look like
# the classes (a court ruling on copying, a minister who «تابع» a rescue, Telegram banned,
# «نقلا عن مصادر» inside a sentence, an agency's statement, human rights).
HELD_OUT_3: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة لـ هسبريس © 2025"),
    ("copyright", "end", "© حقوق النشر محفوظة لصحيفة سبق الإلكترونية 2025"),
    ("copyright", "end", "© Copyright 2025, Roya News. All Rights Reserved."),
    ("copyright", "end", "جميع الحقوق محفوظة لمؤسسة اليوم السابع 2008 - 2025"),
    ("copyright", "end", "لا يجوز نسخ أو نقل أي جزء من محتوى الموقع دون الإشارة إلى المصدر"),
    ("copyright", "end", "**الحقوق محفوظة للشروق أونلاين © 2025**"),
    ("copyright", "end", "Tous droits réservés © El Watan 2025"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقالات المنشورة تعبر عن رأي أصحابها ولا تعبر بالضرورة عن رأي هسبريس"),
    ("opinion-disclaimer", "end", "ملاحظة: المقالات المنشورة في هذا القسم تعبر عن آراء كتابها ولا تعكس بالضرورة وجهة نظر الموقع."),
    ("opinion-disclaimer", "end", "*الآراء الواردة في المقال لا تمثل بالضرورة رأي «سبق»*"),
    ("opinion-disclaimer", "end", "الرأي الوارد في هذا المقال يعبر عن رأي كاتبه فقط"),
    ("opinion-disclaimer", "end", "The opinions expressed in this article are the author's own and do not reflect the editorial policy of Al Jazeera."),
    ("opinion-disclaimer", "end", "محتوى المقال يعبر عن رأي الكاتب ولا يلزم الموقع"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم يتسن لـ«الشرق الأوسط» التحقق من صحة المقطع المتداول على مواقع التواصل بشكل مستقل."),
    ("verification-disclaimer", "end", "(لا يمكن لموقع الحرة التأكد من صحة هذه الصور المنشورة على وسائل التواصل الاجتماعي)"),
    ("verification-disclaimer", "end", "ولا يمكن لسكاي نيوز عربية التحقق بشكل مستقل من صحة الفيديو المنتشر على مواقع التواصل."),
    ("verification-disclaimer", "end", "CNN could not independently verify the authenticity of the videos circulating on social media."),
    ("verification-disclaimer", "end", "تنويه: الموقع غير مسؤول عن صحة الفيديوهات المتداولة على مواقع التواصل الاجتماعي"),
    ("verification-disclaimer", "end", "We have not been able to independently verify the claims made on social media."),
    # --- agency end markers
    ("agency-end", "end", "(النهاية) م ع ع / أ ب ع"),
    ("agency-end", "tail", "/ انتهى/ ع.م.ح"),
    ("agency-end", "end", "- انتهى -"),
    ("agency-end", "end", "**-انتهى-**"),
    ("agency-end", "tail", "(انتهى)م.ح"),
    ("agency-end", "end", "{انتهى}"),
    # --- click-here promos
    ("click-promo", "end", "لمشاهدة الفيديو اضغط على الصورة"),
    ("click-promo", "end", "للاستماع إلى الحلقة كاملة اضغط هنا"),
    ("click-promo", "end", "اضغط على الرابط التالي لمشاهدة ملخص المباراة"),
    ("click-promo", "end", "Click to read the full report"),
    ("click-promo", "end", "للتسجيل في الخدمة، انقر على الرابط أدناه"),
    ("click-promo", "middle", "**شاهد الفيديو بالضغط هنا**"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضا في الخليج: الإمارات تطلق مبادرة جديدة للطاقة"),
    ("read-also", "middle", "ذات صلة: ارتفاع أسعار الذهب في السوق المحلية"),
    ("read-also", "middle", "إقرأ أيضاً : وزير الصحة يكشف تفاصيل الخطة"),
    ("read-also", "middle", "قد يهمك أيضاً: أسعار الحديد اليوم"),
    ("read-also", "end", "Also read: Kuwait cabinet approves the budget"),
    ("read-also", "middle", "اقرأ أيضاً>> انخفاض أسعار الذهب"),
    ("read-also", "end", "مقالات ذات صلة"),
    # --- follow us
    ("follow-us", "end", "تابعوا آخر أخبار هسبريس على قناة واتساب"),
    ("follow-us", "end", "تابع صفحة اليوم السابع على فيسبوك"),
    ("follow-us", "end", "Follow Al Arabiya English on X and Instagram"),
    ("follow-us", "end", "ولمتابعة أهم الأخبار العاجلة، يمكنكم الانضمام إلى قناتنا على تلغرام"),
    ("follow-us", "middle", "**تابعونا على تطبيق نبض**"),
    ("follow-us", "end", "حمّلوا تطبيقنا وتابعونا على السوشيال ميديا"),
    # --- photo credits
    ("photo-credit", "middle", "صورة من الأرشيف (رويترز)"),
    ("photo-credit", "middle", "© AFP"),
    ("photo-credit", "middle", "الصورة المرفقة: أرشيفية"),
    ("photo-credit", "middle", "(الصور: المكتب الإعلامي لوزارة الصحة)"),
    ("photo-credit", "middle", "تصوير – خالد أحمد"),
    ("photo-credit", "middle", "Credit: Getty Images"),
    ("photo-credit", "middle", "مصدر الصورة، Getty Images"),
    # --- source credits (trailing)
    ("source-credit", "end", "المصدر: الجزيرة + وكالات"),
    ("source-credit", "tail", "وقد نُشر هذا المقال أولاً باللغة الإنجليزية على موقع ميدل إيست آي."),
    ("source-credit", "end", "نقلا عن صحيفة الأهرام المصرية"),
    ("source-credit", "tail", "This article was originally published in French by Jeune Afrique."),
    ("source-credit", "end", "المصدر : وكالات"),
    ("source-credit", "tail", "هذا المقال مترجم عن صحيفة نيويورك تايمز الأمريكية."),
    ("source-credit", "end", "**عن موقع الحرة**"),
    # --- news that looks like the classes (must be kept)
    (None, "end", "قضت محكمة القاهرة الاقتصادية بتغريم موقع إلكتروني لنسخه مقالات دون إذن من الصحيفة صاحبة الحقوق."),
    (None, "end", "وقال القاضي في حكمه إن «جميع الحقوق محفوظة للمؤلف» ولا يجوز نسخ الكتاب دون إذنه."),
    (None, "end", "تابع وزير الداخلية ميدانيا سير عمليات الإغاثة في المناطق المتضررة من السيول."),
    (None, "end", "حظرت السلطات تطبيق تيليغرام في البلاد بعد اتهامه بنشر محتوى يهدد الأمن العام."),
    (None, "end", "وتابع آلاف المشجعين المباراة عبر شاشات عملاقة نصبت في الساحات العامة."),
    (None, "end", "ودعا الرئيس المواطنين إلى متابعة التعليمات الرسمية عبر قنوات الوزارة على مواقع التواصل."),
    (None, "tail", "وذكرت القناة، نقلا عن مصادر أمنية، أن المشتبه به اعتقل فجر اليوم."),
    (None, "end", "نقلا عن مصادر دبلوماسية، فإن المفاوضات ستستأنف في جنيف الأسبوع المقبل."),
    (None, "end", "وقالت وكالة الأنباء الرسمية في بيان إن الحكومة قررت تمديد حالة الطوارئ."),
    (None, "middle", "وطالبت منظمات حقوق الإنسان بالإفراج عن الصحفيين المعتقلين."),
    (None, "end", "وأكدت الهيئة أن حقوق المعتقلين محفوظة وفق القانون وأنهم يلقون معاملة إنسانية."),
    (None, "end", "ونشرت الوكالة صورا للحريق تظهر أعمدة الدخان فوق المصنع."),
    (None, "middle", "صور الأقمار الصناعية: اتساع رقعة الجفاف في حوض النهر"),
    (None, "end", "وقال الخبير إن المستخدمين الذين يضغطون على روابط مجهولة يعرضون بياناتهم للخطر."),
    (None, "middle", "ودعا الوزير الطلاب إلى القراءة أيضا خارج المناهج الدراسية."),
    (None, "end", "The agency said the copyright dispute would be heard in court next month."),
    (None, "end", "Follow-up talks will be held in Doha next week, the ministry said."),
    (None, "tail", "وقالت الوزارة إن موسم الحج انتهى دون تسجيل إصابات."),
    (None, "end", "المقالات التي نشرتها الصحيفة عن الفساد تعبر عن رأي كاتبها، بحسب بيان رئيس التحرير الذي دافع عن حرية الرأي."),
    (None, "end", "لا يمكن التحقق من صحة الأرقام التي تنشرها الجماعة على مواقع التواصل، بحسب خبراء الأمم المتحدة."),
    (None, "tail", "وكان المقال قد نشر أولا في صحيفة محلية قبل أن تتناقله وسائل الإعلام الدولية."),
]

# Fourth held-out set: written after the third set's misses had guided a generalisation of
# their classes (so the third is development data), committed on its own before it was
# ever run, and run once: the estimate for sites nobody has seen.
HELD_OUT_4: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع حقوق الطبع والنشر محفوظة لصحيفة الرأي الأردنية ©2025"),
    ("copyright", "end", "كافة الحقوق محفوظة لموقع العمق المغربي"),
    ("copyright", "end", "© 2025 Masrawy. جميع الحقوق محفوظة"),
    ("copyright", "end", "الحقوق كاملة محفوظة لقناة المملكة"),
    ("copyright", "end", "يُمنع إعادة النشر إلا بإذن من إدارة التحرير"),
    ("copyright", "end", "All content © Gulf Today 2025, unless otherwise stated"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "الآراء المنشورة في هذه المدونة تعبر عن أصحابها"),
    ("opinion-disclaimer", "end", "المقال لا يعبر عن رأي الموقع وإنما عن رأي كاتبه"),
    ("opinion-disclaimer", "end", "This is an opinion piece. The views expressed are the author's alone."),
    ("opinion-disclaimer", "end", "كل ما يُنشر في زاوية «منبر» يعبر عن رأي كاتبه"),
    ("opinion-disclaimer", "end", "Les opinions exprimées n'engagent que leurs auteurs."),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم تتمكن «العربية.نت» من التحقق بشكل مستقل من صحة المقطع المنشور عبر وسائل التواصل"),
    ("verification-disclaimer", "end", "لا يمكن للقدس العربي التأكد من صحة هذه المعلومات المتداولة على مواقع التواصل الاجتماعي."),
    ("verification-disclaimer", "end", "The Independent was unable to verify the footage, which was shared widely on social media."),
    ("verification-disclaimer", "end", "*لم يتسنّ لنا التحقق من صحة الفيديو المتداول على منصة إكس بشكل مستقل*"),
    ("verification-disclaimer", "end", "France 24 could not independently verify the images posted on social networks."),
    # --- agency end markers
    ("agency-end", "tail", "/ انتهى / م ع"),
    ("agency-end", "end", "–(انتهى)–"),
    ("agency-end", "tail", "(انتهى) ر.ع/س.ح"),
    ("agency-end", "end", "- انتهى - ف ع"),
    ("agency-end", "end", "[انتهى] ع.ك"),
    # --- click-here promos
    ("click-promo", "end", "لتحميل التقرير كاملا بصيغة PDF اضغط هنا"),
    ("click-promo", "end", "لمشاهدة ألبوم الصور كاملا انقر على الصورة"),
    ("click-promo", "end", "اضغطوا على الزر أدناه لمتابعة التغطية"),
    ("click-promo", "end", "Tap the image to see the full gallery"),
    ("click-promo", "end", "لمشاهدة البث المباشر، اضغط على الرابط التالي"),
    # --- read also
    ("read-also", "middle", "تابع أيضاً | تفاصيل صفقة الغاز"),
    ("read-also", "middle", "المزيد: الحكومة تعلن عن حزمة دعم جديدة"),
    ("read-also", "middle", "شاهد أيضا بالفيديو: لحظة سقوط الطائرة"),
    ("read-also", "middle", "إقرأ أيضا على موقعنا: نتائج الانتخابات"),
    ("read-also", "end", "Read More: Why fuel prices keep rising"),
    ("read-also", "middle", "للمزيد اقرأ: تقرير الأمم المتحدة عن الجوع"),
    # --- follow us
    ("follow-us", "end", "تابعوا قناتنا على يوتيوب لمشاهدة المزيد من الفيديوهات"),
    ("follow-us", "end", "تابعونا على الواتساب"),
    ("follow-us", "end", "ليصلك كل جديد، تابع حسابنا على إنستغرام"),
    ("follow-us", "end", "Stay updated: follow Hespress on Facebook and X"),
    ("follow-us", "end", "اشتركوا في قناة الموقع على تيليجرام"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: (أ ف ب)"),
    ("photo-credit", "middle", "(صورة أرشيفية - أ ف ب)"),
    ("photo-credit", "middle", "تصوير: فريق الموقع"),
    ("photo-credit", "middle", "EPA/STRINGER"),
    ("photo-credit", "middle", "الصورة من حساب الوزارة على تويتر"),
    # --- source credits (trailing)
    ("source-credit", "tail", "ظهر هذا المقال أولا على موقع رصيف22."),
    ("source-credit", "end", "المصدر: وكالة الأنباء السعودية (واس)"),
    ("source-credit", "tail", "This piece first appeared on The Conversation."),
    ("source-credit", "end", "نقلا عن الجزيرة نت"),
    ("source-credit", "tail", "نُشرت هذه القصة في الأصل على موقع بي بي سي."),
    # --- news that looks like the classes (must be kept)
    (None, "end", "وقضت المحكمة بأن نسخ المقالات دون إذن الصحيفة يعد انتهاكا لحقوق النشر."),
    (None, "end", "وقال مدير الموقع إن «جميع الحقوق محفوظة» عبارة لا تحمي المحتوى وحدها."),
    (None, "end", "تابع الملك عبر الاتصال المرئي افتتاح المشروع على منصة رسمية."),
    (None, "end", "منع تطبيق تيك توك في المدارس الحكومية ابتداء من الشهر المقبل."),
    (None, "end", "تابعوا الجلسة على الهواء مباشرة، قال النائب للصحفيين قبل دخوله القاعة."),
    (None, "end", "نقلا عن شهود عيان، فإن الانفجار وقع قرب السوق."),
    (None, "tail", "ونقلت وكالة الأنباء الرسمية عن وزير الخارجية قوله إن بلاده ترفض التدخل."),
    (None, "middle", "وكالة الأنباء الرسمية: الرئيس يستقبل وفدا أمريكيا"),
    (None, "end", "ودعت منظمة العفو الدولية إلى احترام حقوق المتظاهرين في التعبير."),
    (None, "middle", "حقوق الإنسان في المنطقة: تقرير يرصد تراجعا واسعا"),
    (None, "end", "الصورة أصبحت أوضح بعد الاجتماع، بحسب دبلوماسي غربي."),
    (None, "tail", "وقال الشاهد إن كل شيء انتهى في دقائق."),
    (None, "end", "اضغط على المسؤولين حتى يستجيبوا، قال الناشط لأنصاره."),
    (None, "end", "The photo credit dispute between the two agencies was settled out of court."),
    (None, "end", "Source: the ministry's annual report, which was published on Monday, shows that exports rose by five percent."),
    (None, "end", "ويمكن للمشاهدين متابعة البث عبر قناة الوزارة على يوتيوب."),
]

# Fifth held-out set: written after the fourth set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (40 of 48, 2 of
# 18 news removed); its misses then guided the next generalisation, so it is development
# data now.
HELD_OUT_5: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة ل موقع صدى البلد 2025 ©"),
    ("copyright", "end", "© جميع حقوق النشر محفوظة - الوطن السعودية"),
    ("copyright", "end", "حقوق النشر © 2025 الغد الأردنية. جميع الحقوق محفوظة."),
    ("copyright", "end", "Copyrights © 2025 Al-Ahram Weekly"),
    ("copyright", "end", "لا يسمح بإعادة نشر هذه المادة أو أجزاء منها دون موافقة خطية من الناشر"),
    ("copyright", "end", "المحتوى محمي بحقوق الطبع والنشر"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقالات والآراء المنشورة تعبر عن وجهة نظر كتابها ولا تعبر بالضرورة عن وجهة نظر الموقع"),
    ("opinion-disclaimer", "end", "هذا المقال يعبر عن رأي الكاتب الشخصي"),
    ("opinion-disclaimer", "end", "* الآراء الواردة أعلاه تمثل وجهة نظر الكاتب فقط"),
    ("opinion-disclaimer", "end", "Views expressed in this column are the writer's and not necessarily those of the newspaper."),
    ("opinion-disclaimer", "end", "إخلاء مسؤولية: المحتوى المنشور في هذه الصفحة مسؤولية كاتبه"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "ولم يتسن للجزيرة التحقق من صحة هذه المقاطع المصورة المتداولة على تيليغرام."),
    ("verification-disclaimer", "end", "لا يمكن لبي بي سي التحقق من صحة هذه الصور بشكل مستقل."),
    ("verification-disclaimer", "end", "Al Jazeera cannot independently verify the authenticity of the video, which was posted on X."),
    ("verification-disclaimer", "end", "تنبيه: لم نتمكن من التأكد من صحة التسجيل الصوتي المنتشر عبر واتساب"),
    ("verification-disclaimer", "end", "The authenticity of the footage circulating on social media could not be independently verified."),
    # --- agency end markers
    ("agency-end", "tail", "(انتهى) أ.م"),
    ("agency-end", "end", "/انتهى/ ن.ع"),
    ("agency-end", "end", "-انتهى- م.س/ع.ع"),
    ("agency-end", "end", "(( انتهى ))"),
    ("agency-end", "tail", "//انتهى// ح.ع"),
    # --- click-here promos
    ("click-promo", "end", "للمشاركة في المسابقة اضغط هنا"),
    ("click-promo", "end", "لتنزيل تطبيق الموقع على أجهزة آيفون انقر هنا"),
    ("click-promo", "middle", "اضغط هنا للاشتراك في خدمة الرسائل العاجلة"),
    ("click-promo", "end", "Click the link below to register for the event"),
    ("click-promo", "end", "شاهد البث المباشر من هنا"),
    # --- read also
    ("read-also", "end", "أخبار ذات صلة"),
    ("read-also", "middle", "اقرأ أيضًا | أسعار الدولار اليوم"),
    ("read-also", "middle", "طالع المزيد: انطلاق فعاليات المعرض الدولي للكتاب"),
    ("read-also", "end", "See more: Gulf markets close higher"),
    ("read-also", "middle", "يهمك أيضاً.. خطوات التقديم على الإسكان الاجتماعي"),
    ("read-also", "end", "موضوعات مقترحة"),
    # --- follow us
    ("follow-us", "end", "تابعوا «الخليج» على منصاتها في مواقع التواصل"),
    ("follow-us", "end", "لمتابعة أخبار الرياضة أولاً بأول تابع حسابنا على منصة إكس"),
    ("follow-us", "end", "تابعونا على Google News"),
    ("follow-us", "end", "Follow us on Instagram @alwatan"),
    ("follow-us", "end", "انضموا إلى مجموعة الموقع على فيسبوك"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: وسائل التواصل الاجتماعي"),
    ("photo-credit", "middle", "(الصورة أرشيفية)"),
    ("photo-credit", "middle", "صورة من الفيديو المتداول"),
    ("photo-credit", "middle", "Photo courtesy of the Ministry of Health"),
    ("photo-credit", "middle", "عدسة: محمد علي"),
    ("photo-credit", "middle", "الصور لـ«رويترز»"),
    # --- source credits (trailing)
    ("source-credit", "tail", "هذا التقرير منقول عن موقع عربي21."),
    ("source-credit", "end", "المصدر: بي بي سي عربي"),
    ("source-credit", "tail", "This story was first published by The New Humanitarian."),
    ("source-credit", "end", "نقلا عن العربية نت بتصرف"),
    ("source-credit", "tail", "وقد نشرت هذه المادة أصلا في مجلة فورين أفيرز الأمريكية."),
    # --- news that looks like the classes (must be kept)
    (None, "end", "وأصدرت المحكمة حكما يمنع نسخ أعمال الفنان الراحل دون إذن ورثته."),
    (None, "end", "حقوق النشر ما زالت محفوظة لدار النشر الأصلية، قال المحامي."),
    (None, "end", "تابع الرئيس التونسي مع رئيس الحكومة سير الاستعدادات للانتخابات."),
    (None, "end", "أعلنت الحكومة حجب تطبيق تلغرام مؤقتا خلال فترة الامتحانات."),
    (None, "tail", "ونقلت الصحيفة نقلا عن مصادر قضائية أن الحكم سيصدر الشهر المقبل."),
    (None, "middle", "وكالة الأنباء الرسمية نشرت صورا للقاء الرئيسين في القصر الجمهوري."),
    (None, "end", "ويحظر القانون الجديد إعادة نشر المحتوى الصحفي دون ذكر المصدر."),
    (None, "middle", "ناشطو حقوق الإنسان: جميع الحقوق مهدورة في السجون"),
    (None, "end", "انتهى التحقيق (الذي استمر ستة أشهر) إلى تبرئة المتهمين."),
    (None, "end", "الصورة كاملة لم تتضح بعد، بحسب مسؤول في الأمم المتحدة."),
    (None, "end", "اضغطوا على حكوماتكم، قال الأمين العام للأمم المتحدة مخاطبا الشعوب."),
    (None, "middle", "قرأ أيضا النائب بيانا باسم الكتلة البرلمانية."),
    (None, "end", "Follow the money, the prosecutor told the jury in his closing argument."),
    (None, "middle", "Photo evidence presented in court showed the suspect at the scene."),
    (None, "end", "المصدر الرئيسي للدخل في البلاد هو النفط، وفق البنك الدولي."),
    (None, "end", "لا يمكن التأكد من عدد القتلى بسبب انقطاع الاتصالات، ولم تنشر السلطات أي أرقام على منصاتها."),
    (None, "end", "Users can follow the live coverage on the broadcaster's YouTube channel, the company said."),
    (None, "end", "وتابعت الشرطة عبر كاميرات المراقبة تحركات المشتبه به."),
]

# Sixth held-out set: written after the fifth set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (35 of 47, 1 of
# 17 news removed); its misses then guided the next generalisation, so it is development
# data now.
HELD_OUT_6: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "© 2025 العين الإخبارية. جميع الحقوق محفوظة"),
    ("copyright", "end", "جميع الحقوق محفوظة لجريدة الصباح الجديد – العراق"),
    ("copyright", "end", "حقوق الطبع © محفوظة لوكالة الأنباء الكويتية"),
    ("copyright", "end", "Copyright 2025 © Arab News"),
    ("copyright", "end", "غير مسموح بنسخ المحتوى أو إعادة استخدامه دون إذن كتابي"),
    ("copyright", "end", "© الحقوق محفوظة لمؤسسة دبي للإعلام"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقال يعبّر عن رأي الكاتب ولا يعكس بالضرورة موقف «العربي الجديد»"),
    ("opinion-disclaimer", "end", "الآراء الواردة في المقالات لا تمثل سوى كتابها"),
    ("opinion-disclaimer", "end", "كل مقال يعبر عن وجهة نظر صاحبه"),
    ("opinion-disclaimer", "end", "The views and opinions expressed here are those of the contributor."),
    ("opinion-disclaimer", "end", "رأي الكاتب لا يعبر بالضرورة عن رأي الجريدة"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لا يمكن للموقع التحقق من دقة المعلومات الواردة في المنشورات المتداولة على فيسبوك."),
    ("verification-disclaimer", "end", "ولم تتمكن «الحرة» من التأكد من صحة الفيديو بشكل مستقل."),
    ("verification-disclaimer", "end", "The Guardian has not independently verified the video, which was posted on Telegram."),
    ("verification-disclaimer", "end", "ملاحظة: لم يتسن التحقق من صحة الصور المنشورة على الإنترنت من مصدر مستقل."),
    ("verification-disclaimer", "end", "Reuters was not able to independently verify the content of the video shared on social media."),
    # --- agency end markers
    ("agency-end", "end", "(انتهى) ع خ"),
    ("agency-end", "tail", "–انتهى– م.ص"),
    ("agency-end", "end", "/ انتهى / ج.ع"),
    ("agency-end", "tail", "-انتهى-ق.م"),
    ("agency-end", "end", "انتهى/ م.م"),
    # --- click-here promos
    ("click-promo", "end", "لمتابعة تفاصيل الخبر اضغط هنا"),
    ("click-promo", "end", "للاطلاع على جدول المباريات كاملا انقر على الرابط"),
    ("click-promo", "end", "اضغط على زر الاشتراك ليصلك كل جديد"),
    ("click-promo", "end", "To watch the full interview, click here."),
    ("click-promo", "middle", "لمشاهدة الفيديو.. اضغط هنا"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضا.. الحكومة تقر زيادة الرواتب"),
    ("read-also", "end", "روابط ذات صلة:"),
    ("read-also", "middle", "اقرأ أيضاً على «النهار»: تفاصيل الجلسة"),
    ("read-also", "middle", "Read also | Oil prices fall"),
    ("read-also", "end", "إقرأ المزيد من أخبار الاقتصاد"),
    ("read-also", "middle", "شاهد أيضاً:"),
    # --- follow us
    ("follow-us", "end", "تابعوا آخر الأخبار عبر حسابنا على تيك توك"),
    ("follow-us", "end", "تابع «المدن» على تويتر"),
    ("follow-us", "end", "Follow The National on WhatsApp"),
    ("follow-us", "end", "انضم لقناة الموقع على واتساب"),
    ("follow-us", "end", "كونوا على اطلاع دائم.. تابعونا على فيسبوك"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: غيتي"),
    ("photo-credit", "middle", "(تصوير: رويترز)"),
    ("photo-credit", "middle", "صورة تعبيرية (Getty)"),
    ("photo-credit", "middle", "Photo: Reuters / Mohammed Salem"),
    ("photo-credit", "middle", "الصورة بعدسة المصور أحمد علي"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نشر هذا المقال لأول مرة على موقع الجزيرة الإنجليزية."),
    ("source-credit", "end", "المصدر: الأناضول"),
    ("source-credit", "tail", "This article originally appeared in Arabic on Al-Araby Al-Jadeed."),
    ("source-credit", "end", "بتصرف عن صحيفة الشرق الأوسط"),
    ("source-credit", "end", "عن «سكاي نيوز عربية»"),
    # --- news that looks like the classes (must be kept)
    (None, "end", "وقالت المحكمة إن نسخ الموقع للأخبار دون إذن يخالف قانون حقوق المؤلف."),
    (None, "end", "جميع الحقوق محفوظة للمتضررين، وفق ما أعلنت لجنة التعويضات."),
    (None, "end", "تابع ولي العهد تمرينا عسكريا بالذخيرة الحية."),
    (None, "end", "قررت هيئة الاتصالات حظر تطبيق تيك توك لمدة شهر."),
    (None, "end", "نقلا عن مسؤولين أمريكيين، قالت الصحيفة إن الاتفاق بات وشيكا."),
    (None, "tail", "وأضافت وكالة الأنباء الرسمية أن الرئيس سيلقي خطابا الليلة."),
    (None, "middle", "منظمات حقوقية: انتهاكات حقوق الإنسان مستمرة في السجون"),
    (None, "middle", "قرأ الممثل أيضا مقاطع من روايته الجديدة خلال الحفل."),
    (None, "end", "انتهى الموسم الدراسي، وبدأت العطلة الصيفية في المدارس الحكومية."),
    (None, "middle", "Photographs released by the army show the damaged bridge."),
    (None, "end", "يمكنكم متابعة تطورات الجلسة، قال رئيس البرلمان للنواب، قبل أن يرفعها."),
    (None, "end", "ولا يمكن التحقق من صحة هذه الادعاءات، لأن الصحفيين ممنوعون من دخول المنطقة."),
    (None, "end", "The minister said he could not verify the videos circulating on social media."),
    (None, "middle", "شاهد عيان قال إن الانفجار هز المنطقة بأكملها."),
    (None, "end", "مصدر الصورة المسربة لا يزال مجهولا، بحسب المحققين."),
    (None, "end", "Click fraud costs advertisers billions of dollars every year, the report found."),
    (None, "end", "«تابعونا على فيسبوك» شعار حملة انتخابية أثار سخرية واسعة."),
]

# Seventh held-out set: written after the sixth set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (37 of 46, no
# news removed); its misses then guided the next generalisation, so it is development data
# now.
HELD_OUT_7: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة © 2025 صحيفة عكاظ"),
    ("copyright", "end", "حقوق النشر والتوزيع محفوظة لدار الخليج للصحافة"),
    ("copyright", "end", "© 2024 - 2025 بوابة الأهرام"),
    ("copyright", "end", "All Rights Reserved to Asharq Al-Awsat 2025"),
    ("copyright", "end", "يحظر الاقتباس أو النقل من الموقع إلا بذكر المصدر"),
    ("copyright", "end", "الموقع يحتفظ بكامل حقوق النشر"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "هذه المقالة تعبر عن رأي كاتبها ولا تعكس بالضرورة رأي «إندبندنت عربية»"),
    ("opinion-disclaimer", "end", "المقالات المنشورة بأسماء كتابها تعبر عن آرائهم الشخصية"),
    ("opinion-disclaimer", "end", "**ما يُكتب في هذه الزاوية يخص كاتبه وحده**"),
    ("opinion-disclaimer", "end", "The author's views are their own and do not necessarily represent those of this publication."),
    ("opinion-disclaimer", "end", "وجهة النظر الواردة في المقال تخص الكاتب"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم يتسنَّ لـ«عربي21» التحقق من صحة الصور المنتشرة على منصات التواصل."),
    ("verification-disclaimer", "end", "لا تستطيع بي بي سي التحقق من المقاطع المنشورة على يوتيوب بشكل مستقل"),
    ("verification-disclaimer", "end", "We could not independently confirm the authenticity of the recordings circulating online."),
    ("verification-disclaimer", "end", "ملاحظة: الصور المتداولة على مواقع التواصل لم يتم التحقق منها من قبل الموقع"),
    ("verification-disclaimer", "end", "Sky News Arabia could not verify the accuracy of the video posted on TikTok."),
    # --- agency end markers
    ("agency-end", "end", "(انتهى) ع ن"),
    ("agency-end", "tail", "/انتهى/ ح.س"),
    ("agency-end", "end", "- انتهى - ع.أ/م.ع"),
    ("agency-end", "tail", "((انتهى))"),
    ("agency-end", "end", "—انتهى— ن.ب"),
    # --- click-here promos
    ("click-promo", "end", "لمشاهدة الحلقة كاملة اضغط على الرابط"),
    ("click-promo", "end", "للتبرع لضحايا الزلزال اضغط هنا"),
    ("click-promo", "middle", "اضغط هنا وشاهد الفيديو"),
    ("click-promo", "middle", "Click on the image to enlarge"),
    ("click-promo", "end", "للمزيد من الصور انقر هنا"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضًا: كيف ستتأثر أسعار السلع؟"),
    ("read-also", "middle", "طالع أيضا.. أبرز ملامح الموازنة"),
    ("read-also", "end", "مواضيع ذات صلة"),
    ("read-also", "middle", "Also read — Egypt raises fuel prices"),
    ("read-also", "middle", "اقرأ في «الشرق»: أسرار المفاوضات"),
    # --- follow us
    ("follow-us", "end", "تابعونا عبر قناتنا على واتساب لتصلكم آخر الأخبار"),
    ("follow-us", "end", "Follow us on social media for more updates"),
    ("follow-us", "end", "اشترك في قناتنا على تيليجرام لتصلك الأخبار العاجلة"),
    ("follow-us", "end", "للاطلاع على آخر المستجدات تابعوا صفحتنا على إنستغرام"),
    ("follow-us", "end", "تابعوا «الشروق» عبر تطبيق نبض"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: مواقع التواصل"),
    ("photo-credit", "middle", "تصوير: المكتب الإعلامي للرئاسة"),
    ("photo-credit", "middle", "Image credit: AFP"),
    ("photo-credit", "middle", "(صورة: رويترز)"),
    ("photo-credit", "middle", "صور: وزارة الداخلية"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نُشر هذا التقرير أولاً في موقع «ذا كونفرسيشن»."),
    ("source-credit", "end", "المصدر: موقع الحرة + وكالات"),
    ("source-credit", "tail", "This article was first published on Middle East Eye."),
    ("source-credit", "end", "نقلاً عن وكالة الأنباء الفرنسية"),
    ("source-credit", "tail", "وهذا المقال مترجم عن صحيفة لوفيغارو الفرنسية."),
    # --- news that looks like the classes (must be kept)
    (None, "end", "أصدرت محكمة الاستئناف حكما بإلزام الموقع بدفع تعويض للصحيفة بسبب نسخ محتواها."),
    (None, "end", "وتؤكد الاتفاقية أن حقوق الطرفين محفوظة في حال انسحاب أحدهما."),
    (None, "end", "تابع الأمين العام للجامعة العربية تطورات الأوضاع في السودان مع وزراء الخارجية العرب."),
    (None, "end", "حجبت السلطات منصة إكس وتطبيق واتساب لساعات خلال الاحتجاجات."),
    (None, "end", "نقلاً عن مصادر في الرئاسة، أفادت القناة بأن الرئيس سيزور القاهرة."),
    (None, "middle", "وكالة الأنباء الرسمية قالت إن الحكومة ستعلن الموازنة الأسبوع المقبل."),
    (None, "end", "طالبت منظمة هيومن رايتس ووتش بحماية حقوق اللاجئين."),
    (None, "end", "انتهى اللقاء بفوز الفريق المضيف بهدفين مقابل هدف."),
    (None, "middle", "صورة قاتمة للاقتصاد رسمها تقرير صندوق النقد الدولي الأخير."),
    (None, "end", "لا يمكن التحقق من هوية المهاجمين حتى الآن، وفق ما أعلنت الشرطة."),
    (None, "end", "Follow-up inspections found no violations at the factory."),
    (None, "end", "The click-through rate of online ads fell sharply last year, according to the study."),
    (None, "middle", "المصدر المسؤول في الوزارة نفى صحة الأنباء."),
    (None, "middle", "تابعوا معنا هذا التقرير عن أزمة المياه في المنطقة."),
    (None, "end", "ويمكن للمواطنين الاطلاع على القرار عبر الرابط المنشور على موقع الوزارة."),
    (None, "end", "اضغط على الزناد، صرخ الضابط، بحسب شهادة أحد الجنود."),
    (None, "middle", "«اقرأ» مبادرة ثقافية أطلقتها الوزارة لتشجيع القراءة بين الشباب."),
]

# Eighth held-out set: written after the seventh set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (36 of 46, no
# news removed); its misses then guided the next generalisation, so it is development data
# now.
HELD_OUT_8: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة لشبكة رؤيا الإعلامية ٢٠٢٥"),
    ("copyright", "end", "© كل الحقوق محفوظة لـ«المصري اليوم»"),
    ("copyright", "end", "حقوق الملكية الفكرية محفوظة لموقع أخبارنا المغربية"),
    ("copyright", "end", "يرجى عدم نسخ المحتوى دون ذكر المصدر"),
    ("copyright", "end", "Copyright © Hespress 2025 - Tous droits réservés"),
    ("copyright", "end", "جميع المواد المنشورة محمية بموجب قوانين حقوق الملكية الفكرية"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "الآراء الواردة في هذا المقال هي آراء الكاتب الخاصة"),
    ("opinion-disclaimer", "end", "المقال يعبر عن رأي صاحبه"),
    ("opinion-disclaimer", "end", "Opinions are the author's own."),
    ("opinion-disclaimer", "end", "Cet article n'engage que son auteur."),
    ("opinion-disclaimer", "end", "تنويه: محتوى المقال مسؤولية الكاتب ولا علاقة للموقع به"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لا يمكن لـ«سي إن إن» التحقق بشكل مستقل من صحة الفيديو الذي نشره ناشطون على مواقع التواصل."),
    ("verification-disclaimer", "end", "ولم يتسن لوكالة فرانس برس التحقق من صحة هذه الصور من مصدر مستقل."),
    ("verification-disclaimer", "end", "AFP was unable to independently verify the video, which was shared on Facebook."),
    ("verification-disclaimer", "end", "تنويه: لم نتحقق من صحة المقطع المتداول على مواقع التواصل"),
    ("verification-disclaimer", "end", "This video could not be independently verified by our team."),
    # --- agency end markers
    ("agency-end", "tail", "(انتهى) س.ص/ع.ح"),
    ("agency-end", "end", "-انتهى- و.م"),
    ("agency-end", "end", "// انتهى //"),
    ("agency-end", "end", "( انتهى ) م.ع"),
    ("agency-end", "end", "انتهى - ع.ف"),
    # --- click-here promos
    ("click-promo", "end", "للحجز اضغط على الرابط في الأسفل"),
    ("click-promo", "end", "لقراءة النص الكامل للبيان انقر هنا"),
    ("click-promo", "middle", "اضغطي هنا لمعرفة التفاصيل"),
    ("click-promo", "end", "Tap here for the latest scores"),
    ("click-promo", "end", "لتحميل العدد الجديد من المجلة اضغط على الصورة"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضاً ⬅️ تفاصيل الاتفاق"),
    ("read-also", "middle", "طالع أيضًا: نتائج الثانوية العامة"),
    ("read-also", "end", "مقالات ذات صلة:"),
    ("read-also", "middle", "اقرأ كذلك.. ارتفاع التضخم"),
    ("read-also", "middle", "More from Al Jazeera: Gaza talks stall"),
    # --- follow us
    ("follow-us", "end", "تابعونا على قناة يوتيوب الخاصة بالموقع"),
    ("follow-us", "end", "لا تنسوا متابعتنا على إنستغرام"),
    ("follow-us", "end", "Follow Hespress on Telegram"),
    ("follow-us", "end", "اشتركوا بقناتنا على تلغرام لتصلكم الأخبار أولا بأول"),
    ("follow-us", "end", "تابع أحدث الأخبار عبر حساباتنا على مواقع التواصل"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: المتحدث باسم الجيش"),
    ("photo-credit", "middle", "صورة أرشيفية لمقر البرلمان"),
    ("photo-credit", "middle", "(Photo: Getty Images)"),
    ("photo-credit", "middle", "بعدسة: سامر محمد"),
    ("photo-credit", "middle", "رويترز / محمد حامد"),
    # --- source credits (trailing)
    ("source-credit", "tail", "يُنشر هذا المقال بالتعاون مع موقع «درج»."),
    ("source-credit", "end", "المصدر: صحف ووكالات"),
    ("source-credit", "tail", "This piece was originally published by Carnegie Endowment."),
    ("source-credit", "end", "نقلا عن موقع الجزيرة نت"),
    ("source-credit", "tail", "وكانت هذه المادة قد نشرت أولا في مجلة الإيكونوميست."),
    # --- news that looks like the classes (must be kept)
    (None, "end", "ونشرت الصحيفة حكم المحكمة الذي يمنع نسخ كتب الدار دون إذنها."),
    (None, "end", "وقال الناشر إن «جميع الحقوق محفوظة» للمؤلف وورثته من بعده."),
    (None, "end", "تابع رئيس الوزراء من مقر القيادة عمليات إطفاء الحرائق."),
    (None, "end", "أعلنت روسيا حظر تطبيق تيليجرام بعد رفضه تسليم مفاتيح التشفير."),
    (None, "end", "نقلا عن مصدر مطلع، فإن الوزير سيقدم استقالته اليوم."),
    (None, "tail", "وقالت وكالة الأنباء الرسمية (واس) إن الملك استقبل الوفد."),
    (None, "middle", "حقوق المرأة في قانون الأحوال الشخصية الجديد محل جدل واسع."),
    (None, "end", "انتهى التصويت في الانتخابات البلدية وبدأ فرز الأصوات."),
    (None, "middle", "The photo shows the moment the bridge collapsed, witnesses said."),
    (None, "end", "Click-and-collect services have grown rapidly since the pandemic."),
    (None, "end", "وتابع ملايين المشاهدين الحفل عبر منصة يوتيوب."),
    (None, "middle", "اقرأ ما بين السطور، نصح المحلل قراءه في مقاله الأسبوعي."),
    (None, "middle", "مصدر أمني: لم يتم التحقق بعد من هوية منفذي الهجوم"),
    (None, "middle", "صور الضحايا انتشرت على مواقع التواصل خلال ساعات."),
    (None, "end", "اشتركت الحكومة في حملة على مواقع التواصل للتوعية بالمرض."),
    (None, "end", "المقال الذي نشره الكاتب أمس يعبر عن رأيه في الأزمة، قال رئيس التحرير."),
]

# Ninth held-out set: written after the eighth set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (37 of 45, 1 of
# 16 news removed); its misses then guided the next generalisation, so it is development
# data now.
HELD_OUT_9: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة لموقع هبة بريس 2025"),
    ("copyright", "end", "© 2025 قناة الغد. كل الحقوق محفوظة"),
    ("copyright", "end", "Copyright © 2025 Al Mayadeen English. All Rights Reserved"),
    ("copyright", "end", "يمنع منعاً باتاً نسخ أو نقل المواد المنشورة في الموقع"),
    ("copyright", "end", "حقوق النشر محفوظة © لشبكة الجزيرة الإعلامية"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "الآراء الواردة في المقال تعبر عن كاتبها ولا تعبر عن الموقع"),
    ("opinion-disclaimer", "end", "ما ينشر في صفحة الرأي لا يعبر بالضرورة عن سياسة الصحيفة"),
    ("opinion-disclaimer", "end", "The opinions in this article are the author's alone."),
    ("opinion-disclaimer", "end", "هذا المقال لا يعكس سوى رأي كاتبه"),
    ("opinion-disclaimer", "end", "المقالات المنشورة في هذا الباب تمثل آراء أصحابها"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم يتسن للموقع التأكد من صحة مقطع الفيديو المنتشر على منصة تيك توك"),
    ("verification-disclaimer", "end", "لا يمكننا التحقق من صحة هذه المزاعم المتداولة على مواقع التواصل بشكل مستقل"),
    ("verification-disclaimer", "end", "Reuters could not immediately verify the footage posted on social media."),
    ("verification-disclaimer", "end", "لم تتمكن الشبكة من التحقق بشكل مستقل من الصور التي نشرها ناشطون"),
    ("verification-disclaimer", "end", "Note: The images could not be independently verified."),
    # --- agency end markers
    ("agency-end", "tail", "(انتهى) ن ع"),
    ("agency-end", "end", "-انتهى- س.م"),
    ("agency-end", "end", "/انتهى/ خ.ع/ع.خ"),
    ("agency-end", "end", "— انتهى —"),
    ("agency-end", "end", "(انتهى) م.خ.ع"),
    # --- click-here promos
    ("click-promo", "end", "للتصويت اضغط هنا"),
    ("click-promo", "end", "لمشاهدة الأهداف كاملة انقر على الفيديو"),
    ("click-promo", "middle", "اضغط على الرابط لقراءة النص الكامل للاتفاقية"),
    ("click-promo", "end", "Click here to read this story in English"),
    ("click-promo", "end", "للاشتراك في خدمة الأخبار العاجلة عبر الرسائل القصيرة اضغط هنا"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضا : الحكومة تخفض أسعار الوقود"),
    ("read-also", "middle", "شاهد أيضا.. فيديو لحظة الانفجار"),
    ("read-also", "end", "Related articles"),
    ("read-also", "end", "مواد ذات صلة"),
    ("read-also", "middle", "اقرأ المزيد ← الأمم المتحدة تحذر من المجاعة"),
    # --- follow us
    ("follow-us", "end", "تابعونا على منصة إكس @AlKhaleej"),
    ("follow-us", "end", "تابعوا قناة «الوطن» على يوتيوب"),
    ("follow-us", "end", "Follow us on Facebook, X and Instagram"),
    ("follow-us", "end", "انضموا لقناتنا على واتساب"),
    ("follow-us", "end", "اشترك الآن في قناتنا على تيليجرام"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: أرشيف"),
    ("photo-credit", "middle", "(الصورة: وكالة الأنباء القطرية)"),
    ("photo-credit", "middle", "تصوير: وليد محمد - الغد"),
    ("photo-credit", "middle", "Photo: Anadolu Agency"),
    ("photo-credit", "middle", "صورة متداولة على مواقع التواصل"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نُشر هذا المقال في الأصل باللغة الإنجليزية على موقع فورين بوليسي."),
    ("source-credit", "end", "المصدر: الجزيرة نت"),
    ("source-credit", "tail", "This article was originally published in The Atlantic."),
    ("source-credit", "end", "نقلاً عن صحيفة القدس العربي"),
    ("source-credit", "tail", "المقال مترجم بتصرف عن موقع ذا إنترسبت."),
    # --- news that looks like the classes (must be kept)
    (None, "end", "قضت المحكمة بأن إعادة نشر المقالات دون إذن تعد سرقة أدبية."),
    (None, "end", "وأكد المحامي أن الحقوق محفوظة لجميع الأطراف بموجب الاتفاق."),
    (None, "end", "تابع الرئيس الجزائري عبر تقنية الفيديو افتتاح المستشفى الجديد."),
    (None, "end", "قررت السلطات المصرية حجب عدة مواقع إخبارية وتطبيقات تواصل."),
    (None, "end", "نقلا عن وكالة الأنباء الرسمية، قال المتحدث إن الزيارة تأجلت."),
    (None, "middle", "وكالة الأنباء الرسمية أعلنت وفاة الأمير مساء اليوم."),
    (None, "middle", "حقوق العمال المهاجرين في دول الخليج على طاولة البحث."),
    (None, "end", "انتهى عقد المدرب مع النادي بالتراضي."),
    (None, "middle", "الصورة الأولى للقمر الصناعي الجديد نشرتها وكالة الفضاء."),
    (None, "end", "تابعوا ما يحدث في غزة، قال الناشط في تغريدة على منصة إكس."),
    (None, "end", "Follow the latest developments, the agency urged residents on its website."),
    (None, "end", "اضغط على الزر الأحمر في حالة الطوارئ، تقول تعليمات السلامة في المترو."),
    (None, "middle", "المصدر الوحيد للمياه في القرية بئر قديمة."),
    (None, "end", "وقال التقرير إن صور الأقمار الصناعية أظهرت دمارا واسعا."),
    (None, "end", "لا يمكن للمستشفيات التحقق من عدد الإصابات بدقة بسبب انقطاع الكهرباء."),
    (None, "middle", "«جميع الحقوق محفوظة» عبارة تظهر أسفل كل صفحات المواقع الإخبارية."),
]

# Tenth held-out set: written after the ninth set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (38 of 45, 1 of
# 16 news removed); its misses then guided the next generalisation, so it is development
# data now.
HELD_OUT_10: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة لصحيفة الأيام البحرينية © 2025"),
    ("copyright", "end", "© جميع الحقوق محفوظة. يمنع النسخ دون إذن."),
    ("copyright", "end", "حقوق الطبع محفوظة 2025 - وكالة سبوتنيك"),
    ("copyright", "end", "All rights reserved. No reproduction without written permission."),
    ("copyright", "end", "كل المحتوى المنشور ملك للموقع ولا يجوز استخدامه دون إذن"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقال يعبر عن رأي كاتبه ولا يمثل بالضرورة رأي المنصة"),
    ("opinion-disclaimer", "end", "الآراء المنشورة هنا تخص أصحابها وحدهم"),
    ("opinion-disclaimer", "end", "Views expressed are personal and do not reflect those of the publication."),
    ("opinion-disclaimer", "end", "هذه التدوينة تعبر عن رأي صاحبها"),
    ("opinion-disclaimer", "end", "**المقالات لا تعبر بالضرورة عن رأي الجريدة**"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم يتسن للقناة التحقق من صحة الفيديو المنشور على تطبيق تيليغرام بشكل مستقل"),
    ("verification-disclaimer", "end", "لا يمكن التأكد من صحة هذه الصور المتداولة على مواقع التواصل من مصدر مستقل"),
    ("verification-disclaimer", "end", "The video, which circulated on social media, could not be independently verified by The National."),
    ("verification-disclaimer", "end", "Al Arabiya could not independently confirm the authenticity of the images."),
    ("verification-disclaimer", "end", "تنبيه: الموقع لا يتحمل مسؤولية صحة المقاطع المتداولة عبر وسائل التواصل"),
    # --- agency end markers
    ("agency-end", "end", "(انتهى) ل.م"),
    ("agency-end", "tail", "/انتهى/ ر.ح"),
    ("agency-end", "tail", "-انتهى- ح ع"),
    ("agency-end", "end", "[انتهى] س.ع/ف.م"),
    ("agency-end", "end", "//انتهى// ط.ن"),
    # --- click-here promos
    ("click-promo", "end", "لمشاهدة الصور كاملة اضغط هنا"),
    ("click-promo", "end", "للتسجيل في الدورة انقر على الرابط أدناه"),
    ("click-promo", "middle", "اضغط هنا لتحميل التطبيق مجانا"),
    ("click-promo", "end", "Click here for more photos"),
    ("click-promo", "end", "لمتابعة البث الحي اضغطوا على الرابط"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضا - ارتفاع أسعار الذهب"),
    ("read-also", "middle", "طالع أيضا: مجلس الوزراء يقر الموازنة"),
    ("read-also", "middle", "إقرأ المزيد: أزمة السكن في العاصمة"),
    ("read-also", "middle", "See also — The fight for water"),
    ("read-also", "end", "أخبار متعلقة"),
    # --- follow us
    ("follow-us", "end", "تابعونا على تويتر @Alyaum"),
    ("follow-us", "end", "تابعوا آخر الأخبار على قناتنا في تيليجرام"),
    ("follow-us", "end", "Follow us on TikTok"),
    ("follow-us", "end", "انضم إلى مجتمعنا على فيسبوك"),
    ("follow-us", "end", "لا تفوتوا أي خبر.. تابعونا على إنستغرام"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: وزارة الخارجية"),
    ("photo-credit", "middle", "(تصوير: أحمد حسن/ المصري اليوم)"),
    ("photo-credit", "middle", "Photo: AP"),
    ("photo-credit", "middle", "الصورة من حساب اللاعب على إنستغرام"),
    ("photo-credit", "middle", "Photograph: Reuters"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نُشر هذا التحقيق أولاً على موقع أريج."),
    ("source-credit", "end", "المصدر: رويترز"),
    ("source-credit", "tail", "This story first appeared in Foreign Policy."),
    ("source-credit", "end", "نقلا عن شبكة سي إن إن"),
    ("source-credit", "tail", "المادة مترجمة عن صحيفة الغارديان البريطانية."),
    # --- news that looks like the classes (must be kept)
    (None, "end", "رفعت الصحيفة دعوى ضد موقع إلكتروني نسخ مقالاتها دون إذن."),
    (None, "end", "جميع الحقوق التي كفلها الدستور محفوظة، قال رئيس الوزراء."),
    (None, "end", "تابع الوزير ميدانيا أعمال الصيانة في الطريق السريع."),
    (None, "end", "حظرت الحكومة تطبيق تيك توك على هواتف الموظفين الرسميين."),
    (None, "end", "وتابع آلاف المتابعين البث المباشر على صفحة الرئاسة في فيسبوك."),
    (None, "end", "نقلا عن مصادر عسكرية، أفادت الوكالة بمقتل ثلاثة جنود."),
    (None, "middle", "وكالة الأنباء الرسمية نشرت نص المرسوم كاملا."),
    (None, "middle", "منظمة حقوق الإنسان: الحقوق الأساسية للمعتقلين غير محفوظة"),
    (None, "end", "انتهى الحفل بتكريم الفائزين."),
    (None, "middle", "صورة الرئيس على غلاف المجلة أثارت الجدل."),
    (None, "end", "اضغطوا على النواب لرفض القانون، دعت النقابة أعضاءها."),
    (None, "end", "Read more than 100 pages of the report and you will understand the crisis, the minister said."),
    (None, "end", "لا يمكن التحقق من هذه الأرقام بشكل مستقل، بحسب منظمة الصحة العالمية."),
    (None, "middle", "Photo agencies said they would boycott the ceremony."),
    (None, "end", "تابعونا، قال المدرب للاعبين قبل المباراة، ونحن سنفوز."),
    (None, "middle", "الصور المتداولة على مواقع التواصل تظهر حجم الدمار في المدينة."),
]

# Eleventh held-out set: written after the tenth set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (40 of 50, 0 of 20
# news removed); its misses then guided the next generalisation, so it is development data now.
HELD_OUT_11: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة لجريدة الصباح العراقية 2025 ©"),
    ("copyright", "end", "**© حقوق النشر محفوظة لشبكة رووداو الإعلامية**"),
    ("copyright", "end", "Copyright © Hespress. Tous droits réservés."),
    ("copyright", "end", "لا يجوز إعادة نشر هذه المادة أو أجزاء منها دون موافقة خطية من الناشر"),
    ("copyright", "end", "الحقوق محفوظة لمؤسسة دبي للإعلام ٢٠٢٥"),
    ("copyright", "end", "يُسمح بالاقتباس مع ذكر المصدر"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "* المقالات المنشورة في هذا الباب تعبر عن آراء أصحابها فقط"),
    ("opinion-disclaimer", "end", "الآراء الواردة في هذه المقالة لا تعكس بالضرورة السياسة التحريرية للموقع"),
    ("opinion-disclaimer", "end", "The opinions in this column are the writer's own."),
    ("opinion-disclaimer", "end", "Les opinions exprimées dans cet article n'engagent que son auteur."),
    ("opinion-disclaimer", "end", "(هذا المقال رأي شخصي للكاتب)"),
    ("opinion-disclaimer", "end", "الموقع غير مسؤول عن آراء الكتّاب"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم تتمكن «الشرق الأوسط» من التحقق من صحة المقطع المتداول على منصة إكس."),
    ("verification-disclaimer", "end", "ولا يمكن لـ«عنب بلدي» التأكد من صحة الصور بشكل مستقل."),
    ("verification-disclaimer", "end", "CNN has not been able to independently verify the authenticity of the video."),
    ("verification-disclaimer", "end", "الموقع لا يتحقق من صحة الفيديوهات المنشورة على مواقع التواصل الاجتماعي"),
    ("verification-disclaimer", "end", "**تنويه: لم يتسنَّ لنا التأكد من صحة هذه المشاهد من مصادر مستقلة**"),
    ("verification-disclaimer", "end", "Reuters was unable to immediately verify the footage posted on Telegram."),
    # --- agency end markers
    ("agency-end", "tail", "(انتهى) م.ع"),
    ("agency-end", "end", "/ انتهى / ع.ح/ س.م"),
    ("agency-end", "tail", "ـ انتهى ـ"),
    ("agency-end", "end", "{انتهى} ف.ك"),
    ("agency-end", "end", "(النهاية) ك.ع"),
    # --- click-here promos
    ("click-promo", "end", "لتحميل تطبيق الموقع على أندرويد اضغط هنا"),
    ("click-promo", "middle", "للاشتراك في النشرة البريدية انقر هنا"),
    ("click-promo", "end", "Cliquez ici pour lire la suite"),
    ("click-promo", "end", "اضغطوا هنا لمشاهدة الحلقة كاملة"),
    ("click-promo", "end", "شاهد الفيديو عبر الرابط التالي"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضاً | الحكومة تقر زيادة الرواتب"),
    ("read-also", "middle", "**إقرأ أيضا:** ارتفاع أسعار النفط"),
    ("read-also", "middle", "شاهد أيضاً: لحظة سقوط الطائرة"),
    ("read-also", "end", "مقالات ذات صلة"),
    ("read-also", "middle", "À lire également : la réforme du code de la famille"),
    ("read-also", "middle", "يهمك أيضاً: أسعار الذهب اليوم في مصر"),
    # --- follow us
    ("follow-us", "end", "تابعونا عبر حسابنا على إنستغرام"),
    ("follow-us", "end", "تابعوا صفحتنا على الفيسبوك ليصلكم كل جديد"),
    ("follow-us", "end", "Suivez-nous sur Facebook et Twitter"),
    ("follow-us", "end", "لمتابعة آخر الأخبار العاجلة اشتركوا في قناة الموقع على واتساب"),
    ("follow-us", "end", "تابعنا على جوجل نيوز"),
    # --- photo credits
    ("photo-credit", "middle", "الصورة: أرشيف"),
    ("photo-credit", "middle", "(صورة: فرانس برس)"),
    ("photo-credit", "middle", "Crédit photo : AFP"),
    ("photo-credit", "middle", "تصوير - محمد العلي"),
    ("photo-credit", "middle", "صورة من الأرشيف (رويترز)"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نُشرت هذه المقابلة أولاً في مجلة المجلة."),
    ("source-credit", "end", "المصدر: الجزيرة نت"),
    ("source-credit", "tail", "This article was originally published by The Conversation."),
    ("source-credit", "end", "نقلاً عن صحيفة الشرق الأوسط بتصرف"),
    ("source-credit", "tail", "والمقال مترجم عن موقع ميدل إيست آي."),
    ("source-credit", "end", "Source : Le Monde"),
    # --- news that looks like the classes (must be kept)
    (None, "end", "وأكد المحامي أن حقوق الملكية الفكرية للمصممين محفوظة بموجب الاتفاقية الدولية."),
    (None, "end", "يمنع القانون المصري نشر صور المتهمين دون إذن النيابة."),
    (None, "middle", "نشرت صحيفة الغارديان أولا تفاصيل الصفقة، ثم تبعتها وسائل إعلام أخرى."),
    (None, "end", "لم تتمكن الشرطة من التحقق من هوية المشتبه به حتى الآن."),
    (None, "end", "The ministry said it could not independently verify the casualty figures."),
    (None, "middle", "الصورة التي نشرها اللاعب على حسابه أثارت موجة من التعليقات."),
    (None, "end", "انتهى الاجتماع دون اتفاق، وفق ما أفاد مصدر مطلع."),
    (None, "end", "تابعت الحكومة عن كثب تطورات الأزمة على الحدود."),
    (None, "end", "انضم آلاف الشباب إلى حملة التطوع عبر منصات التواصل الاجتماعي."),
    (None, "middle", "اضغط هنا، يقول الإعلان المضلل، لتربح جائزة."),
    (None, "end", "وتعبر المقالات التي نشرها الكاتب الراحل عن رؤيته للمجتمع العراقي."),
    (None, "middle", "Photo of the suspect released by police shows a man in a red jacket."),
    (None, "end", "المصدر الرئيسي لدخل الأسر في الريف هو الزراعة."),
    (None, "end", "نقلاً عن شهود عيان، فإن الانفجار وقع قرب السوق."),
    (None, "end", "Read the full report on the ministry's website, the spokesman urged journalists."),
    (None, "end", "اقرأ كتابك المفضل يوميا، نصح الأطباء الأطفال."),
    (None, "middle", "مقالات الرأي في الصحف المحلية تعبر عن مواقف متباينة من الاتفاق."),
    (None, "end", "الفيديو المتداول على مواقع التواصل لم يتم التحقق منه، قالت وزارة الداخلية."),
    (None, "tail", "وقد نشرت الوزارة البيان أولا على موقعها الرسمي قبل أن تحذفه."),
    (None, "end", "تصوير الفيلم بدأ في مدينة مراكش الأسبوع الماضي."),
]

# Twelfth held-out set: written after the eleventh set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once (46 of 53, 1 of 20
# news removed at first); its misses then guided the next generalisation, so it is development
# data now.
HELD_OUT_12: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "جميع الحقوق محفوظة © 2025 صحيفة عكاظ"),
    ("copyright", "end", "**حقوق النشر محفوظة لوكالة الأنباء العراقية (واع)**"),
    ("copyright", "end", "Reproduction interdite sauf autorisation écrite de la rédaction."),
    ("copyright", "end", "يمنع الاقتباس أو إعادة النشر إلا بإذن مكتوب من إدارة التحرير"),
    ("copyright", "end", "الحقوق كافة محفوظة لـ«المدى» 2024"),
    ("copyright", "end", "Copyright 2025 Arab News. All Rights Reserved."),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقالات المنشورة في زاوية «آراء» تعبّر عن رأي كتّابها ولا تمثّل بالضرورة رأي «النهار»"),
    ("opinion-disclaimer", "end", "**ما يرد في هذا المقال يعبر عن وجهة نظر الكاتب ولا يعكس بالضرورة موقف عربي21**"),
    ("opinion-disclaimer", "end", "The views expressed by the author do not necessarily reflect those of Gulf News."),
    ("opinion-disclaimer", "end", "Cette tribune n'engage que son signataire."),
    ("opinion-disclaimer", "end", "الآراء الواردة في المقالات تمثل أصحابها ولا تمثل رأي الصحيفة بالضرورة"),
    ("opinion-disclaimer", "end", "هيئة التحرير غير مسؤولة عن محتوى مقالات الرأي"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم يتسنَّ لـ«سكاي نيوز عربية» التحقق من صحة الفيديو بشكل مستقل."),
    ("verification-disclaimer", "end", "ولم يتمكن موقع «الحرة» من التأكد بشكل مستقل من صحة المقطع المتداول على تويتر."),
    ("verification-disclaimer", "end", "لا تتحمل «بغداد اليوم» مسؤولية دقة الصور المنشورة على مواقع التواصل"),
    ("verification-disclaimer", "end", "Middle East Eye could not independently verify the video, which was shared widely on X."),
    ("verification-disclaimer", "end", "France 24 n'a pas pu authentifier ces vidéos diffusées sur les réseaux sociaux."),
    ("verification-disclaimer", "end", "ملاحظة: الصور المتداولة على منصات التواصل الاجتماعي لم يتسنَّ التحقق منها من مصدر مستقل"),
    # --- agency end markers
    ("agency-end", "tail", "(انتهى) أ.ع/ح.م"),
    ("agency-end", "end", "/انتهى/ ع.س"),
    ("agency-end", "tail", "-انتهى- ن ج/ ع ا"),
    ("agency-end", "end", "ـ انتهى ـ ك.ح"),
    ("agency-end", "end", "(النهاية) ي ب / ع ك"),
    ("agency-end", "end", "وام/ سامي عبد الرؤوف/ أحمد البوتلي"),
    # --- click-here promos
    ("click-promo", "end", "للاطلاع على التفاصيل كاملة اضغط هنا"),
    ("click-promo", "end", "**شاهد الفيديو.. اضغط هنا**"),
    ("click-promo", "middle", "لتحميل العدد الجديد بصيغة PDF انقر على الرابط"),
    ("click-promo", "middle", "Cliquez sur l'image pour l'agrandir"),
    ("click-promo", "end", "Tap here to watch the full interview"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضًا >> أسعار الدولار اليوم في السوق السوداء"),
    ("read-also", "middle", "ذات صلة: الحكومة العراقية تقر الموازنة"),
    ("read-also", "middle", "Lire aussi | Le Maroc lance un nouveau programme de logement"),
    ("read-also", "middle", "**طالع أيضًا:** البرلمان يناقش قانون الإيجارات"),
    ("read-also", "middle", "اقرأ أيضا على الخليج 365: ارتفاع أسعار العقارات في دبي"),
    ("read-also", "middle", "Also read: Saudi Arabia unveils new tourism visa"),
    # --- follow us
    ("follow-us", "end", "تابعوا «العربية.نت» على تطبيق واتساب"),
    ("follow-us", "end", "للاطلاع على آخر الأخبار تابعونا على منصة إكس"),
    ("follow-us", "end", "Suivez toute l'actualité sur notre chaîne WhatsApp"),
    ("follow-us", "end", "اشترك في قناة «اليوم السابع» على يوتيوب"),
    ("follow-us", "end", "Follow The National on Instagram for the latest news"),
    ("follow-us", "end", "انضموا إلى مجموعتنا على تلغرام"),
    # --- photo credits
    ("photo-credit", "middle", "(الصورة: أ ف ب)"),
    ("photo-credit", "middle", "Photo : MAP"),
    ("photo-credit", "middle", "الصورة من أرشيف الوكالة"),
    ("photo-credit", "middle", "عدسة: علي حسين"),
    ("photo-credit", "middle", "صورة أرشيفية - رويترز"),
    ("photo-credit", "middle", "Photo by Fayez Nureldine/AFP via Getty Images"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نُشر هذا المقال في الأصل باللغة الإنجليزية على موقع فورين أفيرز."),
    ("source-credit", "end", "المصدر: وكالة الأنباء السعودية (واس)"),
    ("source-credit", "tail", "This article first appeared on The Conversation."),
    ("source-credit", "end", "نقلا عن «العربي الجديد»"),
    ("source-credit", "tail", "وقد نشرت هذه المادة أولاً على موقع رصيف 22."),
    ("source-credit", "end", "(ترجمة خاصة عن صحيفة لوموند الفرنسية)"),
    # --- news that looks like the classes (must be kept)
    (None, "end", "يسمح القانون بنقل الأخبار مع ذكر المصدر، بحسب نقابة الصحفيين."),
    (None, "end", "وقال رئيس تحرير الصحيفة إن الآراء الواردة في مقالات الرأي لا تعبر بالضرورة عن الخط التحريري."),
    (None, "end", "شركة ميتا غير مسؤولة عن المحتوى الذي ينشره المستخدمون، وفق حكم المحكمة."),
    (None, "end", "الهيئة لا تتحقق من صحة الشهادات المقدمة إلكترونيا إلا بعد مراجعتها."),
    (None, "tail", "وقال المدرب إن كل شيء انتهى."),
    (None, "end", "انتهى عهد الانقلابات في البلاد، كما قال الرئيس في خطابه."),
    (None, "end", "Des messages « cliquez ici pour recevoir votre aide » circulent sur WhatsApp, prévient la police."),
    (None, "middle", "Suivez le guide : notre sélection des meilleures plages du Maroc"),
    (None, "middle", "صور الأقمار الصناعية تظهر حجم الدمار في الموصل."),
    (None, "end", "تابعوا معي هذه القصة، قال الراوي في افتتاح الحلقة."),
    (None, "end", "نقلا عن مسؤول في الوزارة، فإن القرار سيدخل حيز التنفيذ الشهر المقبل."),
    (None, "middle", "المصدر المفتوح أصبح خيارا رئيسيا للشركات الناشئة في الخليج."),
    (None, "end", "اقرأ التعليمات بعناية قبل تعبئة الاستمارة، تنصح الوزارة المتقدمين."),
    (None, "end", "Read also the minister's full statement, which was published on Monday."),
    (None, "end", "شاهد أيضا آلاف المتفرجين المباراة عبر الشاشات العملاقة في الساحات."),
    (None, "end", "حقوق النشر محفوظة للمؤلف بموجب العقد الموقع مع دار النشر."),
    (None, "tail", "تم نشر التقرير أولا على موقع الوزارة ثم حذف بعد ساعات."),
    (None, "middle", "وكالة الأنباء الفرنسية أ ف ب افتتحت مكتبا جديدا في بغداد."),
    (None, "end", "اشتركوا في حملة التبرع بالدم التي أطلقتها وزارة الصحة، دعت الوزارة المواطنين."),
    (None, "end", "جميع الحقوق محفوظة للشعب الفلسطيني في أرضه، قال المتحدث."),
]

# Every case the class rules were written or generalised against (the earlier held-out sets
# included, each once its misses had guided the work): docs/boilerplate-eval.md's
# development table.
DEVELOPMENT: list[BoilerplateCase] = [*CASES, *HELD_OUT, *HELD_OUT_2, *HELD_OUT_3, *HELD_OUT_4, *HELD_OUT_5, *HELD_OUT_6,
                                      *HELD_OUT_7, *HELD_OUT_8, *HELD_OUT_9, *HELD_OUT_10, *HELD_OUT_11, *HELD_OUT_12]

# Thirteenth held-out set: written after the twelfth set's misses had guided a generalisation of
# their classes, committed on its own before it was ever run, and run once; never changed
# after: the estimate for sites nobody has seen (docs/boilerplate-eval.md).
HELD_OUT_13: list[BoilerplateCase] = [
    # --- copyright
    ("copyright", "end", "© جميع الحقوق محفوظة لموقع هسبريس 2025"),
    ("copyright", "end", "**كافة الحقوق محفوظة لصحيفة الأيام البحرينية**"),
    ("copyright", "end", "جميع حقوق النشر محفوظة للمصري اليوم، ولا يجوز إعادة النشر دون إذن."),
    ("copyright", "end", "© 2025 Le360 – Tous droits de reproduction réservés"),
    ("copyright", "end", "Copyright © Kuwait Times. All rights reserved."),
    ("copyright", "end", "لا يجوز نقل أو اقتباس أي مادة من هذا الموقع إلا بموافقة خطية من الإدارة"),
    # --- opinion disclaimers
    ("opinion-disclaimer", "end", "المقالات المنشورة تعبّر عن آراء كتّابها ولا تعبّر بالضرورة عن رأي «القدس العربي»"),
    ("opinion-disclaimer", "end", "*هذا المقال يعبر عن رأي الكاتب فقط*"),
    ("opinion-disclaimer", "end", "Les propos tenus dans cette chronique n'engagent que leur auteur."),
    ("opinion-disclaimer", "end", "Opinions expressed in this article are those of the writer and do not reflect the policy of Asharq Al-Awsat."),
    ("opinion-disclaimer", "end", "الآراء الواردة في هذه الزاوية لا تعبّر بالضرورة عن توجهات الموقع"),
    ("opinion-disclaimer", "end", "إدارة الموقع لا تتبنى بالضرورة ما يكتبه كتّاب الرأي"),
    # --- verification disclaimers
    ("verification-disclaimer", "end", "لم يتسنَّ لـ«عربي بوست» التحقق من صحة هذه المقاطع المتداولة على مواقع التواصل الاجتماعي."),
    ("verification-disclaimer", "end", "ولم يتمكن «العربي الجديد» من التحقق بشكل مستقل من صحة الصور."),
    ("verification-disclaimer", "end", "Reuters could not immediately verify the authenticity of the video circulating on social media."),
    ("verification-disclaimer", "end", "تنويه: لا يمكننا التأكد من صحة المقطع المنتشر على منصة تيك توك"),
    ("verification-disclaimer", "end", "L'AFP n'a pas été en mesure de vérifier de façon indépendante ces images."),
    ("verification-disclaimer", "end", "The National was unable to independently verify the footage posted on Telegram."),
    # --- agency end markers
    ("agency-end", "end", "(انتهى) ن.ع"),
    ("agency-end", "tail", "-انتهى- م ع/ ح س"),
    ("agency-end", "end", "/انتهى/ س.ج/ م.ع"),
    ("agency-end", "end", "[انتهى] خ.ا"),
    ("agency-end", "tail", "(النهاية) ف.ع"),
    ("agency-end", "end", "بنا/ ع ع / س ح"),
    # --- click-here promos
    ("click-promo", "end", "لمتابعة البث المباشر للمباراة انقر هنا"),
    ("click-promo", "end", "**اضغط هنا للاشتراك في النشرة البريدية**"),
    ("click-promo", "middle", "Click here for the full story"),
    ("click-promo", "end", "Pour télécharger l'application, cliquez sur ce lien"),
    ("click-promo", "end", "حمّلوا تطبيقنا من هنا"),
    ("click-promo", "end", "للاطلاع على النتائج الكاملة اضغط على الرابط"),
    # --- read also
    ("read-also", "middle", "اقرأ أيضاً: وزير الخارجية يصل إلى عمّان في زيارة رسمية"),
    ("read-also", "middle", "**إقرأ أيضا..** تراجع أسعار الذهب في الأسواق المحلية"),
    ("read-also", "middle", "À lire aussi : Casablanca accueille le salon de l'automobile"),
    ("read-also", "middle", "Read more: UAE announces new Golden Visa rules"),
    ("read-also", "middle", "مواضيع قد تهمك:"),
    ("read-also", "middle", "شاهد أيضاً| لحظة وصول المنتخب إلى المطار"),
    # --- follow us
    ("follow-us", "end", "تابعونا على قناة «الشروق» في تليجرام"),
    ("follow-us", "end", "لمزيد من الأخبار تابعوا صفحتنا على فيسبوك"),
    ("follow-us", "end", "Follow us on X @gulf_news"),
    ("follow-us", "end", "Suivez-nous sur Instagram et TikTok"),
    ("follow-us", "end", "اشتركوا في نشرتنا البريدية لتصلكم آخر الأخبار"),
    ("follow-us", "end", "انضم إلى قناتنا على واتساب"),
    # --- photo credits
    ("photo-credit", "middle", "(تصوير: محمد الشامي)"),
    ("photo-credit", "middle", "الصورة: وكالة الأنباء القطرية"),
    ("photo-credit", "middle", "Photo credit: WAM"),
    ("photo-credit", "middle", "صورة أرشيفية (أ ف ب)"),
    ("photo-credit", "middle", "© REUTERS/Mohammed Salem"),
    ("photo-credit", "middle", "Crédit photo / MAP"),
    # --- source credits (trailing)
    ("source-credit", "tail", "نُشر هذا التقرير أولاً على موقع ميدل إيست آي."),
    ("source-credit", "end", "المصدر: الجزيرة نت"),
    ("source-credit", "tail", "This article was originally published by The Guardian."),
    ("source-credit", "end", "نقلا عن صحيفة الشرق الأوسط"),
    ("source-credit", "tail", "والمقال مترجم عن مجلة الإيكونوميست البريطانية."),
    ("source-credit", "end", "Source : Hespress"),
    # --- news that looks like the classes (must be kept)
    (None, "middle", "الصحيفة نشرت تحقيقا عن أسرة التحرير السابقة وخلافاتها مع المالك."),
    (None, "end", "لم تتمكن المحكمة من التحقق من صحة الفيديوهات المنشورة على مواقع التواصل، وفق محامي الدفاع."),
    (None, "end", "The court could not authenticate the videos shared on social media, the judge said."),
    (None, "middle", "هيئة التحرير قررت وقف نشر مقالات الرأي مؤقتا خلال الانتخابات."),
    (None, "end", "ترجمة الرواية عن الفرنسية استغرقت ثلاث سنوات."),
    (None, "middle", "وكالة وام نقلت عن الرئيس قوله إن الاتفاق تاريخي."),
    (None, "end", "If you click the link in the message, your bank details are stolen, police warned."),
    (None, "end", "الناشطون طالبوا المتابعين بالانضمام إلى قناة المعارضة على تلغرام."),
    (None, "end", "يمنع القانون نسخ البرامج دون ترخيص من الشركة المالكة."),
    (None, "end", "Tous droits réservés, a rappelé l'avocat de l'éditeur devant le tribunal."),
    (None, "end", "انتهى الاجتماع دون اتفاق بين الطرفين."),
    (None, "middle", "المصدر المسؤول في الوزارة رفض الكشف عن اسمه."),
    (None, "end", "نقلا عن شهود عيان، فإن الانفجار وقع قرب السوق."),
    (None, "end", "اقرأ الشروط جيدا قبل التوقيع على العقد، ينصح الخبراء."),
    (None, "end", "Voir aussi les recommandations publiées par l'OMS, conseille le ministère."),
    (None, "end", "تابع الوزير على تويتر تطورات الحادث لحظة بلحظة."),
    (None, "middle", "الصورة التي نشرها الجيش على فيسبوك أثارت جدلا واسعا."),
    (None, "end", "The views expressed by the minister do not reflect those of the government, a spokesman said."),
    (None, "end", "لا تتحمل الحكومة مسؤولية دقة الأرقام المتداولة على مواقع التواصل، قال الوزير."),
    (None, "end", "وام/ أعلنت وزارة الطاقة اليوم إطلاق مشروع جديد للطاقة الشمسية في أبوظبي."),
    (None, "middle", "تصوير المسلسل انطلق في بيروت أمس."),
]
