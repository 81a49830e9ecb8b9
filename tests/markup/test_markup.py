"""protect/restore on hand-written cases: what the model sees, and what comes back."""

from __future__ import annotations

import doctest

import pytest

import translator.markup
from translator.markup import TOKEN_RE, Protected, protect, restore


def test_docstring_examples():
    assert doctest.testmod(translator.markup).failed == 0


# -- what the model sees ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The bridge opened on Friday.",
    "Prices rose 5 * 3 times; 2 < 3 > 1 and snake_case_name stay as they are.",
    "  Leading and trailing white space  ",
    "An [unfinished link and a lone * star",
    "",
], ids=["sentence", "lone-symbols", "white-space", "unfinished", "empty"])
def test_text_without_markup_reaches_the_model_as_written(text):
    p = protect(text)
    assert p == Protected(text) and not p.changed
    assert protect(p.text) == p  # idempotent
    assert restore(text, p).text == text


@pytest.mark.parametrize("text, model_sees, head, tail", [
    ("[Mazhilis Approves Budget Amendments](https://example.kz/news/mazhilis-budget)",
     "Mazhilis Approves Budget Amendments", "[", "](https://example.kz/news/mazhilis-budget)"),
    ('[Grain Exports Reach 7,000 Tonnes](https://example.kz/news/grain "Grain")',
     "Grain Exports Reach 7,000 Tonnes", "[", '](https://example.kz/news/grain "Grain")'),
    ("*The whole sentence is emphasised.*", "The whole sentence is emphasised.", "*", "*"),
    ("**Breaking**", "Breaking", "**", "**"),
    ("__Breaking__", "Breaking", "__", "__"),
    ("*Emphasis, then the full stop*.", "Emphasis, then the full stop", "*", "*."),
    ("**[Nested Headline](/news/nested)**", "Nested Headline", "**[", "](/news/nested)**"),
    ("[*Nested Headline*](/news/nested)", "Nested Headline", "[*", "*](/news/nested)"),
    ("[ Spaced anchor ](/news/x)", "Spaced anchor", "[ ", " ](/news/x)"),
    ("![Photo of the bridge](/img/bridge.jpg)", "Photo of the bridge", "![", "](/img/bridge.jpg)"),
], ids=["headline", "titled", "em", "strong", "strong-underscore", "trailing-stop", "strong-link",
        "link-em", "spaced-anchor", "image"])
def test_a_segment_that_is_one_construct_is_translated_inside_and_rewrapped(text, model_sees, head, tail):
    p = protect(text)
    assert (p.text, p.spans, p.head, p.tail) == (model_sees, (), head, tail)
    assert restore(model_sees, p).text == text
    assert restore("  Перевод заголовка ", p) == restore("Перевод заголовка", p)
    assert restore("Перевод заголовка", p).text == f"{head}Перевод заголовка{tail}"


def test_the_latest_news_headline_comes_back_exactly():
    p = protect("[Almaty Metro Extends Opening Hours](https://example.kz/news/almaty-metro)")
    r = restore("Метро Алматы продлит часы работы", p)
    assert r.text == "[Метро Алматы продлит часы работы](https://example.kz/news/almaty-metro)"
    assert r.problems == ()


@pytest.mark.parametrize("text, model_sees", [
    ("The plan is on the [akimat's website](https://example.kz/oskemen/bridge).",
     "The plan is on the <g1>akimat's website</g1>."),
    ("Members of the *Mazhilis* and **Senate** met.", "Members of the <g1>Mazhilis</g1> and <g2>Senate</g2> met."),
    ("See [the *full* plan](/plan) now.", "See <g1>the <g2>full</g2> plan</g1> now."),
    ("Details at https://example.kz/plan?id=7&lang=en.", "Details at <x1/>."),
    ("(see https://en.wikipedia.org/wiki/Irtysh_(river))", "(see <x1/>)"),
    ("Write to press@example.kz or @akorda_press.", "Write to <x1/> or <x2/>."),
    ("Photos under #OskemenBridge and #Өскемен.", "Photos under <x1/> and <x2/>."),
    ("Run `translator run` first.", "Run <x1/> first."),
    ("Prices rose 5\\*3 times.", "Prices rose 5<x1/>3 times."),
    ("See <https://example.kz/a> for more.", "See <x1/> for more."),
    ("A [headline](https://example.kz/a) with #tag inside.", "A <g1>headline</g1> with <x2/> inside."),
    ("[Headline #tag](https://example.kz/a)", "Headline <x1/>"),
    ("The literal text <g1> and &lt;x2/&gt; is kept.", "The literal text <x1/> and <x2/> is kept."),
], ids=["link", "em-strong", "nested", "url", "url-parens", "email-mention", "hashtags", "code",
        "escape", "autolink", "link-and-hashtag", "headline-with-hashtag", "token-lookalikes"])
def test_constructs_inside_a_sentence_become_tokens(text, model_sees):
    p = protect(text)
    assert p.text == model_sees
    assert restore(model_sees, p).text == text


def test_link_targets_and_addresses_never_reach_the_model():
    text = ("Read [the plan](https://example.kz/news/mazhilis-plan), mail info@example.kz, "
            "follow @akorda_press and #Mazhilis, or open www.example.kz/mazhilis.")
    p = protect(text)
    assert p.text == "Read <g1>the plan</g1>, mail <x2/>, follow <x3/> and <x4/>, or open <x5/>."
    for hidden in ("example.kz", "mazhilis", "Mazhilis", "@", "#"):
        assert hidden not in p.text


# -- what comes back ------------------------------------------------------------------------

SENTENCE = "A U.S. firm, **Northline Ltd.**, advised on [the design](https://example.kz/d) under #OskemenBridge."
# model sees: "A U.S. firm, <g1>Northline Ltd.</g1>, advised on <g2>the design</g2> under <x3/>."


def test_a_translation_that_keeps_the_tokens_gets_its_markup_back():
    p = protect(SENTENCE)
    r = restore("Фирма из США <g1>Northline Ltd.</g1> консультировала <g2>проект</g2> под <x3/>.", p)
    assert r.text == ("Фирма из США **Northline Ltd.** консультировала [проект](https://example.kz/d) "
                      "под #OskemenBridge.")
    assert r.problems == ()


def test_reordered_constructs_are_fine():
    p = protect(SENTENCE)
    r = restore("Под <x3/> <g2>проект</g2> консультировала <g1>Northline Ltd.</g1>.", p)
    assert r.text == "Под #OskemenBridge [проект](https://example.kz/d) консультировала **Northline Ltd.**."
    assert r.problems == ()


@pytest.mark.parametrize("translation", [
    "Фирма < g1 >Northline Ltd.< /g1 > <G2>проект</G2> <х3/>.",
    "Фирма &lt;g1&gt;Northline Ltd.&lt;/g1&gt; <g2>проект</g2> <x3 />.",
    "Фирма <г1>Northline Ltd.</г1> <g 2>проект</g 2> <X3/>.",
], ids=["spaced-upper-cyrillic", "html-escaped", "cyrillic-g"])
def test_tokens_are_read_leniently(translation):
    r = restore(translation, protect(SENTENCE))
    assert r.text == "Фирма **Northline Ltd.** [проект](https://example.kz/d) #OskemenBridge."
    assert r.problems == ()


def test_a_dropped_link_is_reattached_at_the_end_and_reported_as_an_error():
    p = protect(SENTENCE)
    r = restore("Фирма <g1>Northline Ltd.</g1> консультировала по проекту под <x3/>.", p)
    assert r.text == ("Фирма **Northline Ltd.** консультировала по проекту под #OskemenBridge "
                      "[https://example.kz/d](https://example.kz/d).")
    assert [x.severity for x in r.problems] == ["error"]
    assert "https://example.kz/d" in r.problems[0].message


def test_a_link_whose_close_comes_first_is_unlinked_and_reattached():
    p = protect(SENTENCE)
    r = restore("Фирма <g1>Northline Ltd.</g1> </g2>проект<g2> <x3/>.", p)
    assert r.text == "Фирма **Northline Ltd.** проект #OskemenBridge [https://example.kz/d](https://example.kz/d)."
    assert [x.severity for x in r.problems] == ["error"]


def test_dropped_emphasis_is_a_warning_and_a_dropped_hashtag_comes_back():
    p = protect(SENTENCE)
    r = restore("Фирма Northline Ltd. консультировала <g2>проект</g2>.", p)
    assert r.text == "Фирма Northline Ltd. консультировала [проект](https://example.kz/d) #OskemenBridge."
    assert sorted(x.severity for x in r.problems) == ["warning", "warning"]
    assert any("#OskemenBridge" in x.message for x in r.problems)


def test_duplicated_and_invented_tokens_are_removed_with_their_gap():
    p = protect(SENTENCE)
    r = restore("Фирма <g1>Northline</g1> <g1>Ltd.</g1> <g2>проект</g2> <x3/> <x3/> <x7/> конец <x3/>.", p)
    assert r.text == "Фирма **Northline** Ltd. [проект](https://example.kz/d) #OskemenBridge конец."
    assert len(r.problems) == 3 and {x.severity for x in r.problems} == {"warning"}


def test_crossing_pairs_keep_the_first_and_reattach_the_other():
    p = protect(SENTENCE)
    r = restore("Фирма <g1>Northline <g2>проект</g1> дизайн</g2> <x3/>", p)
    assert r.text == "Фирма **Northline проект** дизайн #OskemenBridge [https://example.kz/d](https://example.kz/d)"


def test_token_debris_never_reaches_the_output():
    p = protect(SENTENCE)
    r = restore("Фирма <g1>Northline</g1> <g2>проект</g2> <x3/> g2> остаток <x3", p)
    assert r.text == "Фирма **Northline** [проект](https://example.kz/d) #OskemenBridge остаток"
    assert not TOKEN_RE.search(r.text) and "x3" not in r.text


def test_a_translation_of_plain_text_with_an_invented_token_is_cleaned():
    p = protect("The bridge opened.")
    r = restore("Мост <x1/> открыли.", p)
    assert r.text == "Мост открыли." and r.problems


def test_white_space_inside_emphasis_moves_outside():
    p = protect("Members of the *Mazhilis* met.")
    assert restore("Депутаты<g1> Мажилиса </g1>встретились.", p).text == "Депутаты *Мажилиса* встретились."
    assert restore("Депутаты <g1> Мажилиса </g1> встретились.", p).text == "Депутаты *Мажилиса* встретились."
    assert restore("Депутаты <g1>Мажилиса </g1>.", p).text == "Депутаты *Мажилиса*."


def test_underscore_emphasis_inside_a_word_becomes_a_star():
    p = protect("Deputies of the _Mazhilis_ met.")
    assert restore("<g1>Мәжіліс</g1>тің депутаттары", p).text == "*Мәжіліс*тің депутаттары"
    assert restore("<g1>Мәжіліс</g1> депутаттары", p).text == "_Мәжіліс_ депутаттары"


def test_an_emptied_link_gets_its_address_as_text():
    p = protect("Read [the plan](https://example.kz/plan) today.")
    r = restore("Читайте <g1></g1> сегодня.", p)
    assert r.text == "Читайте [https://example.kz/plan](https://example.kz/plan) сегодня."
    assert r.problems[0].severity == "error"


def test_pseudo_markers_stay_outermost():
    from translator.mt.pseudo import is_pseudo, pseudo_translate

    p = protect("[Astana Hosts a Forum](https://example.kz/news/forum)")
    r = restore(pseudo_translate(p.text, "ru"), p, pseudo=True)
    assert r.text == "⟦ru: [Астана Хостс а Форум](https://example.kz/news/forum)⟧" and is_pseudo(r.text)
    p = protect("Details under #OskemenBridge at [the site](https://example.kz/a).")
    r = restore(pseudo_translate(p.text, "kk"), p, pseudo=True)
    assert r.text == "⟦kk: Детаилс ундер #OskemenBridge ат [тхе сите](https://example.kz/a).⟧"
    r = restore("⟦kk: Детаилс ундер ат тхе сите.⟧", p, pseudo=True)  # tokens dropped: still inside the markers
    assert r.text == "⟦kk: Детаилс ундер ат тхе сите #OskemenBridge [https://example.kz/a](https://example.kz/a).⟧"
    assert is_pseudo(r.text)
