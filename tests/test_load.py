"""The loader reads a plan as its author typed it, or says exactly where it cannot."""

from __future__ import annotations

import pytest

from generator import load
from generator.load import LoadError, parse


def error_of(raw: bytes) -> LoadError:
    with pytest.raises(LoadError) as caught:
        parse(raw, "plan.yaml")
    return caught.value


# --- what values mean -------------------------------------------------------------

def test_scalars_follow_yaml_1_2_core_and_dates_stay_text():
    doc = parse(b"a: 2026-11-23\nb: NO\nc: yes\nd: off\ne: 1:20\nf: 010\ng: 0x1F\nh: 1.5\ni: true\nj: ~\nk: '12'\n")
    assert doc.data == {"a": "2026-11-23", "b": "NO", "c": "yes", "d": "off", "e": "1:20", "f": 10,
                        "g": 31, "h": 1.5, "i": True, "j": None, "k": "12"}


def test_quoted_scalars_are_always_text():
    assert parse(b"a: 'true'\nb: \"1\"\nc: |\n  line\n").data == {"a": "true", "b": "1", "c": "line\n"}


def test_positions_of_values_and_keys_are_one_based():
    doc = parse(b"id: x\nteam:\n  - person: jtamm\n    role: sales\n")
    assert doc.source.at(("team", 0, "role")) == (4, 11)
    assert doc.source.key_at(("team", 0, "role")) == (4, 5)
    assert doc.source.at(("team", 0)) == (3, 5)


def test_position_of_a_missing_path_falls_back_to_its_nearest_ancestor():
    doc = parse(b"id: x\nteam:\n  - person: jtamm\n")
    assert doc.source.at(("team", 0, "covers", 3)) == (3, 5)


def test_a_byte_order_mark_is_accepted():
    assert parse(b"\xef\xbb\xbfid: x\n").data == {"id": "x"}


def test_text_with_ampersands_stars_and_exclamation_marks_is_plain_text():
    assert parse(b"a: R&D * 2 - Tere!\n").data == {"a": "R&D * 2 - Tere!"}


def test_an_integer_too_long_to_convert_stays_text():
    assert parse(b"a: " + b"9" * 5000 + b"\n").data["a"] == "9" * 5000


# --- what is rejected, and where -----------------------------------------------------

@pytest.mark.parametrize("raw, code, line, column", [
    (b"a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3, 1),
    (b"a:\n  x: 1\n  x: 2\n", "yaml-duplicate-key", 3, 3),
    (b"a: &x [1]\nb: *x\n", "yaml-anchor", 1, 4),
    (b"a: [1]\nb: *x\n", "yaml-alias", 2, 4),
    (b"a: {x: 1}\nb:\n  <<: {y: 2}\n", "yaml-merge", 3, 3),
    (b"a: !!python/object/apply:os.system [ls]\n", "yaml-tag", 1, 4),
    (b"a: !!str 1\n", "yaml-tag", 1, 4),
    (b"a: !local x\n", "yaml-tag", 1, 4),
    (b"a: 1\n---\nb: 2\n", "yaml-syntax", 2, 1),
    (b"", "empty", 1, 1),
    (b"# only a comment\n", "empty", 1, 1),
    (b"---\n...\n", "empty", 1, 1),
    (b"- a\n- b\n", "top-level", 1, 1),
    (b"just text\n", "top-level", 1, 1),
    (b"a: 1\nb: caf\xe9\n", "encoding", 2, 7),
    (b"\xff\xfea\x00:\x00", "encoding", 1, 1),
    (b"a: 1\nb: x\x07y\n", "yaml-character", 2, 5),
    (b"a:\n\tb: 1\n", "yaml-syntax", 2, 1),
    (b"a: [1, 2\nb: 3\n", "yaml-syntax", 1, 4),
    (b"? [a, b]\n: 1\n", "yaml-key", 1, 3),
])
def test_rejected_with_code_and_position(raw, code, line, column):
    error = error_of(raw)
    assert (error.code, error.line, error.column) == (code, line, column)


def test_billion_laughs_is_rejected_before_anything_is_expanded():
    lines = [b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [b"a%d: &a%d [" % (i, i) + b", ".join([b"*a%d" % (i - 1)] * 10) + b"]" for i in range(1, 10)]
    assert error_of(b"\n".join(lines) + b"\n").code == "yaml-anchor"


def test_deep_flow_nesting_is_rejected_before_the_parser_can_overflow_its_stack():
    # libyaml composes recursively: 100,000 open brackets crash the interpreter
    error = error_of(b"a: " + b"[" * 200_000 + b"]" * 200_000 + b"\n")
    assert error.code == "yaml-depth"


@pytest.mark.parametrize("brackets", [load.MAX_DEPTH + 1, 999, 1_000, 1_001, 5_000])
def test_deep_flow_nesting_is_kams_error_at_its_line_whatever_libyamls_own_limit(brackets):
    # PyYAML 6.0.4's libyaml stops at 1,000 brackets with a scanner error of its own; 6.0.2 does not.
    # The top-level mapping is the first level, so the 40th bracket is one too many.
    raw = "id: ä\nname: x\nlist: ".encode() + b"[" * brackets + b"]" * brackets + b"\n"
    error = error_of(raw)
    assert (error.code, error.line, error.column) == ("yaml-depth", 3, 6 + load.MAX_DEPTH)
    assert error.message == f"nested deeper than {load.MAX_DEPTH} levels"


def test_a_syntax_error_before_deep_nesting_is_still_a_syntax_error():
    raw = b"a: b: c\nlist: " + b"[" * 2_000 + b"]" * 2_000 + b"\n"
    assert error_of(raw).code == "yaml-syntax"


def test_deep_block_nesting_is_rejected():
    raw = b"".join(b"  " * i + b"k%d:\n" % i for i in range(60)) + b"  " * 60 + b"v: 1\n"
    assert error_of(raw).code == "yaml-depth"


def test_nesting_up_to_the_limit_is_fine():
    depth = load.MAX_DEPTH - 1
    assert parse(b"a: " + b"[" * depth + b"]" * depth + b"\n").data["a"] is not None


def test_quoted_brackets_do_not_count_as_nesting():
    text = b"a: '" + b"[" * 1000 + b"'\n"
    assert parse(text).data["a"] == "[" * 1000


def test_a_file_over_the_size_cap_is_rejected_without_being_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * 200 + b"\n")
    with pytest.raises(LoadError) as caught:
        load.load(big)
    assert caught.value.code == "file-size"


def test_an_unreadable_path_is_a_load_error(tmp_path):
    with pytest.raises(LoadError) as caught:
        load.load(tmp_path)  # a folder, not a file
    assert caught.value.code == "file"
