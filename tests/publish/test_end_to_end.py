"""Source article -> real segmenter -> catalogs (pseudo engine) -> publish -> --check.

Uses the segmenter of the day through translator.segment.read_article, so it
asserts invariants (every segment lands, structure kinds kept), not bytes.
"""

import json
from pathlib import Path

from translator.mt.pseudo import PseudoEngine
from translator.publish import PublishOptions, check_output, publish
from translator.segment import read_article

SLUG = "shymkent-library"


def test_pseudo_translate_then_publish(project, write_po):
    article = read_article(Path("articles") / f"{SLUG}.md")
    segments = article.translatable_segments()
    for loc in ("ru", "kk"):
        out = PseudoEngine().translate([s.text for _b, s in segments], article.lang, loc)
        tr = {s.text: [t.text, "machine"] for (_b, s), t in zip(segments, out, strict=True)}
        write_po(Path("locales") / loc / "LC_MESSAGES" / f"{SLUG}.po", article, loc, tr,
                 source_file=f"articles/{SLUG}.md", pseudo=True)
    summary = publish(Path("locales"), Path("site"), options=PublishOptions(include_pseudo=True))
    assert summary.ok and summary.articles == 3, summary.problems
    data = json.loads((Path("site") / "ru" / "articles" / f"{SLUG}.json").read_text(encoding="utf-8"))
    published = [seg for b in data["blocks"] for seg in b["segments"]]
    assert len(published) == len(segments)
    assert all(seg["state"] == "machine" and seg["text"].startswith("⟦ru: ") for seg in published)
    assert check_output(Path("site")) == []
    again = publish(Path("locales"), Path("site"), options=PublishOptions(include_pseudo=True))
    assert again.written == ()


def test_pipeline_translate_with_pseudo_engine_then_publish(project):
    from translator.pipeline import TranslateOptions, translate

    options = TranslateOptions(output_dir=Path("cat"), engine="pseudo", tm_path=None, glossary=None,
                               qa=False, project_root=Path.cwd())
    run = translate([Path("articles") / f"{SLUG}.md"], "ru,kk", options)
    assert run.ok, run.failures
    withheld = publish(Path("cat"), Path("site"))
    assert withheld.ok and withheld.articles == 3, withheld.problems
    for loc in ("ru", "kk", "kk-Latn"):
        for fmt in ("md", "json", "html"):
            assert "⟦" not in (Path("site") / loc / "articles" / f"{SLUG}.{fmt}").read_text(encoding="utf-8")
    shown = publish(Path("cat"), Path("site"), options=PublishOptions(include_pseudo=True))
    assert shown.ok and len(shown.written) == 12  # every file changes: the titles in the indexes too
    data = json.loads((Path("site") / "kk" / "articles" / f"{SLUG}.json").read_text(encoding="utf-8"))
    counts = data["meta"]["counts"]
    assert counts["pseudo"] == counts["machine"] == counts["segments"] > 0
    assert data["meta"]["engines"] == ["pseudo"] and data["meta"]["state"] == "machine"
    assert check_output(Path("site")) == []
    assert publish(Path("cat"), Path("site"), options=PublishOptions(include_pseudo=True)).written == ()
