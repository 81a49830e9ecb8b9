"""Per-language inflection data for matching and enforcing names.

Everything a language does to a name is written here as data; the engines in
:mod:`translator.glossary.morphology` read it and never test for a language.

Russian and English are *table* languages: a word's ending picks a paradigm
(a table of endings, each with the grammatical features it expresses).
Kazakh is an *agglutinative* language: suffixes stack in slots (derivation,
plural, possessive, case), each suffix has allomorphs chosen by the sound
class of what precedes it (consonant assimilation) and by the last vowel
(vowel harmony: back or front).

Feature names: Russian cases ``nom gen dat acc ins loc`` (``pl.`` for the
plural, ``f.`` for feminine forms of surnames); Kazakh slot tags ``DER PL
POSS3 POSS1PL GEN DAT ACC LOC ABL INS LOCATTR``; English ``base poss``.
"""

from __future__ import annotations

ALL_RU = ("nom", "gen", "dat", "acc", "ins", "loc")

# --------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------

#: paradigm -> (ending of the base form, {ending: features}); the first ending
#: listed for a feature is the one generation writes.
RU_PARADIGMS: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {
    "indecl": ("", {"": ALL_RU}),
    "hard": ("", {
        "": ("nom", "acc"), "а": ("gen",), "у": ("dat",), "ом": ("ins",), "ем": ("ins",),
        "е": ("loc",), "ы": ("pl.nom", "pl.acc"), "и": ("pl.nom", "pl.acc"), "ов": ("pl.gen",),
        "ам": ("pl.dat",), "ами": ("pl.ins",), "ах": ("pl.loc",),
    }),
    "hard_anim": ("", {
        "": ("nom",), "а": ("gen", "acc"), "у": ("dat",), "ом": ("ins",), "ем": ("ins",),
        "е": ("loc",), "ы": ("pl.nom",), "и": ("pl.nom",), "ов": ("pl.gen", "pl.acc"),
        "ам": ("pl.dat",), "ами": ("pl.ins",), "ах": ("pl.loc",),
    }),
    "surname_m": ("", {
        "": ("nom",), "а": ("gen", "acc", "f.nom"), "у": ("dat", "f.acc"), "ым": ("ins",),
        "ом": ("ins",), "е": ("loc",), "ой": ("f.gen", "f.dat", "f.ins", "f.loc"), "ы": ("pl.nom",),
        "ых": ("pl.gen", "pl.acc", "pl.loc"), "ыми": ("pl.ins",),
    }),
    "surname_f": ("а", {
        "а": ("nom", "f.nom"), "ой": ("gen", "dat", "ins", "loc"), "у": ("acc",), "ою": ("ins",),
    }),
    "a_noun": ("а", {
        "а": ("nom",), "ы": ("gen",), "и": ("gen",), "е": ("dat", "loc"), "у": ("acc",),
        "ой": ("ins",), "ою": ("ins",), "ей": ("ins",),
    }),
    "ya_noun": ("я", {"я": ("nom",), "и": ("gen",), "е": ("dat", "loc"), "ю": ("acc",),
                      "ей": ("ins",), "ею": ("ins",)}),
    "iya_noun": ("я", {"я": ("nom",), "и": ("gen", "dat", "loc"), "ю": ("acc",), "ей": ("ins",)}),
    "soft": ("ь", {
        "ь": ("nom", "acc"), "и": ("gen", "dat", "loc"), "ью": ("ins",), "я": ("gen",),
        "ю": ("dat",), "ем": ("ins",), "е": ("loc",), "ей": ("pl.gen",), "ям": ("pl.dat",),
        "ями": ("pl.ins",), "ях": ("pl.loc",),
    }),
    "short_i": ("й", {"й": ("nom", "acc"), "я": ("gen",), "ю": ("dat",), "ем": ("ins",),
                      "е": ("loc",), "и": ("pl.nom",), "ев": ("pl.gen",)}),
    "e_neut": ("е", {"е": ("nom", "acc", "loc"), "я": ("gen",), "ю": ("dat",), "ем": ("ins",)}),
    "o_neut": ("о", {"о": ("nom", "acc"), "а": ("gen",), "у": ("dat",), "ом": ("ins",),
                     "е": ("loc",)}),
    "adj_yj": ("ый", {"ый": ("nom", "acc"), "ого": ("gen",), "ому": ("dat",),
                      "ым": ("ins", "pl.dat"), "ом": ("loc",), "ые": ("pl.nom",),
                      "ых": ("pl.gen", "pl.loc"), "ыми": ("pl.ins",)}),
    "adj_ij": ("ий", {"ий": ("nom", "acc"), "ого": ("gen",), "его": ("gen",), "ому": ("dat",),
                      "ему": ("dat",), "им": ("ins", "pl.dat"), "ом": ("loc",), "ем": ("loc",),
                      "ие": ("pl.nom",), "их": ("pl.gen", "pl.loc"), "ими": ("pl.ins",)}),
    "adj_oj": ("ой", {"ой": ("nom", "acc"), "ого": ("gen",), "ому": ("dat",), "ым": ("ins",),
                      "им": ("ins",), "ом": ("loc",), "ые": ("pl.nom",), "ие": ("pl.nom",),
                      "ых": ("pl.gen",), "их": ("pl.gen",)}),
    "adj_f": ("ая", {"ая": ("nom",), "ой": ("gen", "dat", "ins", "loc"), "ую": ("acc",),
                     "ою": ("ins",), "ые": ("pl.nom",), "ие": ("pl.nom",), "ых": ("pl.gen", "pl.loc"),
                     "их": ("pl.gen", "pl.loc"), "ым": ("pl.dat",), "им": ("pl.dat",),
                     "ыми": ("pl.ins",), "ими": ("pl.ins",)}),
    "adj_f_soft": ("яя", {"яя": ("nom",), "ей": ("gen", "dat", "ins", "loc"), "юю": ("acc",),
                          "ею": ("ins",), "ие": ("pl.nom",), "их": ("pl.gen",)}),
    "adj_n": ("ое", {"ое": ("nom", "acc"), "ого": ("gen",), "ому": ("dat",), "ым": ("ins",),
                     "им": ("ins",), "ом": ("loc",)}),
}

#: (ending of the base form, paradigm, where): the first rule that fits wins.
#: ``where``: ``attr`` = only an adjective before a noun in a name,
#: ``person`` = only in a person's name, ``any`` = anywhere.
RU_RULES: tuple[tuple[str, str, str], ...] = (
    ("ый", "adj_yj", "attr"), ("ий", "adj_ij", "attr"), ("ой", "adj_oj", "attr"),
    ("ая", "adj_f", "attr"), ("яя", "adj_f_soft", "attr"), ("ое", "adj_n", "attr"),
    ("ский", "adj_ij", "person"), ("цкий", "adj_ij", "person"), ("ская", "adj_f", "person"),
    ("ова", "surname_f", "person"), ("ева", "surname_f", "person"), ("ёва", "surname_f", "person"),
    ("ина", "surname_f", "person"), ("ына", "surname_f", "person"),
    ("ов", "surname_m", "person"), ("ев", "surname_m", "person"), ("ёв", "surname_m", "person"),
    ("ин", "surname_m", "person"), ("ын", "surname_m", "person"),
    ("ство", "o_neut", "any"), ("оре", "e_neut", "any"), ("оле", "e_neut", "any"), ("ия", "iya_noun", "any"), ("я", "ya_noun", "any"),
    ("а", "a_noun", "any"), ("ь", "soft", "any"), ("й", "short_i", "any"),
    ("о", "indecl", "any"), ("е", "indecl", "any"), ("и", "indecl", "any"), ("ы", "indecl", "any"),
    ("у", "indecl", "any"), ("ю", "indecl", "any"), ("э", "indecl", "any"),
)
#: Paradigms used instead in a person's name (the accusative of a person is the genitive).
RU_ANIMATE = {"hard": "hard_anim"}
#: Letters after which a word of no other rule declines as a hard noun.
RU_CONSONANTS = "бвгджзклмнпрстфхцчшщ"
#: Spelling at the joint of stem and ending: (stem ends in, ending starts with, write instead).
RU_SPELLING: tuple[tuple[str, str, str], ...] = (
    ("кгхжшчщ", "ы", "и"),
    ("жшчщц", "ом", "ем"),
)

# --------------------------------------------------------------------------
# Kazakh
# --------------------------------------------------------------------------

KK_BACK_VOWELS = "аоұыяё" + "aouı"
KK_FRONT_VOWELS = "әеөүіэию" + "eiöü"
#: Vowels that do not decide harmony when another vowel is there (у = w, и = ій).
KK_NEUTRAL_VOWELS = "уи"

#: Russian surname endings that do not take part in harmony: the root decides
#: (``Тоқаев`` + ``қа``, ``Назарбаев`` + ``тың``, as Kazakh writes them).
KK_HARMONY_TRANSPARENT = ("ев", "ов", "ёв", "ева", "ова", "ёва")

#: Sound class of a stem's last letter: V vowel, R р й у, L л, Z з ж, N м н ң,
#: K voiceless (and б в г ғ д, which are devoiced at the end of a word).
KK_CLASSES: dict[str, str] = {}
for _ch in "аәеёоөұүыіэюя" + "aeiouöüı":
    KK_CLASSES[_ch] = "V"
for _ch in "рйуи" + "rwy":
    KK_CLASSES[_ch] = "R"
for _ch in "л" + "l":
    KK_CLASSES[_ch] = "L"
for _ch in "зж" + "zj":
    KK_CLASSES[_ch] = "Z"
for _ch in "мнң" + "mn":
    KK_CLASSES[_ch] = "N"
KK_DEFAULT_CLASS = "K"

#: tag -> {class: (back form, front form)}; ``*`` is any other class; ``P`` is
#: the class after a 3rd-person possessive (``облысы`` + ``на``).
KK_MORPHEMES: dict[str, dict[str, tuple[str, str]]] = {
    "DER": {"V": ("лық", "лік"), "R": ("лық", "лік"), "*": ("дық", "дік"), "K": ("тық", "тік")},
    "PL": {"V": ("лар", "лер"), "R": ("лар", "лер"), "*": ("дар", "дер"), "K": ("тар", "тер")},
    "POSS3": {"V": ("сы", "сі"), "*": ("ы", "і")},
    "POSS1PL": {"V": ("мыз", "міз"), "*": ("ымыз", "іміз")},
    "GEN": {"V": ("ның", "нің"), "N": ("ның", "нің"), "P": ("ның", "нің"), "*": ("дың", "дің"),
            "K": ("тың", "тің")},
    "DAT": {"K": ("қа", "ке"), "P": ("на", "не"), "*": ("ға", "ге")},
    "ACC": {"V": ("ны", "ні"), "P": ("н", "н"), "K": ("ты", "ті"), "*": ("ды", "ді")},
    "LOC": {"K": ("та", "те"), "P": ("нда", "нде"), "*": ("да", "де")},
    "ABL": {"N": ("нан", "нен"), "P": ("нан", "нен"), "K": ("тан", "тен"), "*": ("дан", "ден")},
    "INS": {"Z": ("бен", "бен"), "K": ("пен", "пен"), "*": ("мен", "мен")},
    "LOCATTR": {"K": ("тағы", "тегі"), "P": ("ндағы", "ндегі"), "*": ("дағы", "дегі")},
}
#: The order suffixes stack in; each slot is filled by at most one tag.
KK_SLOTS: tuple[tuple[str, ...], ...] = (
    ("DER",), ("PL",), ("POSS3", "POSS1PL"),
    ("GEN", "DAT", "ACC", "LOC", "ABL", "INS", "LOCATTR"),
)
#: Tags after which the next suffix is chosen as after a possessive.
KK_SETS_POSSESSIVE_CLASS = ("POSS3",)
#: An epenthetic vowel MT output sometimes puts before a case suffix
#: (``Усть-Каменогорскіде``): recognised, never written.
KK_LINK_VOWELS = ("ы", "і")
#: Suffixes may be joined with a hyphen (``ҚР-ның``, ``NeMolchi-дің``); they
#: must be after an abbreviation or a word in another script.
KK_SUFFIX_HYPHEN = True
KK_SCRIPT = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә"
#: Last words of multi-word names that already carry a 3rd-person possessive
#: (``Түркістан облысы``), with the bare noun under it. The noun's other forms
#: are then recognised too (``облыс-тық`` "regional", ``облыс-тары-нда`` "in the
#: regions"). An empty noun keeps the possessive in the stem, for stems that
#: alternate (``министрлік`` / ``министрлігі``): only case suffixes follow.
KK_POSSESSIVE_HEADS: dict[str, str] = {
    "облысы": "облыс", "ауданы": "аудан", "қаласы": "қала", "соты": "сот",
    "комитеті": "комитет", "банкі": "банк", "қоры": "қор", "кеңсесі": "кеңсе",
    "университеті": "университет", "палатасы": "палата", "комиссиясы": "комиссия",
    "республикасы": "республика", "кеңесі": "кеңес", "мәслихаты": "мәслихат",
    "жиналысы": "жиналыс", "құрылтайы": "құрылтай", "партиясы": "партия",
    "компаниясы": "компания", "қызметі": "қызмет", "ұйымы": "ұйым", "жолы": "жол",
    "штаттары": "штаттар", "федерациясы": "федерация", "орталығы": "орталық",
    "әмірліктері": "әмірліктер", "теңізі": "теңіз",
    "әкімдігі": "әкімдік", "агенттігі": "агенттік", "министрлігі": "министрлік",
}
#: Loanwords whose suffixes are front although their vowel is back (банкі, банкте).
KK_HARMONY_EXCEPTIONS: dict[str, str] = {"банк": "front"}
#: Tags that only say how a possessive head is built; not carried between terms.
KK_STRUCTURAL_TAGS = ("POSS3",)
#: Endings of other possessive heads: (ending, how much of it is the possessive).
KK_POSSESSIVE_HEAD_ENDINGS: tuple[tuple[str, int], ...] = (
    ("лігі", 1), ("лығы", 1), ("тігі", 1), ("тығы", 1), ("дігі", 1), ("дығы", 1), ("ясы", 2),
)
#: A final voiceless consonant of these endings is voiced before a vowel
#: (``әкімдік`` + ``і`` = ``әкімдігі``, ``министрлік`` + ``ке`` = ``министрлікке``).
KK_VOICING: dict[str, str] = {"к": "г", "қ": "ғ", "п": "б"}
KK_VOICING_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")

# --------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------

EN_PARADIGMS: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {
    "en": ("", {"": ("base",), "'s": ("poss",), "'": ("poss",), "s": ("pl",), "s'": ("pl.poss",)}),
    "indecl": ("", {"": ("base",)}),
}
EN_RULES: tuple[tuple[str, str, str], ...] = (("", "en", "any"),)

# --------------------------------------------------------------------------
# The language records
# --------------------------------------------------------------------------

#: ``engine``: ``table`` or ``agglutinative``. ``decline``: which words of a
#: multi-word name take endings: ``last`` (only the last word) or
#: ``phrase`` (adjectives and the head noun; every word of a person's name).
#: ``capital_types``: types whose names are written with a capital, so that
#: a lower-case word is not them (``оралды`` "returned" is not the city Орал).
#: ``copy_tail``: keep the text's own ending when the preferred form takes
#: the same one (an English ``’s`` stays curly).
LANGUAGE_DATA: dict[str, dict] = {
    "en": {"engine": "table", "paradigms": EN_PARADIGMS, "rules": EN_RULES,
           "decline": "last", "copy_tail": True, "consonants": "", "spelling": ()},
    "ru": {"engine": "table", "paradigms": RU_PARADIGMS, "rules": RU_RULES,
           "decline": "phrase", "copy_tail": False, "consonants": RU_CONSONANTS,
           "animate": RU_ANIMATE,
           "spelling": RU_SPELLING},
    "kk": {"engine": "agglutinative", "decline": "last", "copy_tail": False,
           "morphemes": KK_MORPHEMES, "slots": KK_SLOTS, "classes": KK_CLASSES,
           "default_class": KK_DEFAULT_CLASS, "back": KK_BACK_VOWELS,
           "front": KK_FRONT_VOWELS, "neutral": KK_NEUTRAL_VOWELS,
           "harmony_transparent": KK_HARMONY_TRANSPARENT,
           "possessive_tags": KK_SETS_POSSESSIVE_CLASS, "link_vowels": KK_LINK_VOWELS,
           "suffix_hyphen": KK_SUFFIX_HYPHEN, "script": KK_SCRIPT, "possessive_heads": KK_POSSESSIVE_HEADS,
           "possessive_head_endings": KK_POSSESSIVE_HEAD_ENDINGS,
           "harmony_exceptions": KK_HARMONY_EXCEPTIONS, "voicing": KK_VOICING,
           "voicing_endings": KK_VOICING_ENDINGS, "structural_tags": KK_STRUCTURAL_TAGS},
}
CAPITAL_TYPES = ("person", "place")

#: Features a paradigm accepts only to be tolerant (the feminine forms of a
#: masculine surname): a match that has nothing else loses a tie with a term
#: whose own form it is (``Назарбаевой`` is Назарбаева's).
SECONDARY_FEATURE_PREFIX = "f."

#: How a patronymic ends (with any case ending after it): ``Кемелевич``,
#: ``Кемелұлы``, ``Kemeluly``. One may stand between given names and surname.
PATRONYMIC_MARKERS: tuple[str, ...] = (
    "ович", "евич", "овн", "евн", "ична", "ұлы", "улы", "қызы", "кызы",
    "ovich", "evich", "ovna", "evna", "uly", "kyzy", "qyzy",
)

#: Words that coordinate names sharing one head noun: in ``в Алматинской,
#: Жамбылской и Восточно-Казахстанской областях`` each adjective is a region.
COORDINATORS: dict[str, tuple[str, ...]] = {
    "en": ("and", "or"),
    "ru": ("и", "или", "а", "также"),
    "kk": ("және", "мен", "бен", "пен", "немесе"),
}
