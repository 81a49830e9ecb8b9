"""``translator segment`` with CliRunner: output formats and every kind of bad input."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator.cli import cli
from translator.errors import InputError
from translator.segment import read_article

ARTICLES = Path(__file__).resolve().parents[2] / "i18n" / "articles"
GOOD = "Toqayev Opens a Bridge\nPhoto: Example\nThe bridge opened. It is long.\n"


def run(*args):
    result = CliRunner().invoke(cli, ["segment", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_json_output_numbers_blocks_like_the_gold_data(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("# source: https://example.kz/x\nA Title Here\n\nFirst one. Second one.\n", encoding="utf-8")
    code, out, err = run(path, "--format", "json", "--lang", "en")
    assert code == 0 and err == ""
    record = json.loads(out)
    assert record["lang"] == "en" and record["slug"] == "page"
    assert record["blocks"] == [
        {"index": 0, "role": "title", "text": "A Title Here", "sentences": ["A Title Here"]},
        {"index": 1, "role": "body", "text": "First one. Second one.",
         "sentences": ["First one.", "Second one."]},
    ]


def test_text_output_on_the_sample_articles():
    code, out, _ = run(*sorted(ARTICLES.iterdir()))
    assert code == 0
    assert out.count("== ") == len(list(ARTICLES.iterdir()))
    assert "[0] title" in out and "related_title" in out


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "dir").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"\n  \n\t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 d\u00e9j\u00e0 vu. Encore.\n".encode("latin-1"))
    with open(tmp_path / "huge.txt", "wb") as fh:  # sparse: 100 MB without writing it
        fh.truncate(100 * 1024 * 1024)
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "directory": (tmp_path / "dir", "is a directory"),
        "empty": (tmp_path / "empty.txt", "empty file"),
        "blank": (tmp_path / "blank.txt", "empty file"),
        "binary": (tmp_path / "binary.txt", "binary file"),
        "not-utf8": (tmp_path / "latin1.txt", "not UTF-8: invalid byte 0xe9 at offset 3"),
        "too-big": (tmp_path / "huge.txt", "too big for one article (100.0 MB"),
    }


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "blank", "binary", "not-utf8", "too-big"])
def test_bad_input_is_one_line_exit_2_and_others_still_run(tmp_path, good, kind):
    path, message = _bad_inputs(tmp_path)[kind]
    code, out, err = run(path, good)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(path) in lines[0]
    assert message in lines[0]
    assert "Traceback" not in err
    assert f"== {good}" in out  # the good file after the bad one was still segmented


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    path, _ = _bad_inputs(tmp_path)["too-big"]
    opened = []
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self))
    with pytest.raises(InputError, match="too big"):
        read_article(path)
    assert opened == []


def test_windows_1251_is_read_and_said_on_stderr(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes("Токаев открыл мост. Жители довольны.\n".encode("cp1251"))
    code, out, err = run(path, "--format", "json")
    assert code == 0
    assert err.strip() == f"warning: {path}: not UTF-8; read as cp1251"
    record = json.loads(out)
    assert record["lang"] == "ru"
    assert record["blocks"][0]["sentences"] == ["Токаев открыл мост.", "Жители довольны."]
    assert dict(read_article(path).meta)["encoding"] == "cp1251"


def test_utf8_bom_is_accepted_silently(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfA Title Here\nBody text.\n")
    code, out, err = run(path)
    assert code == 0 and err == "" and "A Title Here" in out


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_text("text", encoding="utf-8")
    code, _, err = run(path)
    assert code == 2 and "unsupported file type '.pdf'" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    code, _, err = run(path)
    assert code == 2 and "cannot read" in err and "Traceback" not in err


def test_source_line_only_has_no_text(tmp_path):
    path = tmp_path / "only-source.txt"
    path.write_text("# source: https://example.kz/x\n\n", encoding="utf-8")
    code, _, err = run(path)
    assert code == 2 and "no text to segment" in err


def test_utf16_with_bom_is_read_and_said(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Тоқаев Өскеменде болды. Көпір ашылды.\n".encode("utf-16"))
    code, out, err = run(path)
    assert code == 0 and "read as utf-16" in err and "Көпір ашылды." in out
