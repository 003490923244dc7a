"""Messages are written so that `make messages` can extract them and a translator can order them:
literal text with named placeholders, never an f-string, a concatenation or positional {} / %s."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
# function -> the positions of its message arguments
CALLS = {"_": (0,), "gettext": (0,), "N_": (0,), "ngettext": (0, 1), "pgettext": (1,), "npgettext": (1, 2)}


def _name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def message_arguments():
    for path in sorted(GENERATOR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) in CALLS:
                for index in CALLS[_name(node)]:
                    if index < len(node.args):
                        yield f"{path.relative_to(GENERATOR)}:{node.lineno}", node.args[index]


def test_no_message_is_an_f_string_or_glued_together():
    wrong = [where for where, arg in message_arguments() if isinstance(arg, (ast.JoinedStr, ast.BinOp))]
    assert wrong == []


def test_placeholders_are_named():
    wrong = []
    for where, arg in message_arguments():
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            names = [name for _, name, _, _ in string.Formatter().parse(arg.value) if name is not None]
            if any(name == "" or name.isdigit() for name in names) or re.search(r"%[sd]", arg.value):
                wrong.append((where, arg.value))
    assert wrong == []


def test_no_message_is_written_inside_an_f_string():
    """pybabel (on Python 3.11) does not look inside f-strings: a message there is never extracted."""
    wrong = []
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                wrong += [f"{path.relative_to(GENERATOR)}:{call.lineno}" for call in ast.walk(node)
                          if isinstance(call, ast.Call) and _name(call) in CALLS]
    assert wrong == []
