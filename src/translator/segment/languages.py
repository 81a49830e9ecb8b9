"""Per-language data for segmentation: abbreviations, quote marks, cue words.

Each source language is one :class:`LanguageData` record. The splitter, the
role assigner and the language detector read these records; none of them
tests ``lang == "kk"``. To support a new language, add a record here.

Abbreviations are stored lower-case, without their final period, with inner
periods kept (``"т.е"``, ``"u.s"``). They come in classes, because what
follows a period decides whether it ends a sentence:

``prefix``
    Written before a name or a number (``Dr.``, ``ул.``, ``им.``): never ends
    a sentence.
``after_number``
    Units and counters written after a figure (``млн.``, ``г.`` as "year",
    ``ж.``, ``km.``). After a figure they may end a sentence (rule 3 of the
    data README); elsewhere they behave like ``prefix`` (``г.`` as "city").
``general``
    Abbreviations that often end a sentence (``etc.``, ``т.б.``, ``Ltd.``,
    ``a.m.``, month names). A capitalised word after them starts a new
    sentence when the sentence so far is long enough to be one.
``before_number``
    Words that are abbreviations only before a figure (``No. 5``, ``Art. 3``).
``late_dates``
    Date units after a figure (``2021 ж.``, ``XX ғ.``) in a language whose
    sentences end with their predicate (Kazakh): a sentence seldom ends with
    them, so they end one only before a typical opener (``2024 ж. Ол…``), not
    before a name (``2024 ж. Арал…``, ``12.11.2026 ж. Ташкентте…``).
``ambiguous``
    Abbreviations usually followed by a capitalised word of the same sentence
    (``U.S. Secretary``, ``10 a.m. Moscow time``): a new sentence only before a
    typical sentence opener (``The``, ``Он``, ``Бұл``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ConfigError

__all__ = ["LanguageData", "LANGUAGES", "get_language", "all_languages"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class LanguageData:
    """Everything the segmenter knows about one language."""

    code: str
    #: letters found in this language and in none of the others we read
    own_letters: str = ""
    #: abbreviation classes (see the module docstring)
    prefix: frozenset[str] = frozenset()
    after_number: frozenset[str] = frozenset()
    general: frozenset[str] = frozenset()
    ambiguous: frozenset[str] = frozenset()
    late_dates: frozenset[str] = frozenset()
    #: words for large numbers written between a figure and its unit
    #: (``300 мың т.``, ``5 тысяч руб.``): not abbreviations
    number_words: frozenset[str] = frozenset()
    #: words that complete a unit after it (``2 млн долл. США``): the unit
    #: does not end a sentence before them
    unit_followers: frozenset[str] = frozenset()
    #: ordinary words that are abbreviations only before a figure (``No. 5``)
    before_number: frozenset[str] = frozenset()
    #: other languages whose abbreviations also occur in this language's texts
    borrows: tuple[str, ...] = ()
    #: words that typically open a sentence (capitalised as written)
    openers: frozenset[str] = frozenset()
    #: verbs of saying that follow a quotation ("…," he said)
    attribution: frozenset[str] = frozenset()
    #: an attribution after a quote is always introduced by a dash
    #: (``«Кто?» — спросил он.``); without one, a new sentence follows
    attribution_dash: bool = False
    #: quote marks: opening and closing characters
    open_quotes: str = ""
    close_quotes: str = ""
    #: frequent function words, for language detection (lower case)
    stopwords: frozenset[str] = frozenset()
    #: typical word endings, for language detection (lower case)
    suffixes: tuple[str, ...] = ()
    # Role cues. Prefixes are matched case-insensitively at the start of a
    # block (or, for photo credits, anywhere in a short block).
    photo_cues: tuple[str, ...] = ()
    byline_cues: tuple[str, ...] = ()
    source_cues: tuple[str, ...] = ()
    related_headers: tuple[str, ...] = ()
    furniture_cues: tuple[str, ...] = ()
    press_service: tuple[str, ...] = ()
    #: calls to follow the outlet on a social network (furniture)
    subscribe_cues: tuple[str, ...] = ()
    meta_words: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    #: news agencies named in datelines (``ASTANA. KAZINFORM –``) when not
    #: written in capitals or camel case (``ҚазАқпарат`` needs no entry)
    agencies: tuple[str, ...] = ()
    sections: frozenset[str] = field(default_factory=frozenset)


EN = LanguageData(
    code="en",
    prefix=_words(
        "mr mrs ms messrs dr prof sen rep gov gen col lt capt sgt maj adm cmdr rev hon pres "
        "supt insp amb det gen atty mt ft st vs v e.g i.e viz cf approx incl ca a.k.a esp excl "
        "nr tel"
    ),
    before_number=_words("no nos art fig vol pp p para ch sec sect"),
    after_number=_words("bn mln km kg sq yr yrs hr hrs min sec mi oz lb lbs pct tn c f"),
    general=_words(
        "etc ltd inc co corp jr sr bros al dept univ assn govt est "
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
        "ave blvd rd"
    ),
    ambiguous=_words("u.s u.k u.n e.u u.s.a u.a.e u.s.s.r d.c a.m p.m"),
    number_words=_words("thousand million billion trillion"),
    agencies=("Kazinform", "Tengrinews", "Interfax", "Reuters", "Xinhua", "Sputnik",
              "Azertac", "Kabar"),
    openers=_words(
        "The A An He She It They We I You This That These Those There Here In On At By For From "
        "But And Or So Yet However Meanwhile Also According After Before When While As If His "
        "Her Its Their Our My Some Many Most Several Other Another One Two Three No Now Then "
        "Today Yesterday Last Next Earlier Later Still Such What Why How Who Where"
    ),
    attribution=_words(
        "said says told added noted stressed explained wrote asked replied recalled insisted "
        "argued warned admitted continued concluded according"
    ),
    open_quotes="\"“‘«",
    close_quotes="\"”’»",
    stopwords=_words(
        "the of and to in a is that for on with as was by it at from be this are have has an "
        "not or which were but their its his her they he she been also will said would more"
    ),
    suffixes=("ing", "tion", "ed", "ly", "ness", "ment"),
    photo_cues=("photo:", "photo by", "photos:", "photo credit", "image:", "images:", "picture:",
                "pictured:", "illustrative photo", "cover photo", "collage:", "credit:",
                "video:", "screenshot:", "infographic:"),
    byline_cues=("original author:", "author:", "authors:", "by ", "written by", "text by",
                 "reporting by", "editing by", "translated by", "interview by", "correspondent:"),
    source_cues=("source:", "sources:", "originally published", "this article was first",
                 "this story was first", "if you find a mistake", "if you notice a typo",
                 "reprinting", "when using materials"),
    related_headers=("latest news", "latest", "related", "related news", "related articles",
                     "related stories", "read also", "also read", "read more", "see also",
                     "more news", "more on this topic", "more from", "most read", "most popular",
                     "popular", "top stories", "recommended", "you may also like", "news feed",
                     "other news", "on the topic", "read next", "editor's picks", "trending"),
    furniture_cues=("tags:", "tags", "share", "share this", "share:", "subscribe", "follow us",
                    "comments", "leave a comment", "log in", "sign in", "sign up", "menu",
                    "home", "advertisement", "print", "copy link", "all rights reserved",
                    "cookie", "exchange rates", "weather"),
    press_service=("press service", "press office", "press secretary"),
    subscribe_cues=("subscribe to our", "follow us on", "join our", "read us on", "our telegram",
                    "sign up for our", "get the latest news on"),
    meta_words=("views", "view", "min read", "minutes read", "reading time", "updated",
                "published", "posted", "comments"),
    months=("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "yesterday"),
    sections=_words(
        "news politics economy society world business sport sports culture opinion analysis "
        "kazakhstan regions incidents science technology health education lifestyle interview"
    ),
)

RU = LanguageData(
    code="ru",
    prefix=_words(
        "г ул пр просп пер пл д кв корп стр им тов гр проф акад доц канд ген полк ст п ч рис табл "
        "см ср напр букв оз пос с дер мкр респ т т.е т.к т.н т.о т.ч и.о зам пред зав нач гос "
        "ред прим англ каз рус нем франц лат ж.д б-р наб ш ок вкл искл мкр пгт просп св "
        "тел факс рук отв зам.пред т.наз напр дж"
    ),
    after_number=_words(
        "млн млрд трлн тыс руб р коп долл тг г гг в вв км кг мм см га ч мин сек чел шт "
        "т ц л м кв куб кв.м куб.м мес сут нед экз ед тн стр"
    ),
    general=_words(
        "т.д т.п др пр обл р-н р-на окр соч янв фев февр мар апр авг сен сент окт ноя "
        "нояб дек н.э"
    ),
    ambiguous=_words("с.ш ю.ш в.д з.д"),
    borrows=("en",),
    number_words=_words(
        "тысяча тысячи тысяч миллион миллиона миллионов миллиард миллиарда миллиардов "
        "триллион триллиона триллионов сотни сотен десятки десятков"
    ),
    unit_followers=_words("США КНР РФ"),
    agencies=("Казинформ", "Интерфакс", "КазТАГ", "Тенгриньюс", "Спутник", "ТАСС", "РИА"),
    openers=_words(
        "Он Она Оно Они Мы Я Вы Это Этот Эта Эти Тот Та В Во На По Но И А Однако Также Кроме "
        "При После До Как Так Там Здесь Сейчас Сегодня Вчера Завтра Теперь Кроме Ранее Позже "
        "Всего Еще Ещё Между Несмотря Согласно Поэтому Впрочем Об О С Со У Из За Для Его Ее Её "
        "Их Все Всё Каждый Один Одна Сам Сама Многие Некоторые Что Почему Где Когда Кто"
    ),
    attribution=_words(
        "сказал сказала заявил заявила отметил отметила добавил добавила подчеркнул подчеркнула "
        "пояснил пояснила написал написала сообщил сообщила уточнил уточнила говорит считает "
        "признался признала рассказал рассказала ответил ответила передает пишет"
    ),
    attribution_dash=True,
    open_quotes="«„\"“",
    close_quotes="»“\"”",
    stopwords=_words(
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только "
        "ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну ли если уже или ни "
        "быть был была были него до вас нибудь опять уж вам ведь там потом себя ничего ей может "
        "они тут где есть надо ней для мы тебя их чем сам чтобы без будто чего раз тоже себе под "
        "будет тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем "
        "также который которые которых которая которого это этой эти при после более также "
        "сообщает заявил году года млн млрд тенге"
    ),
    suffixes=("ого", "его", "ому", "ему", "ыми", "ими", "ции", "ция", "ость", "ение", "ения",
              "ться", "тся", "ает", "ует", "ный", "ной", "ная", "ное", "ных", "ских", "ской",
              "ется", "ются", "ила", "ыва", "щий", "щих", "ться", "ями", "ами", "ов"),
    photo_cues=("фото:", "фото -", "фото –", "фото —", "фото из", "фото предоставлено",
                "фотографии:", "фото автора", "иллюстративное фото", "коллаж:", "видео:",
                "скриншот:", "инфографика:", "источник фото"),
    byline_cues=("автор оригинала:", "автор:", "авторы:", "текст:", "перевод:", "подготовил:",
                 "подготовила:", "подготовили:", "беседовал:", "беседовала:", "корреспондент:",
                 "редактор:"),
    source_cues=("источник:", "по материалам", "материал подготовлен", "если вы нашли ошибку",
                 "при использовании материалов", "при перепечатке", "перепечатка"),
    related_headers=("последние новости", "читайте также", "читайте еще", "читайте ещё",
                     "похожие новости", "похожие материалы", "новости по теме", "по теме",
                     "самое читаемое", "популярное", "другие новости", "еще новости",
                     "ещё новости", "лента новостей", "рекомендуем", "материалы по теме",
                     "смотрите также", "главное", "выбор редакции"),
    furniture_cues=("теги:", "метки:", "поделиться", "подписаться", "подписывайтесь",
                    "комментарии", "войти", "регистрация", "меню", "главная", "реклама",
                    "печать", "все права защищены", "курсы валют", "погода"),
    press_service=("пресс-служба", "пресс-службы", "пресс-центр", "пресс-секретарь"),
    subscribe_cues=("подписывайтесь на", "подпишитесь на", "присоединяйтесь к", "читайте нас в",
                    "наш telegram", "наш канал в", "следите за новостями"),
    meta_words=("просмотров", "просмотры", "просмотр", "мин. чтения", "минут чтения",
                "время чтения", "обновлено", "опубликовано", "комментариев"),
    months=("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря", "январь", "февраль", "март", "апрель",
            "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
            "сегодня", "вчера"),
    sections=_words(
        "новости политика экономика общество мир бизнес спорт культура мнения аналитика "
        "казахстан регионы происшествия наука технологии здоровье образование интервью "
        "общество новость"
    ),
)

KK = LanguageData(
    code="kk",
    own_letters="әғқңөұүһі",
    prefix=_words(
        "көш даң ш шағ қ а о ауд ел мекен т.ғ.д т.ғ.к ф.ғ.д ф.ғ.к э.ғ.д э.ғ.к б.ғ.д ж.т.б "
        "проф акад мыс ескер сур"
    ),
    after_number=_words("млн млрд трлн шақ км кг сағ мин сек тг т"),
    late_dates=_words("ж жж ғ ғғ"),
    general=_words("т.б т.с.с т.т т.у.с обл б.з.б б.з.д ж.б"),
    borrows=("ru", "en"),
    number_words=_words("мың миллион миллиард триллион жүз он"),
    agencies=("Қазинформ", "ҚазАқпарат", "Kazinform", "Тенгриньюс"),
    openers=_words(
        "Ол Олар Біз Мен Сен Сіз Бұл Осы Сол Ал Бірақ Және Сонымен Сондай-ақ Қазір Бүгін Кеше "
        "Ертең Алайда Дегенмен Сондықтан Себебі Өйткені Яғни Мұнда Онда Енді Сонда Оның Олардың "
        "Біздің Барлық Әр Бір Кейін Бұған Бұдан Осыған Осыдан Сонымен қатар Айта Атап"
    ),
    attribution=_words(
        "деді дейді айтты айтады атап қосты мәлімдеді жазды түсіндірді хабарлады деп мәлім "
        "жеткізді сендірді"
    ),
    attribution_dash=True,
    open_quotes="«“„\"",
    close_quotes="»”“\"",
    stopwords=_words(
        "және мен бен пен деп бұл осы үшін туралы бойынша жылы болды еді да де та те ол біз оның "
        "сол бар жоқ емес болып екен мұнда онда бір кейін дейін қазір бүгін кеше тағы тек әр "
        "барлық сондай ақ жане ушин бул осы болган деген етті етеді болады жатыр керек қажет "
        "бойынша арқылы кезінде ретінде жөнінде қатысты байланысты тиіс мүмкін ғана қана"
    ),
    suffixes=("ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "дағы", "дегі",
              "тағы", "тегі", "нан", "нен", "дан", "ден", "тан", "лар", "лер", "дар", "тар",
              "ды", "ді", "ты", "ті", "сы", "сі", "мыз", "міз", "ған", "ген", "қан", "кен",
              "уде", "уда", "йды", "йді", "ының", "інің", "нын", "нин", "дын", "дин", "ган"),
    photo_cues=("сурет:", "фото:", "фото -", "фото –", "фото —", "суретте:", "суреттер:",
                "сурет -", "сурет –", "коллаж:", "видео:", "фотосурет:", "фото автордікі",
                "сурет автордікі", "фото ашық дереккөздерден", "сурет ашық дереккөздерден"),
    byline_cues=("түпнұсқа авторы:", "автор:", "авторы:", "дайындаған:", "дайындаған",
                 "жазған:", "аударған:", "мәтін:", "тілші:", "әзірлеген:"),
    source_cues=("дереккөз:", "дерек көзі:", "қайнар көз:", "материалды көшіріп",
                 "мақаланы көшіріп", "сілтеме міндетті", "қате тапсаңыз"),
    related_headers=("соңғы жаңалықтар", "тағы оқыңыз", "оқи отырыңыз", "ұқсас жаңалықтар",
                     "тақырыпқа қатысты", "тақырып бойынша", "көп оқылған", "көп оқылғандар",
                     "басқа жаңалықтар", "жаңалықтар легі", "танымал", "ұсынамыз",
                     "осы тақырыпта", "сондай-ақ оқыңыз"),
    furniture_cues=("тегтер:", "тег:", "бөлісу", "бөлісіңіз", "жазылу", "жазылыңыз",
                    "пікірлер", "кіру", "тіркелу", "мәзір", "басты бет", "жарнама",
                    "барлық құқықтар қорғалған", "валюта бағамы", "ауа райы"),
    press_service=("баспасөз қызметі", "баспасөз қызметінің", "баспасөз орталығы",
                   "баспасөз хатшысы"),
    subscribe_cues=("арнамызға жазылыңыз", "парақшамызға жазылыңыз", "бізді telegram",
                    "telegram арнамыз", "жаңалықтарды telegram", "бізге жазылыңыз"),
    meta_words=("қаралым", "қаралды", "оқылды", "минут оқу", "жарияланды", "жаңартылды",
                "пікір"),
    months=("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
            "қыркүйек", "қазан", "қараша", "желтоқсан", "бүгін", "кеше"),
    sections=_words(
        "жаңалықтар саясат экономика қоғам әлем бизнес спорт мәдениет пікір сараптама "
        "қазақстан аймақтар оқиға ғылым технология денсаулық білім сұхбат руханият"
    ),
)

LANGUAGES: dict[str, LanguageData] = {lang.code: lang for lang in (EN, RU, KK)}


def get_language(code: str) -> LanguageData:
    """The record for ``code``; unknown codes fail with the known ones."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(LANGUAGES)
        raise ConfigError(f"unknown source language {code!r}; known languages: {known}") from None


def all_languages() -> tuple[LanguageData, ...]:
    return tuple(LANGUAGES.values())
