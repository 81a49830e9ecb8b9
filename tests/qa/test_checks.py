"""Each check with passing and failing pairs (sentences written for these tests)."""

from dataclasses import dataclass

import pytest

from translator.mt import pseudo_translate
from translator.qa import CHECKS, ERROR, WARNING, Finding, check_pair
from translator.qa.numbers import find_numbers

NBSP, NNBSP = "\u00a0", "\u202f"


def ids_of(findings, check):
    return [f for f in findings if f.check == check]


def run(check, source, target, sl="en", tl="ru", **kw):
    return [f for f in check_pair(source, target, sl, tl, **kw) if f.check == check]


# -- numbers -----------------------------------------------------------------------

NUMBERS_OK = [
    ("en", "ru", "About 7,000 people came to the square.", f"На площадь пришли около 7{NBSP}000 человек."),
    ("en", "ru", "About 7,000 people came to the square.", f"На площадь пришли около 7{NNBSP}000 человек."),
    ("en", "ru", "About 7,000 people came to the square.", "На площадь пришли около 7000 человек."),
    ("en", "kk", "Some 30 000 trees were planted in 2024.", "2024 жылы 30 000 ағаш отырғызылды."),
    ("en", "ru", "Output grew by 2.5 times.", "Выпуск вырос в 2,5 раза."),
    ("kk", "en", "Бағасы 1 234 567,89 теңге болды.", "The price was 1,234,567.89 tenge."),
    ("en", "ru", "The tenge traded at 520.4 per dollar on March 5.", "5 марта курс тенге составил 520,4 за доллар."),
    ("en", "ru", "See https://orda.kz/2024/05/a-123 for details.", "Подробнее: https://orda.kz/2024/05/a-123."),
    ("en", "ru", "Some 1,500 volunteers helped.", "Помогали около 1,5 тыс. волонтёров."),
    ("en", "kk", "The bridge cost 12.5 billion tenge.", "Көпір 12,5 млрд теңгеге түсті."),
    ("en", "ru", "The deal is worth $25m.", "Сделка оценивается в 25 млн долларов."),
    ("en", "ru", "A new 25m pool opened.", "Открылся новый 25-метровый бассейн."),
    ("ru", "en", "Выделено 3 000 000 тенге.", "Some 3 million tenge was allocated."),
]
NUMBERS_BAD = [
    ("en", "ru", "About 7,000 people came to the square.", "На площадь пришли около 7,000 человек.", "reads as 7"),
    ("en", "ru", "About 7,000 people came to the square.", "На площадь пришли около 700 человек.", "7,000"),
    ("en", "kk", "The budget is 2.5 billion tenge.", "Бюджет 25 миллиард теңге.", "2.5"),
    ("ru", "en", "Погибли 12 человек.", "Twelve people died, 3 were injured.", "12"),
    ("en", "ru", "Prices rose in March.", "Цены выросли в марте на 3%.", "not in the source"),
    ("en", "ru", "The bridge cost 12.5 billion tenge.", "Мост обошёлся в 12,5 млн тенге.", "check the scale word"),
]


@pytest.mark.parametrize(("sl", "tl", "source", "target"), NUMBERS_OK,
                         ids=["nbsp", "narrow-nbsp", "no-separator", "space-group-kk", "decimal-comma",
                              "kk-to-en-decimals", "rate-and-date", "numbers-inside-url-ignored",
                              "thousand-abbreviated", "billion-kk", "glued-million-after-sign", "metres-not-million",
                              "digits-to-million"])
def test_numbers_pass(sl, tl, source, target):
    assert run("numbers", source, target, sl, tl) == []


@pytest.mark.parametrize(("sl", "tl", "source", "target", "expected"), NUMBERS_BAD,
                         ids=["copied-en-grouping", "dropped-zero", "decimal-lost", "spelled-out", "added",
                              "billion-became-million"])
def test_numbers_fail(sl, tl, source, target, expected):
    found = run("numbers", source, target, sl, tl)
    assert found and all(f.severity == ERROR for f in found)
    assert any(expected in f.message for f in found), found


def test_copied_grouping_suggests_the_russian_form():
    [finding] = run("numbers", "About 7,000 people came.", "Пришли около 7,000 человек.")
    assert finding.message == f"number 7,000 of the source reads as 7 in ru; write 7{NBSP}000"


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("7,000 and 7 000 and 7000", "en", ["7000", "7000", "7000"]),
        (f"7{NBSP}000 и 7,5", "ru", ["7000", "7.5"]),
        ("7,000", "ru", ["7"]),
        ("aged 10 15-year-olds", "en", ["10", "15"]),
        ("2.500", "kk", ["2.5"]),
    ],
    ids=["en-forms", "ru-forms", "ru-comma-is-decimal", "space-needs-three-digits", "kk-dot-decimal"],
)
def test_number_reading(text, lang, values):
    assert [format(n.value.normalize(), "f") for n in find_numbers(text, lang)] == values


# -- percentages -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("sl", "tl", "source", "target"),
    [
        ("en", "ru", "Inflation slowed to 8.5% in May.", "В мае инфляция замедлилась до 8,5%."),
        ("en", "ru", "Inflation slowed to 8.5 percent in May.", "В мае инфляция замедлилась до 8,5 процента."),
        ("en", "kk", "Turnout was 61%.", "Сайлаушылардың 61 пайызы дауыс берді."),
        ("ru", "en", "Рост составил 4 %.", "Growth was 4 per cent."),
    ],
    ids=["sign", "ru-word", "kk-word", "spaced-sign-to-words"],
)
def test_percent_pass(sl, tl, source, target):
    assert run("percent", source, target, sl, tl) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Inflation slowed to 8.5% in May.", "В мае инфляция замедлилась до 8,5."),
        ("Turnout was 61 percent.", "Явка составила 61 человек."),
    ],
    ids=["sign-dropped", "word-dropped"],
)
def test_percent_fail(source, target):
    [finding] = run("percent", source, target)
    assert finding.severity == ERROR and "%" in finding.message


# -- currency ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sl", "tl", "source", "target"),
    [
        ("en", "ru", "A ticket costs €44.", "Билет стоит 44 евро."),
        ("en", "ru", "A ticket costs €44.", "Билет стоит €44."),
        ("en", "kk", "The loan is $1.2 billion.", "Несие 1,2 миллиард долларды құрайды."),
        ("ru", "en", "Штраф составит 300 000 тенге.", "The fine will be 300,000 tenge."),
        ("en", "kk", "Fees rose to 5,000 tenge.", "Алым 5 000 теңгеге дейін өсті."),
        ("en", "ru", "The euro fell against the dollar.", "Евро подешевел к доллару."),
    ],
    ids=["euro-word", "euro-sign", "dollar-inflected-kk", "tenge-to-en", "tenge-kk-suffix", "words-only"],
)
def test_currency_pass(sl, tl, source, target):
    assert run("currency", source, target, sl, tl) == []


@pytest.mark.parametrize(
    ("sl", "tl", "source", "target", "expected"),
    [
        ("en", "ru", "A ticket costs €44.", "Билет стоит 44 доллара.", "amount €44"),
        ("en", "kk", "The loan is $1.2 billion.", "Несие 1,2 миллиард теңгені құрайды.", "amount $1.2"),
        ("ru", "en", "Штраф 5 000 ₸.", "A fine of 5,000.", "amount 5 000 ₸"),
    ],
    ids=["euro-became-dollar", "dollar-became-tenge", "tenge-dropped"],
)
def test_currency_fail(sl, tl, source, target, expected):
    [finding] = run("currency", source, target, sl, tl)
    assert finding.severity == ERROR and finding.message.startswith(expected), finding


# -- verbatim tokens --------------------------------------------------------------

@pytest.mark.parametrize(
    ("check", "source", "target"),
    [
        ("hashtag", "The campaign #NeMolchiKZ grew.", "Кампания #NeMolchiKZ выросла."),
        ("url", "Read more at https://www.gov.kz/memleket/entities/a?lang=en.",
         "Подробнее на https://www.gov.kz/memleket/entities/a?lang=en."),
        ("url", "Photos (www.example.kz/photos) were published.", "Фото (www.example.kz/photos) опубликованы."),
        ("url", "See https://example.kz/a_(b).", "См. «https://example.kz/a_(b)»."),
        ("url", "See [the plan](https://example.kz/plan).", "⟦ru: Сее [тхе план](https://example.kz/plan).⟧"),
        ("email", "Write to press@akorda.kz today.", "Пишите на press@akorda.kz сегодня."),
        ("mention", "Follow @kazinform for updates.", "Следите за @kazinform."),
        ("hashtag", "He was ranked #1 in Asia.", "Он занял первое место в Азии."),
    ],
    ids=["hashtag", "url-with-query", "url-in-brackets", "url-with-brackets-in-quotes", "url-before-closing-marks",
         "email", "mention", "rank-is-not-a-hashtag"],
)
def test_verbatim_pass(check, source, target):
    assert run(check, source, target) == []


@pytest.mark.parametrize(
    ("check", "source", "target", "item"),
    [
        ("hashtag", "The campaign #NeMolchiKZ grew.", "Кампания #НеМолчиKZ выросла.", "#NeMolchiKZ"),
        ("hashtag", "The campaign #NeMolchiKZ grew.", "Кампания #nemolchikz выросла.", "#NeMolchiKZ"),
        ("hashtag", "The campaign #NeMolchi grew.", "Кампания #NeMolchiKZ выросла.", "#NeMolchi"),
        ("url", "Read more at https://orda.kz/news/123.", "Подробнее на https://orda.kz/новости/123.",
         "https://orda.kz/news/123"),
        ("email", "Write to press@akorda.kz today.", "Пишите на пресс-службу сегодня.", "press@akorda.kz"),
        ("mention", "Follow @kazinform for updates.", "Следите за Казинформом.", "@kazinform"),
    ],
    ids=["hashtag-transliterated", "hashtag-case", "hashtag-extended", "url-translated", "email-dropped", "mention-dropped"],
)
def test_verbatim_fail(check, source, target, item):
    [finding] = run(check, source, target)
    assert finding.severity == ERROR and item in finding.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("**Toqayev** met [farmers](/news/12) in *Oskemen*.",
         "**Токаев** встретился с [фермерами](/news/12) в *Усть-Каменогорске*."),
        ("Press <b>here</b> to vote.", "Нажмите <b>здесь</b>, чтобы проголосовать."),
        ("Tickets cost 5 * 3 = 15 euros.", "Билеты стоят 5 * 3 = 15 евро."),
        ("Follow @kaz_news and #big_day.", "Следите за @kaz_news и #big_day."),
    ],
    ids=["markdown", "html", "arithmetic-star", "underscores-in-tokens"],
)
def test_markup_and_links_pass(source, target):
    assert run("markup", source, target) == [] and run("link", source, target) == []


def test_markdown_link_target_changed():
    [finding] = run("link", "Read [the decree](/news/12).", "Читайте [указ](/новости/12).")
    assert finding.severity == ERROR and "/news/12" in finding.message
    # an absolute link is reported once, by the url check
    findings = check_pair("Read [the decree](https://example.kz/news/mazhilis).",
                          "Читайте [указ](https://example.kz/news/Мажилис).", "en", "ru")
    assert [f.check for f in findings] == ["url"]


@pytest.mark.parametrize(
    ("source", "target", "mark"),
    [
        ("**Toqayev** met farmers.", "Токаев встретился с фермерами.", "'**'"),
        ("Press <b>here</b> to vote.", "Нажмите <b>здесь, чтобы проголосовать.", "'</b>'"),
    ],
    ids=["bold-lost", "closing-tag-lost"],
)
def test_markup_fail(source, target, mark):
    [finding] = run("markup", source, target)
    assert finding.severity == WARNING and mark in finding.message


# -- untranslated and copied -----------------------------------------------------

@pytest.mark.parametrize(
    ("sl", "tl", "source", "target"),
    [
        ("en", "ru", "Astana Open 2024", "Astana Open 2024"),
        ("en", "ru", "Kassym-Jomart Toqayev", "Kassym-Jomart Toqayev"),
        ("en", "kk", "Weather", "Weather"),
        ("en", "ru", "Air Astana adds flights to Seoul.", "Air Astana добавляет рейсы в Сеул."),
        ("ru", "kk", "Главные новости", "Басты жаңалықтар"),
    ],
    ids=["names-headline", "person-name", "single-word", "brand-name-kept", "translated"],
)
def test_untranslated_pass(sl, tl, source, target):
    assert run("untranslated", source, target, sl, tl) == []
    assert run("copied-source", source, target, sl, tl) == []


def test_untranslated_fail():
    [finding] = run("untranslated", "The akim opened a new school.", "The akim  opened a new school.")
    assert finding.severity == WARNING
    [finding] = run("untranslated", "Главные новости дня", "Главные новости дня", "ru", "kk")
    assert finding.severity == WARNING


def test_copied_source_fail():
    [finding] = run("copied-source", "The akim said that the school will open in May.",
                    "Аким сказал, that the school will open в мае.")
    assert finding.severity == WARNING and "'that the school will open'" in finding.message


# -- wrong language -------------------------------------------------------------

@pytest.mark.parametrize(
    ("tl", "target"),
    [
        ("kk", "Әкімдік қыркүйекке дейін он екі мектепті жөндейді."),
        ("ru", "Акимат отремонтирует двенадцать школ до сентября."),
        ("ru", "Тоқаев выступил на форуме в Астане."),  # one Kazakh-spelt name is not a Kazakh text
        ("kk", "Жақсы."),  # too short to judge
        ("kk-Latn", "Akimdik qyrkuiekke deiin on eki mektepti jondeidi."),
    ],
    ids=["kk", "ru", "ru-with-kk-name", "kk-short", "kk-latin"],
)
def test_language_pass(tl, target):
    assert run("wrong-language", "The akimat will repair twelve schools before September.", target, "en", tl) == []


@pytest.mark.parametrize(
    ("tl", "target", "expected"),
    [
        ("kk", "Акимат отремонтирует двенадцать школ до сентября текущего года.", "none of the letters of kk"),
        ("ru", "Әкімдік қыркүйекке дейін он екі мектепті жөндейді.", "words in the letters of kk"),
    ],
    ids=["russian-in-kk", "kazakh-in-ru"],
)
def test_language_fail(tl, target, expected):
    [finding] = run("wrong-language", "The akimat will repair twelve schools before September.", target, "en", tl)
    assert finding.severity == WARNING and expected in finding.message


# -- quotes and brackets ----------------------------------------------------------

@pytest.mark.parametrize(
    ("sl", "tl", "source", "target"),
    [
        ("en", "ru", "He said: “We will finish the road.”", "Он сказал: «Мы достроим дорогу»."),
        ("en", "ru", "She called it “the ‘new’ plan”.", "Она назвала это «„новым“ планом»."),
        ("en", "kk", "“We will finish the road,” he said.", "«Жолды бітіреміз», – деді ол."),
        ("en", "ru", "“It is the first step.", "«Это первый шаг."),
        ("en", "en", "Toqayev’s visit", "Toqayev's visit"),
        ("ru", "en", "Он сказал: \"Это важно\".", "He said: “It matters”."),
        ("en", "ru", "The agency (Kazinform) reported it.", "Агентство (Казинформ) сообщило об этом."),
        ("en", "ru", "1) the first item", "1) первый пункт"),
    ],
    ids=["en-to-ru-guillemets", "nested-ru", "kk-quote", "quote-spans-segments", "apostrophe",
         "straight-quotes", "brackets", "unbalanced-in-both"],
)
def test_balance_pass(sl, tl, source, target):
    assert run("quotes", source, target, sl, tl) == []
    assert run("brackets", source, target, sl, tl) == []


@pytest.mark.parametrize(
    ("check", "source", "target", "expected"),
    [
        ("quotes", "He said: “We will finish the road.”", "Он сказал: «Мы достроим дорогу.", "open"),
        ("quotes", "He said: “We will finish the road.”", "Он сказал: Мы достроим дорогу».", "never opened"),
        ("quotes", "He called it “the plan”.", "Он назвал это „планом.", "open"),
        ("brackets", "The agency (Kazinform) reported it.", "Агентство (Казинформ сообщило об этом.", "open"),
        ("brackets", "The agency (Kazinform) reported it.", "Агентство Казинформ) сообщило.", "never opened"),
    ],
    ids=["closing-quote-lost", "opening-quote-lost", "inner-quote-unclosed", "bracket-unclosed", "stray-bracket"],
)
def test_balance_fail(check, source, target, expected):
    [finding] = run(check, source, target)
    assert finding.severity == WARNING and expected in finding.message


# -- length -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sl", "tl", "source", "target", "expected"),
    [
        ("en", "ru", "The government approved the new budget on Tuesday.", "Правительство.", "short"),
        ("ru", "en", "Правительство одобрило бюджет.",
         "The government approved the budget, and also a long list of other things nobody asked for at all.",
         "long"),
    ],
    ids=["truncated", "padded"],
)
def test_length_fail(sl, tl, source, target, expected):
    [finding] = run("length", source, target, sl, tl)
    assert finding.severity == WARNING and expected in finding.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("The government approved the new budget on Tuesday.", "Во вторник правительство утвердило новый бюджет."),
        ("Latest news", "Последние новости дня и недели в Казахстане"),  # short sources are not judged
    ],
    ids=["normal", "short-source"],
)
def test_length_pass(source, target):
    assert run("length", source, target) == []


# -- pseudo --------------------------------------------------------------------------

def test_pseudo_output_is_an_error_and_skips_wording_checks():
    source = "The akim said that the school will open in May."
    findings = check_pair(source, pseudo_translate(source, "ru"), "en", "ru")
    assert [f.check for f in findings] == ["pseudo"]
    assert findings[0].severity == ERROR


def test_pseudo_output_numbers_compared_as_written():
    source = "The bridge cost 44 billion tenge and carries 7,000 cars (see https://example.kz/bridge)."
    assert check_pair(source, pseudo_translate(source, "ru"), "en", "ru") == [
        Finding(ERROR, "pseudo", "the target is pseudo-translation output, not a translation; translate it before publishing")]
    target = pseudo_translate(source.replace("7,000", "700"), "ru")
    assert [f.message for f in check_pair(source, target, "en", "ru") if f.check == "numbers"] == [
        "number 7,000 of the source is missing or changed in the pseudo output"]


def test_pseudo_output_still_gets_token_checks():
    source = "Follow #NeMolchiKZ: 7,000 signed."
    target = pseudo_translate("Follow: 7,000 signed.", "ru")
    assert {f.check for f in check_pair(source, target, "en", "ru")} >= {"pseudo", "hashtag"}


def test_clean_translation_has_no_findings():
    assert check_pair(
        "On Monday, 7,000 people signed the #NeMolchiKZ petition at https://change.kz/p/1 (a record).",
        f"В понедельник 7{NBSP}000 человек подписали петицию #NeMolchiKZ на https://change.kz/p/1 (рекорд).",
        "en", "ru") == []


def test_every_check_collects_and_none_stops():
    findings = check_pair("He said “7,000 people joined #NeMolchiKZ”, up 5%.",
                          "Он сказал «700 человек присоединились к #НеМолчи, рост на 5.", "en", "ru")
    assert {"numbers", "percent", "hashtag", "quotes"} <= {f.check for f in findings}


def test_empty_target_is_not_checked():
    assert check_pair("About 7,000 people came.", "  ", "en", "ru") == []


def test_registry_table():
    assert {"numbers", "percent", "currency", "url", "link", "markup", "email", "hashtag", "mention",
            "glossary-forbidden",
            "glossary-form", "glossary-missing", "untranslated", "copied-source", "wrong-language", "quotes", "brackets",
            "length", "pseudo"} <= set(CHECKS)
    assert all(c.severity in (ERROR, WARNING) and c.description for c in CHECKS.values())
    f = Finding("error", "numbers", "x")
    with pytest.raises(AttributeError):
        f.severity = "warning"


def test_only_restricts_checks():
    findings = check_pair("About 7,000 people came.", "Пришли 700 человек.", "en", "ru", only=["quotes"])
    assert findings == []


# -- glossary, against the termbase contract ----------------------------------------

@dataclass(frozen=True)
class FakeMatch:
    start: int
    end: int
    text: str
    concept_id: str
    preferred: str


@dataclass(frozen=True)
class FakeChange:
    start: int
    end: int
    old: str
    new: str
    concept_id: str


@dataclass(frozen=True)
class FakeEnforcement:
    target: str
    changes: tuple
    missing: tuple
    forbidden: tuple


class FakeTermbase:
    """Honours ``enforce``/``concepts_in`` of docs/architecture.md for two concepts, by substring."""

    # concept: source form per language, preferred target stem per language, non-preferred, forbidden
    CONCEPTS = {
        "toqayev": ({"en": "Toqayev", "ru": "Токаев", "kk": "Тоқаев"},
                    {"en": "Toqayev", "ru": "Токаев", "kk": "Тоқаев"},
                    {"en": ("Tokayev", "Tokaev"), "ru": (), "kk": ("Токаев",)}, {}),
        "oskemen": ({"en": "Oskemen", "ru": "Усть-Каменогорск", "kk": "Өскемен"},
                    {"en": "Oskemen", "ru": "Усть-Каменогорск", "kk": "Өскемен"},
                    {}, {"kk": ("Усть-Каменогорск",), "en": ("Ust-Kamenogorsk",)}),
    }

    def enforce(self, source, target, source_lang, target_lang):
        changes, missing, forbidden = [], [], []
        fixed = target
        for cid, (src, pref, nonpref, banned) in self.CONCEPTS.items():
            if src[source_lang] not in source:
                continue
            bad = [b for b in banned.get(target_lang, ()) if b in target]
            alt = [a for a in nonpref.get(target_lang, ()) if a in target]
            if bad:
                i = target.index(bad[0])
                forbidden.append(FakeMatch(i, i + len(bad[0]), bad[0], cid, pref[target_lang]))
            elif alt:
                i = target.index(alt[0])
                changes.append(FakeChange(i, i + len(alt[0]), alt[0], pref[target_lang], cid))
                fixed = fixed.replace(alt[0], pref[target_lang])
            elif pref[target_lang] not in target:
                missing.append(cid)
        return FakeEnforcement(fixed, tuple(changes), tuple(missing), tuple(forbidden))

    def concepts_in(self, text, source_lang, target_lang):
        return [(cid, pref[target_lang]) for cid, (src, pref, _n, _b) in self.CONCEPTS.items()
                if src[source_lang] in text]


TB = FakeTermbase()


@pytest.mark.parametrize(
    ("sl", "tl", "source", "target"),
    [
        ("ru", "en", "Токаев прибыл в Усть-Каменогорск.", "Toqayev arrived in Oskemen."),
        ("en", "kk", "Toqayev visited Oskemen.", "Тоқаев Өскеменге барды."),
        ("en", "ru", "Toqayev met farmers.", "Токаев встретился с фермерами."),
    ],
    ids=["ru-en", "en-kk-inflected", "en-ru"],
)
def test_glossary_pass(sl, tl, source, target):
    findings = check_pair(source, target, sl, tl, termbase=TB)
    assert [f for f in findings if f.check.startswith("glossary")] == []


@pytest.mark.parametrize(
    ("sl", "tl", "source", "target", "check", "severity", "expected"),
    [
        ("ru", "en", "Токаев выступил.", "Tokayev spoke.", "glossary-form", WARNING,
         "non-preferred form 'Tokayev' for toqayev; the glossary prefers 'Toqayev'"),
        ("en", "kk", "Toqayev visited Oskemen.", "Тоқаев Усть-Каменогорскке барды.", "glossary-forbidden", ERROR,
         "the glossary forbids 'Усть-Каменогорск' for oskemen; use 'Өскемен'"),
        ("en", "ru", "Toqayev met farmers.", "Президент встретился с фермерами.", "glossary-missing", WARNING,
         "glossary concept toqayev of the source is missing in the target; expected 'Токаев'"),
    ],
    ids=["non-preferred", "forbidden", "missing"],
)
def test_glossary_fail(sl, tl, source, target, check, severity, expected):
    findings = [f for f in check_pair(source, target, sl, tl, termbase=TB) if f.check.startswith("glossary")]
    assert findings == [Finding(severity, check, expected)]


def test_no_termbase_means_no_glossary_findings():
    assert run("glossary-missing", "Toqayev met farmers.", "Президент встретился с фермерами.") == []
