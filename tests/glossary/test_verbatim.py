"""No glossary finding inside URLs, e-mail addresses, @mentions, code or link targets.

They come back verbatim (translator.markup.verbatim_spans), so the glossary
must neither report nor rewrite a name inside them; the same name in running
text still counts. A hashtag is verbatim too, but a name filling it is a
mention: scanning reports it, nothing rewrites it or asks for it.
"""

from __future__ import annotations

import pytest

from translator.glossary.batch import scan_file
from translator.markup import verbatim_spans
from translator.qa import check_pair

ADDRESSES = {
    "mention": ("Follow @mazhilis_press for updates.", "Следите за @mazhilis_press."),
    "url": ("Read https://example.kz/news/mazhilis-budget today.",
            "Читайте https://example.kz/news/mazhilis-budget сегодня."),
    "www": ("See www.mazhilis.kz for the text.", "Текст на www.mazhilis.kz."),
    "email": ("Write to press@mazhilis.kz with questions.", "Пишите на press@mazhilis.kz."),
    "link-target": ("Read [the plan](https://example.kz/mazhilis/plan) now.",
                    "Читайте [план](https://example.kz/mazhilis/plan)."),
    "relative-link": ("Read [the plan](/mazhilis/plan) now.", "Читайте [план](/mazhilis/plan)."),
    "code": ("Run `mazhilis --help` first.", "Запустите `mazhilis --help`."),
}
IDS = list(ADDRESSES)


@pytest.mark.parametrize("kind", IDS)
def test_find_and_concepts_in_skip_addresses(starter, kind):
    source, _target = ADDRESSES[kind]
    assert starter.find(source, "en") == []
    assert starter.concepts_in(source, "en", "ru") == []
    running = f"The Mazhilis met. {source}"
    assert [m.text for m in starter.find(running, "en")] == ["Mazhilis"]
    assert starter.concepts_in(running, "en", "ru") == [("mazhilis", "Мажилис")]


@pytest.mark.parametrize("kind", IDS)
def test_enforce_leaves_addresses_alone(starter, kind):
    source, target = ADDRESSES[kind]
    result = starter.enforce(source, target, "en", "ru")
    assert result.target == target and not result.changes and not result.forbidden and not result.missing
    running = starter.enforce(f"The Mazhilis met. {source}", f"Мажлис собрался. {target}", "en", "ru")
    assert running.target == f"Мажилис собрался. {target}"
    assert [(c.old, c.new) for c in running.changes] == [("Мажлис", "Мажилис")]


@pytest.mark.parametrize("kind", IDS)
def test_qa_reports_no_glossary_finding_inside_addresses(starter, kind):
    source, target = ADDRESSES[kind]
    findings = check_pair(source, target, "en", "ru", termbase=starter)
    assert [f for f in findings if f.check.startswith("glossary")] == []
    running = check_pair(f"The Mazhilis met. {source}", f"Мажлис собрался. {target}", "en", "ru",
                         termbase=starter)
    assert [(f.check, f.message) for f in running if f.check.startswith("glossary")] == [
        ("glossary-form", "non-preferred form 'Мажлис' for mazhilis; the glossary prefers 'Мажилис'")]


def test_scan_finds_the_name_in_running_text_only(starter, tmp_path):
    article = tmp_path / "budget.md"
    article.write_text("# Mazhilis passes the budget\n\n"
                       "Deputies of the Mazhilis voted on Tuesday (@mazhilis_press, "
                       "https://example.kz/news/mazhilis-budget).\n", encoding="utf-8")
    found = scan_file(starter, article, lang="en")
    assert [(m["block"], m["text"]) for m in found["matches"]] == [(0, "Mazhilis"), (1, "Mazhilis")]


def test_verbatim_spans_leave_link_text_and_emphasis_as_words():
    text = "The [Mazhilis site](https://example.kz/m) and *Mazhilis* news, #Budget2026 and a@b.kz."
    spans = [text[a:b] for a, b in verbatim_spans(text)]
    assert spans == ["](https://example.kz/m)", "#Budget2026", "a@b.kz"]
    assert verbatim_spans("The Mazhilis met on Tuesday.") == []


HASHTAG = ("Posts are tagged #NeMolchiKZ this week.", "Посты помечены #NeMolchiKZ.")


def test_a_name_filling_a_hashtag_is_found_but_never_rewritten(starter):
    source, target = HASHTAG
    assert [(m.text, m.concept_id) for m in starter.find(source, "en")] == [("NeMolchiKZ", "nemolchi")]
    assert starter.concepts_in(source, "en", "ru") == []  # copied, so no form to suggest
    result = starter.enforce(source, target, "en", "ru")
    assert result.target == target and not result.changes and not result.forbidden and not result.missing
    assert [f for f in check_pair(source, target, "en", "ru", termbase=starter)
            if f.check.startswith("glossary")] == []
    # dropped from the translation: the hashtag check says so, not the glossary
    dropped = check_pair(source, "Посты помечены.", "en", "ru", termbase=starter)
    assert {f.check for f in dropped} >= {"hashtag"}
    assert not [f for f in dropped if f.check.startswith("glossary")]
