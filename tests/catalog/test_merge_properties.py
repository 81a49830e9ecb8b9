"""Merge invariants under random edits: no reviewed translation is ever lost; merging is idempotent."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.catalog import Catalog, Proposal, make_plan, merge_catalog

WORDS = ["bridge", "Oskemen", "tenge", "forum", "river", "opens", "the", "new", "city", "44", "Monday"]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(lambda w: " ".join(w) + ".")
BLOCKS = st.lists(st.lists(SENTENCE, min_size=1, max_size=3), min_size=1, max_size=5)


def article(build, blocks):
    return build([("body", sentences) for sentences in blocks])


def proposals(a, tag):
    return {s.id: Proposal(f"{tag}:{s.text}") for _b, s in a.translatable_segments()}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=BLOCKS, after=BLOCKS, reviewed=st.lists(st.booleans(), max_size=15))
def test_reviewed_work_survives_any_edit(article_of, before, after, reviewed):
    a1 = article(article_of, before)
    cat = merge_catalog(None, a1, "ru", proposals(a1, "mt1"))
    flags = reviewed + [False] * len(cat.entries)
    entries = tuple(replace(e, msgstr=f"human:{e.msgid}", fuzzy=False) if flags[i] else e
                    for i, e in enumerate(cat.entries))
    cat = replace(cat, entries=entries)
    a2 = article(article_of, after)
    merged = merge_catalog(cat, a2, "ru", proposals(a2, "mt2"))
    for old in cat.entries:
        if not old.reviewed:
            continue
        kept = [e for e in merged.entries if e.msgstr == old.msgstr and (
            (e.msgid == old.msgid and (e.reviewed or e.obsolete))
            or (e.fuzzy and e.previous_msgid == old.msgid))]
        assert kept, f"reviewed translation of {old.msgid!r} was lost"
    # every segment of the new article has exactly one active entry, in reading order
    assert [(e.msgctxt, e.msgid) for e in merged.active] == [(s.id, s.text) for _b, s in a2.translatable_segments()]
    # merging again with the same input changes nothing and plans nothing
    assert merge_catalog(merged, a2, "ru", proposals(a2, "mt3")).entries == merged.entries
    assert make_plan(a2, merged).needs_mt() == []


def test_empty_catalog_roundtrip(article_of):
    a = article(article_of, [["The new bridge."]])
    assert isinstance(merge_catalog(None, a, "kk", {}), Catalog)
