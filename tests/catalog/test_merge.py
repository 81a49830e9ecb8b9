"""Re-runs behave like msgmerge: one test per merge case."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from translator.catalog import (
    Proposal,
    catalog_text,
    make_plan,
    merge_catalog,
    plan,
    read_catalog,
    update_catalog,
)
from translator.catalog.files import atomic_write

TITLE = ("title", ["Oskemen opens a bridge"])
BODY = ("body", ["The bridge cost 44 billion tenge.", "It took three years to build."])
NEWS = ("related_header", ["Latest news"])


def mt(text: str) -> Proposal:
    return Proposal(f"RU {text}", engine="test-engine")


def all_mt(article) -> dict:
    return {s.id: mt(s.text) for _b, s in article.translatable_segments()}


@pytest.fixture
def po(tmp_path):
    return tmp_path / "ru" / "LC_MESSAGES" / "oskemen.po"


def first_run(po, article):
    assert update_catalog(po, article, "ru", all_mt(article))
    return read_catalog(po)


def review(po, **changes):
    """Act as a reviewer: for each msgid prefix, set a translation and clear fuzzy."""
    cat = read_catalog(po)
    entries = []
    for e in cat.entries:
        for prefix, text in changes.items():
            if e.msgid.startswith(prefix.replace("_", " ")):
                e = replace(e, msgstr=text, fuzzy=False)
        entries.append(e)
    atomic_write(po, catalog_text(replace(cat, entries=tuple(entries))).encode("utf-8"))


def by_text(cat, text):
    found = [e for e in cat.entries if e.msgid == text]
    assert len(found) == 1, found
    return found[0]


def test_new_segments_get_machine_translation_flagged_fuzzy(po, article_of, fixed_date):
    cat = first_run(po, article_of([TITLE, BODY]))
    assert [e.msgid for e in cat.entries] == ["Oskemen opens a bridge", *BODY[1]]  # reading order
    for e in cat.entries:
        assert e.fuzzy and e.msgstr == f"RU {e.msgid}" and e.comment("engine") == "test-engine"
    assert by_text(cat, BODY[1][1]).comment("role") == "body" and by_text(cat, BODY[1][1]).comment("block") == "1"


def test_unchanged_rerun_plans_nothing_and_changes_no_byte(po, article_of, fixed_date):
    article = article_of([TITLE, BODY])
    cat = first_run(po, article)
    before, mtime = po.read_bytes(), po.stat().st_mtime_ns
    assert plan(article, "ru", cat) == []
    assert not update_catalog(po, article, "ru", all_mt(article))
    assert po.read_bytes() == before and po.stat().st_mtime_ns == mtime


def test_pot_creation_date_follows_the_source_not_the_clock(tmp_path, po, article_of, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    src = tmp_path / "oskemen.md"
    src.write_text("x", encoding="utf-8")
    os.utime(src, (1772357400, 1772357400))
    article = article_of([TITLE, BODY], source=src)
    first_run(po, article)
    assert read_catalog(po).meta("POT-Creation-Date") == "2026-03-01 09:30+0000"
    os.utime(src, (1772400000, 1772400000))  # touched, same sentences: the date stays
    assert not update_catalog(po, article, "ru", {})
    changed = article_of([TITLE, ("body", ["The bridge cost 45 billion tenge."])], source=src)
    update_catalog(po, changed, "ru", all_mt(changed))
    assert read_catalog(po).meta("POT-Creation-Date") == "2026-03-01 21:20+0000"


def test_reviewed_entries_are_never_overwritten(po, article_of, fixed_date):
    article = article_of([TITLE, BODY])
    first_run(po, article)
    review(po, Oskemen="Усть-Каменогорск открывает мост")
    proposals = {s.id: Proposal("OTHER", fuzzy=False, tm="x.po") for _b, s in article.translatable_segments()}
    update_catalog(po, article, "ru", proposals)
    e = by_text(read_catalog(po), "Oskemen opens a bridge")
    assert e.msgstr == "Усть-Каменогорск открывает мост" and not e.fuzzy


def test_unchanged_machine_entries_are_left_alone(po, article_of, fixed_date):
    article = article_of([TITLE])
    first_run(po, article)
    assert not update_catalog(po, article, "ru", {s.id: Proposal("newer MT") for _b, s in
                                                   article.translatable_segments()})
    assert read_catalog(po).entries[0].msgstr == "RU Oskemen opens a bridge"


def test_changed_sentence_keeps_old_translation_as_fuzzy_start_with_previous_msgid(po, article_of, fixed_date):
    first_run(po, article_of([TITLE, BODY]))
    review(po, The_bridge="Мост обошёлся в 44 миллиарда тенге.")
    edited = article_of([TITLE, ("body", ["The bridge cost 45 billion tenge.", BODY[1][1]])])
    the_plan = make_plan(edited, read_catalog(po))
    assert [s.text for s in the_plan.needs_translation()] == ["The bridge cost 45 billion tenge."]
    assert the_plan.needs_mt() == []  # the old translation is the starting point: no MT needed
    update_catalog(po, edited, "ru", {})
    e = by_text(read_catalog(po), "The bridge cost 45 billion tenge.")
    assert e.fuzzy and e.msgstr == "Мост обошёлся в 44 миллиарда тенге."
    assert e.previous_msgid == "The bridge cost 44 billion tenge."
    assert not read_catalog(po).obsolete  # the old entry became the new one, not an obsolete one


def test_changed_sentence_without_old_translation_gets_mt(po, article_of, fixed_date):
    article = article_of([BODY])
    update_catalog(po, article, "ru", {})  # no engine: empty entries
    assert all(e.state == "untranslated" for e in read_catalog(po).entries)
    edited = article_of([("body", ["The bridge cost 45 billion tenge.", BODY[1][1]])])
    the_plan = make_plan(edited, read_catalog(po))
    assert {s.text for s in the_plan.needs_mt()} == {"The bridge cost 45 billion tenge.", BODY[1][1]}
    update_catalog(po, edited, "ru", all_mt(edited))
    e = by_text(read_catalog(po), "The bridge cost 45 billion tenge.")
    assert e.fuzzy and e.msgstr == "RU The bridge cost 45 billion tenge."
    assert e.previous_msgid == "The bridge cost 44 billion tenge."


def test_memory_match_beats_the_old_starting_point(po, article_of, fixed_date):
    first_run(po, article_of([BODY]))
    edited = article_of([("body", ["The bridge cost 45 billion tenge.", BODY[1][1]])])
    seg = edited.blocks[0].segments[0]
    update_catalog(po, edited, "ru", {seg.id: Proposal("Мост стоил 45 млрд.", fuzzy=False, tm="kk/other.po")})
    e = by_text(read_catalog(po), seg.text)
    assert e.msgstr == "Мост стоил 45 млрд." and not e.fuzzy and e.comment("tm") == "kk/other.po"


def test_whitespace_only_change_matches_by_id(po, article_of, fixed_date):
    first_run(po, article_of([TITLE]))
    review(po, Oskemen="Мост")
    edited = article_of([("title", ["Oskemen  opens a bridge"])])
    update_catalog(po, edited, "ru", {})
    e = by_text(read_catalog(po), "Oskemen  opens a bridge")
    assert e.msgstr == "Мост" and e.fuzzy and e.previous_msgid == "Oskemen opens a bridge"


def test_removed_segments_become_obsolete_and_untranslated_ones_vanish(po, article_of, fixed_date):
    article = article_of([TITLE, BODY, NEWS])
    update_catalog(po, article, "ru", {s.id: mt(s.text) for _b, s in article.translatable_segments()
                                       if s.text != "Latest news"})
    update_catalog(po, article_of([TITLE]), "ru", {})
    cat = read_catalog(po)
    assert [e.msgid for e in cat.active] == ["Oskemen opens a bridge"]
    assert sorted(e.msgid for e in cat.obsolete) == sorted(BODY[1])  # "Latest news" had nothing to keep
    assert "#~ msgid" in po.read_text(encoding="utf-8")


def test_obsolete_entry_comes_back_when_its_sentence_does(po, article_of, fixed_date):
    article = article_of([TITLE, BODY])
    first_run(po, article)
    review(po, It_took="Строили три года.")
    update_catalog(po, article_of([TITLE]), "ru", {})
    assert by_text(read_catalog(po), "It took three years to build.").obsolete
    assert plan(article, "ru", read_catalog(po)) == []
    update_catalog(po, article, "ru", {})
    e = by_text(read_catalog(po), "It took three years to build.")
    assert not e.obsolete and e.msgstr == "Строили три года." and not e.fuzzy


def test_new_segment_in_an_existing_catalog_gets_mt_and_the_rest_stays(po, article_of, fixed_date):
    first_run(po, article_of([TITLE]))
    review(po, Oskemen="Мост")
    article = article_of([TITLE, NEWS])
    assert [s.text for s in plan(article, "ru", read_catalog(po))] == ["Latest news"]
    update_catalog(po, article, "ru", all_mt(article))
    cat = read_catalog(po)
    assert by_text(cat, "Latest news").fuzzy and by_text(cat, "Oskemen opens a bridge").msgstr == "Мост"


def test_blocks_moving_update_comments_and_references_but_not_translations(tmp_path, po, article_of,
                                                                          fixed_date):
    src = tmp_path / "oskemen.md"
    first_run(po, article_of([TITLE, BODY], source=src))
    review(po, Oskemen="Мост")
    update_catalog(po, article_of([("body", ["A new lead paragraph."]), TITLE, BODY], source=src), "ru", {})
    e = by_text(read_catalog(po), "Oskemen opens a bridge")
    assert e.msgstr == "Мост" and not e.fuzzy and e.comment("block") == "1"
    assert e.references[0][0].endswith("/oskemen.md") and e.references[0][1] == 2


def test_reviewer_notes_and_other_flags_survive(po, article_of, fixed_date):
    article = article_of([TITLE])
    first_run(po, article)
    cat = read_catalog(po)
    e = replace(cat.entries[0], translator_comments=("ask the desk about the name",),
                flags=("fuzzy", "no-wrap"))
    atomic_write(po, catalog_text(replace(cat, entries=(e,))).encode("utf-8"))
    edited = article_of([("title", ["Oskemen opens the bridge"])])
    update_catalog(po, edited, "ru", all_mt(edited))
    e = read_catalog(po).entries[0]
    assert e.translator_comments == ("ask the desk about the name",) and "no-wrap" in e.flags


def test_repeated_sentences_get_separate_entries(po, article_of, fixed_date):
    article = article_of([("body", ["Read more."]), ("body", ["Read more."])])
    cat = first_run(po, article)
    assert len(cat.entries) == 2 and cat.entries[0].msgctxt != cat.entries[1].msgctxt


def test_pseudo_output_is_replaced_by_real_translation_only_when_asked(po, article_of, fixed_date):
    article = article_of([TITLE])
    seg = article.blocks[0].segments[0]
    update_catalog(po, article, "ru", {seg.id: Proposal("⟦ru: x⟧", engine="pseudo", pseudo=True)})
    assert plan(article, "ru", read_catalog(po)) == []
    assert plan(article, "ru", read_catalog(po), replace_pseudo=True) == [seg]
    update_catalog(po, article, "ru", {seg.id: mt(seg.text)}, replace_pseudo=True)
    e = read_catalog(po).entries[0]
    assert e.msgstr == "RU Oskemen opens a bridge" and not e.pseudo


def test_qa_findings_of_accepted_entries_are_dropped(po, article_of, fixed_date):
    article = article_of([TITLE])
    seg = article.blocks[0].segments[0]
    update_catalog(po, article, "ru", {seg.id: Proposal("X", qa=(("error", "numbers: 44 missing"),))})
    assert read_catalog(po).entries[0].comments_of("qa") == ["error: numbers: 44 missing"]
    review(po, Oskemen="Мост")
    update_catalog(po, article, "ru", {})
    assert read_catalog(po).entries[0].comments_of("qa") == []


def test_merge_without_file_builds_the_header(article_of, fixed_date):
    cat = merge_catalog(None, article_of([TITLE]), "kk", {})
    assert cat.meta("Language") == "kk" and cat.meta("X-Article-Slug") == "oskemen-bridge"
    assert cat.meta("X-Source-Language") == "en" and cat.meta("Content-Transfer-Encoding") == "8bit"


def test_memory_match_with_findings_is_stable_on_rerun(po, article_of, fixed_date):
    article = article_of([TITLE])
    seg = article.blocks[0].segments[0]
    hit = Proposal("Мост", fuzzy=False, tm="ru/a.po#x", qa=(("warning", "length: short"),))
    update_catalog(po, article, "ru", {seg.id: hit})
    assert read_catalog(po).entries[0].comments_of("qa") == []
    assert not update_catalog(po, article, "ru", {})


def test_catalog_saved_by_a_windows_editor_is_read_the_same(po, article_of, fixed_date):
    article = article_of([TITLE, BODY])
    first_run(po, article)
    ours = po.read_bytes()
    crlf = ours.replace(b"\n", b"\r\n")
    po.write_bytes(crlf)
    assert plan(article, "ru", read_catalog(po)) == []
    assert not update_catalog(po, article, "ru", {})  # same content: the reviewer's line ends stay
    assert po.read_bytes() == crlf
    po.write_bytes(b"\xef\xbb\xbf" + crlf)  # a byte-order mark, which msgfmt rejects
    assert plan(article, "ru", read_catalog(po)) == []
    assert update_catalog(po, article, "ru", {})
    assert po.read_bytes() == ours
