"""`kam demo` never destroys what a user wrote: it rewrites only an earlier demo, unchanged, and
says exactly what --force would replace."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def kam(*args: str):
    return CliRunner().invoke(main, list(args))


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _users_repository(root: Path) -> None:
    for relative, text in (("accounts/acme.yaml", "id: acme\nname: Acme\n"), ("mkdocs.yml", "site_name: Ours\n"),
                           (".gitignore", "secrets/\n"), ("README.md", "Our plans\n")):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def test_a_users_repository_is_refused_naming_what_would_be_lost(tmp_path: Path):
    _users_repository(tmp_path)
    before = _snapshot(tmp_path)
    result = kam("demo", "--accounts", "2", "--out", str(tmp_path))
    assert result.exit_code == 2
    message = result.stderr
    assert message.count("\n") == 1 and "--force" in message
    for name in (".gitignore", "mkdocs.yml", "accounts/acme.yaml"):
        assert name in message
    assert "README.md" not in message  # the demo does not write it: not at risk
    assert _snapshot(tmp_path) == before


def test_force_does_what_the_refusal_said_and_says_it_again(tmp_path: Path):
    _users_repository(tmp_path)
    result = kam("demo", "--accounts", "2", "--out", str(tmp_path), "--force")
    assert result.exit_code == 0, result.output
    assert "replaced (--force): .gitignore, mkdocs.yml, accounts/acme.yaml" in result.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "Our plans\n"


def test_an_earlier_demo_is_rewritten_without_force(tmp_path: Path):
    out = tmp_path / "demo"
    assert kam("demo", "--accounts", "4", "--out", str(out), "--seed", "1").exit_code == 0
    (out / "site").mkdir()
    (out / "site" / "index.html").write_text("built", encoding="utf-8")  # the demo was built
    again = kam("demo", "--accounts", "2", "--out", str(out), "--seed", "2")
    assert again.exit_code == 0, again.output
    assert "replaced" not in again.stderr
    assert len(list((out / "accounts").glob("[!_]*.yaml"))) == 2
    marker = json.loads((out / ".kam-demo.json").read_text(encoding="utf-8"))
    assert set(marker["files"]) == set(_snapshot(out)) - {".kam-demo.json", "site/index.html"}


def test_an_earlier_demo_the_user_changed_is_refused(tmp_path: Path):
    out = tmp_path / "demo"
    assert kam("demo", "--accounts", "3", "--out", str(out)).exit_code == 0
    (out / "mkdocs.yml").write_text("site_name: Mine now\n", encoding="utf-8")
    plan = sorted((out / "accounts").glob("[!_]*.yaml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8") + "# my note\n", encoding="utf-8")
    before = _snapshot(out)
    result = kam("demo", "--accounts", "2", "--out", str(out), "--seed", "9")
    assert result.exit_code == 2
    assert "mkdocs.yml" in result.stderr and f"accounts/{plan.name}" in result.stderr
    assert _snapshot(out) == before


def test_a_marker_that_lies_about_a_file_protects_nothing_less(tmp_path: Path):
    _users_repository(tmp_path)
    (tmp_path / ".kam-demo.json").write_text(json.dumps({"files": {"mkdocs.yml": "0" * 64}}), encoding="utf-8")
    result = kam("demo", "--accounts", "2", "--out", str(tmp_path))
    assert result.exit_code == 2 and "mkdocs.yml" in result.stderr
