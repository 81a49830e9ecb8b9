import shutil
import subprocess

import pytest

from translator.catalog import read_catalog
from translator.errors import CatalogError, InputError, ParseError
from translator.qa import check_catalogs
from translator.qa.catalogs import catalog_languages


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU msgfmt is not installed")
def test_fixture_catalogs_are_valid_po(locales_tree, tmp_path):
    for po in locales_tree.rglob("*.po"):
        subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(po)], check=True)


def test_findings_per_entry(locales_tree):
    records = check_catalogs([locales_tree])
    got = {(r.path.parent.parent.name, r.entry.msgctxt, r.finding.check, r.finding.severity) for r in records}
    assert got == {
        ("ru", "b2", "numbers", "error"),  # 7,000 reads as 7 in Russian
        ("ru", "c3", "pseudo", "error"),
        ("ru", "d4", "quotes", "warning"),
    }
    ru = locales_tree / "ru" / "LC_MESSAGES" / "square.po"
    by_ctx = {r.entry.msgctxt: r for r in records}
    assert by_ctx["b2"].path == ru
    # the entry line points at the entry in the file (polib counts from its first line)
    lines = ru.read_text(encoding="utf-8").splitlines()
    assert 'msgctxt "b2"' in "\n".join(lines[by_ctx["b2"].entry.line - 1:by_ctx["b2"].entry.line + 4])


def test_single_file_and_untranslated_and_obsolete_skipped(locales_tree):
    kk = locales_tree / "kk" / "LC_MESSAGES" / "square.po"
    assert check_catalogs([kk]) == []
    ru = locales_tree / "ru" / "LC_MESSAGES" / "square.po"
    ctxs = {r.entry.msgctxt for r in check_catalogs([ru])}
    assert "e5" not in ctxs and "f6" not in ctxs


def test_languages_from_headers_and_folders(locales_tree, tmp_path):
    ru = read_catalog(locales_tree / "ru" / "LC_MESSAGES" / "square.po")
    assert catalog_languages(ru) == ("en", "ru")
    text = (locales_tree / "ru" / "LC_MESSAGES" / "square.po").read_text(encoding="utf-8")
    latin = tmp_path / "kk@latin.po"
    latin.write_text(text.replace("Language: ru", "Language: kk@latin"), encoding="utf-8")
    assert catalog_languages(read_catalog(latin)) == ("en", "kk-Latn")
    nolang = tmp_path / "x" / "kk" / "LC_MESSAGES" / "a.po"
    nolang.parent.mkdir(parents=True)
    nolang.write_text(text.replace('"Language: ru\\n"\n', ""), encoding="utf-8")
    assert catalog_languages(read_catalog(nolang)) == ("en", "kk")
    nosource = tmp_path / "nosource.po"
    nosource.write_text(text.replace('"X-Source-Language: en\\n"\n', ""), encoding="utf-8")
    with pytest.raises(CatalogError, match="X-Source-Language"):
        check_catalogs([nosource])


def test_broken_catalog_reported_and_others_still_checked(locales_tree):
    broken = locales_tree / "ru" / "LC_MESSAGES" / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    with pytest.raises(ParseError):
        check_catalogs([locales_tree])
    seen = []
    records = check_catalogs([locales_tree], on_error=lambda path, exc: seen.append((path, exc)))
    assert [p for p, _ in seen] == [broken] and isinstance(seen[0][1], ParseError)
    assert {r.entry.msgctxt for r in records} == {"b2", "c3", "d4"}


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        check_catalogs([tmp_path / "nope"])
