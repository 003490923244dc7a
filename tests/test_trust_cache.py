"""A cache committed by a pull request (`git add -f .cache/kam`) or damaged on disk is never believed:
forged verdicts and documents, foreign, truncated or linked entries are read as misses and recomputed."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from click.testing import CliRunner

from conftest import environment
from generator import history
from generator.cache import CACHE_DIR, digest
from generator.cli import main
from generator.workspace import Context, load_portfolio
from gitrepo import git_repo  # noqa: F401 - a fixture



def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": "", "KAM_CACHE_DIR": None})


def _plan_key(root: Path, display: str = "accounts/nordvik.yaml") -> str:
    """The content-hash key kam files a plan's verdict under: what an attacker can compute too."""
    result = load_portfolio(root, models=False)
    context = Context(result.people, tuple(t.id for t in result.settings.tiers))
    return digest(context.key(), display, (root / display).read_bytes())


def _put(root: Path, namespace: str, key: str, data: bytes) -> Path:
    path = root / CACHE_DIR / namespace / key[:2] / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _entries(root: Path, namespace: str) -> list[Path]:
    return [p for p in (root / CACHE_DIR / namespace).rglob("*") if p.is_file()]


def test_a_forged_verdict_does_not_make_an_invalid_plan_pass(repo: Path):
    plan = repo / "accounts/nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("influence: high", "influence: enormous", 1),
                    encoding="utf-8")
    key = _plan_key(repo)
    verdict = marshal.dumps(([], "nordvik", (2, 1)))
    for forged in (verdict, b"\0" * 32 + verdict):  # bare, and with a made-up MAC in front
        _put(repo, "plans", key, forged)
        result = kam("validate")
        assert result.exit_code == 1, result.output
        assert "enormous" in result.output


def test_a_forged_document_does_not_reach_the_model(repo: Path):
    key = _plan_key(repo)
    assert kam("check", "--today", "2026-11-23").exit_code == 0  # caches the real verdict and document
    document = marshal.dumps(({"id": "nordvik", "name": "FORGED", "owner": "jtamm", "tier": "strategic",
                               "stakeholders": [], "team": []}, marshal.dumps({})))
    for forged in (document, b"\0" * 32 + document):
        _put(repo, "documents", key, forged)
        _put(repo, "plans", key, marshal.dumps(([], "nordvik", (2, 1))))
        plans = load_portfolio(repo).plans
        assert [p.name for p in plans] == ["Nordvik Havn AS"]


def test_truncated_or_emptied_entries_are_recomputed_not_fatal(repo: Path):
    commands = (("validate",), ("check", "--today", "2026-11-23"))
    clean = {command: kam(*command) for command in commands}
    assert [result.exit_code for result in clean.values()] == [0, 0]
    for cut in (lambda data: data[: len(data) // 2], lambda data: b"", lambda data: data[:-1]):
        for namespace in ("plans", "documents"):
            for entry in _entries(repo, namespace):
                entry.write_bytes(cut(entry.read_bytes()))
        for command in commands:
            result = kam(*command)
            assert (result.exit_code, result.output) == (0, clean[command].output)
    assert load_portfolio(repo).plans[0].name == "Nordvik Havn AS"


def test_an_entry_that_is_a_link_is_not_followed(repo: Path):
    assert kam("validate").exit_code == 0
    for entry in _entries(repo, "plans"):
        entry.unlink()
        entry.symlink_to("/dev/zero")
    result = kam("validate")
    assert result.exit_code == 0 and result.output.endswith("no problems\n")
    assert not any(p.is_symlink() for p in _entries(repo, "plans"))  # written again, as files


def test_entries_from_another_machine_are_not_believed(repo: Path, tmp_path: Path):
    assert kam("validate").exit_code == 0
    plan = repo / "accounts/nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("influence: high", "influence: enormous", 1),
                    encoding="utf-8")
    # the attacker's own machine, with its own secret, writes a well-formed entry for the broken plan
    from generator import cache as cache_module

    key = _plan_key(repo)
    cache_module.machine_secret.cache_clear()
    try:
        with environment(XDG_CACHE_HOME=str(tmp_path / "attacker")):
            cache_module.Cache(repo / CACHE_DIR).put("plans", key, marshal.dumps(([], "nordvik", (2, 1))))
    finally:
        cache_module.machine_secret.cache_clear()
    assert cache_module.secret_path() != tmp_path / "attacker" / "kam" / "secret"
    result = kam("validate")
    assert result.exit_code == 1 and "enormous" in result.output


def test_the_secret_lives_outside_the_repository_and_only_its_owner_reads_it(repo: Path):
    from generator.cache import machine_secret, secret_path

    assert machine_secret() == machine_secret()
    path = secret_path()
    assert path.is_file() and repo not in path.parents
    assert os.stat(path).st_mode & 0o077 == 0


def test_damaged_history_entries_are_recomputed(git_repo):
    root = git_repo.root
    git_repo.edit("accounts/nordvik.yaml", "attitude: supporter", "attitude: champion")
    git_repo.commit("Kari is a champion now")
    before = history.portfolio_history(root, ["accounts/nordvik.yaml"])
    entries = _entries(root, "history")
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:7])
    assert history.portfolio_history(root, ["accounts/nordvik.yaml"]) == before
    forged = marshal.dumps(((("kari", "FORGED", "blocker"),), 99, ()))
    for entry in _entries(root, "history"):
        entry.write_bytes(forged)
    assert history.portfolio_history(root, ["accounts/nordvik.yaml"]) == before


def test_a_cache_folder_committed_as_a_link_is_neither_read_nor_written(repo: Path, tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".cache").symlink_to(elsewhere)
    assert kam("validate").exit_code == 0
    assert list(elsewhere.rglob("*")) == []


def test_a_linked_shard_is_never_written_into_or_pruned(repo: Path, tmp_path: Path):
    from generator.cache import prune

    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / ("0" * 32)).write_bytes(b"someone's file")
    os.utime(victim / ("0" * 32), (0, 0))
    assert kam("validate").exit_code == 0
    shard = _entries(repo, "plans")[0].parent
    for entry in shard.iterdir():
        entry.unlink()
    shard.rmdir()
    shard.symlink_to(victim)
    assert kam("validate").exit_code == 0
    assert prune(repo / CACHE_DIR / "plans", []) >= 0
    assert sorted(p.name for p in victim.iterdir()) == ["0" * 32]


def test_a_secret_given_in_the_environment_is_shared_by_every_machine_and_never_written(tmp_path: Path):
    from generator import cache as cache_module

    secrets = []
    try:
        for home in ("ci-1", "ci-2"):
            with environment(XDG_CACHE_HOME=str(tmp_path / home), KAM_CACHE_SECRET="from a CI secret"):
                cache_module.machine_secret.cache_clear()
                secrets.append(cache_module.machine_secret())
                assert not cache_module.secret_path().exists()
    finally:
        os.environ.pop("KAM_CACHE_SECRET", None)
        cache_module.machine_secret.cache_clear()
    assert secrets[0] == secrets[1] and len(secrets[0]) == 32
