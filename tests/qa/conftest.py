"""PO catalogs written for the QA tests, in the layout and conventions of translator.catalog."""

import pytest

HEADER = '''msgid ""
msgstr ""
"Project-Id-Version: translator-tests\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"
"X-Source-Language: en\\n"
"X-Article-Slug: square\\n"

'''

RU_BODY = '''#. role: title
#: i18n/articles/square.md:1
msgctxt "a1"
msgid "Thousands gather on the square"
msgstr "Тысячи собрались на площади"

#. role: body
#: i18n/articles/square.md:3
msgctxt "b2"
msgid "About 7,000 people came, organisers said."
msgstr "По словам организаторов, пришли около 7,000 человек."

#. role: body
#. engine: pseudo
#, fuzzy
msgctxt "c3"
msgid "Follow #NeMolchiKZ for updates."
msgstr "⟦ru: Фоллоw #NeMolchiKZ фор упдатес.⟧"

#, fuzzy
msgctxt "d4"
msgid "He said: “We will stay.”"
msgstr "Он сказал: «Мы останемся."

msgctxt "e5"
msgid "Tickets cost €44."
msgstr ""

#~ msgctxt "f6"
#~ msgid "Old sentence with 5 numbers."
#~ msgstr "Старое предложение."
'''

KK_BODY = '''msgctxt "a1"
msgid "Thousands gather on the square"
msgstr "Алаңға мыңдаған адам жиналды"

msgctxt "b2"
msgid "About 7,000 people came, organisers said."
msgstr "Ұйымдастырушылардың айтуынша, 7 000-ға жуық адам келді."
'''


@pytest.fixture
def locales_tree(tmp_path):
    """``locales/{ru,kk}/LC_MESSAGES/square.po``: ru has findings, kk is clean."""
    root = tmp_path / "locales"
    for lang, body in (("ru", RU_BODY), ("kk", KK_BODY)):
        folder = root / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "square.po").write_text(HEADER.format(lang=lang) + body, encoding="utf-8")
    return root
