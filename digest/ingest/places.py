"""Place names (countries, capitals and large cities, in Arabic and English) for telling a
dateline from a lead that pairs two places («واشنطن - موسكو: توتر ...»).

A dateline names one place and one source (agency, paper or writer); two or more parts that
are all places are a relation between them, as headlines write it, not a byline. The list is
a general gazetteer, not taken from any one article: a place missing from it only means such
a lead may still read as a dateline (as before), never that a byline is missed."""
from __future__ import annotations

from ..text.arabic import normalize_identity

_PLACES_TEXT = """
مصر القاهرة الإسكندرية السعودية الرياض جدة مكة المدينة الإمارات أبوظبي أبو_ظبي دبي الشارقة قطر الدوحة الكويت البحرين
المنامة عمان مسقط سلطنة_عمان عمّان الأردن اليمن صنعاء عدن العراق بغداد البصرة أربيل الموصل سوريا سورية دمشق حلب لبنان
بيروت فلسطين القدس غزة رام_الله إسرائيل تل_أبيب ليبيا طرابلس بنغازي تونس الجزائر المغرب الرباط الدار_البيضاء موريتانيا
نواكشوط السودان الخرطوم الصومال مقديشو جيبوتي إريتريا أسمرة إثيوبيا أديس_أبابا إيران طهران تركيا أنقرة إسطنبول
أفغانستان كابول باكستان إسلام_آباد الهند نيودلهي الصين بكين اليابان طوكيو كوريا سيول بيونغ_يانغ روسيا موسكو أوكرانيا
كييف كييف بيلاروسيا مينسك أمريكا الولايات_المتحدة واشنطن نيويورك كندا أوتاوا المكسيك البرازيل الأرجنتين فرنسا باريس
ألمانيا برلين بريطانيا لندن المملكة_المتحدة إيطاليا روما إسبانيا مدريد بلجيكا بروكسل هولندا أمستردام لاهاي سويسرا
جنيف النمسا فيينا اليونان أثينا بولندا وارسو السويد ستوكهولم النرويج أوسلو الدنمارك كوبنهاغن قبرص نيقوسيا أرمينيا
أذربيجان باكو جورجيا تبليسي إندونيسيا جاكرتا ماليزيا كوالالمبور أستراليا نيجيريا أبوجا كينيا نيروبي جنوب_أفريقيا
egypt cairo saudi riyadh uae dubai qatar doha kuwait bahrain oman muscat amman jordan yemen sanaa iraq baghdad syria
damascus lebanon beirut palestine jerusalem gaza israel libya tripoli tunisia tunis algeria algiers morocco rabat sudan
khartoum iran tehran turkey ankara istanbul russia moscow ukraine kyiv kiev china beijing japan tokyo washington
new_york london paris berlin rome madrid brussels geneva vienna
"""
PLACES: frozenset[str] = frozenset(normalize_identity(w.replace("_", " ")) for w in _PLACES_TEXT.split())


def is_place(part: str) -> bool:
    """Is this byline part (one to four words) a known place name?"""
    return normalize_identity(part.strip()) in PLACES
