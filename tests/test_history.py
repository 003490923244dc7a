"""History for the site: values from a small real repository, the no-history cases, speed, and the
portfolio-wide batch (one git log for every plan) against plan_history, plan by plan."""

from __future__ import annotations

import datetime as dt
import subprocess
import time

from generator import history
from generator.history import (DEFAULT_LIMIT, AttitudePoint, Commit, CoveragePoint, _version, for_plans, plan_history,
                               portfolio_history)
from gitrepo import GIT_ENV, git_repo, make_repo  # noqa: F401 - git_repo is a fixture

PLAN = "accounts/nordvik.yaml"
UTC = dt.timezone.utc


def day(n: int) -> dt.date:
    return dt.date(2026, 1, n)


def build_history(repo) -> list[str]:
    """Five more commits on top of the fixture's first (2026-01-01): returns all six ids, oldest first."""
    ids = [repo.git("rev-parse", "HEAD")]
    repo.edit(PLAN, "attitude: supporter", "attitude: champion")
    repo.edit(PLAN, "team:", "  - id: ingrid\n    name: Ingrid Berg\n    influence: high\n    attitude: sceptic\n"
                             "team:")
    repo.edit(PLAN, "      - {stakeholder: kari, strength: medium}", "      - {stakeholder: kari, strength: medium}\n"
                                                                     "      - {stakeholder: ingrid, strength: weak}")
    ids.append(repo.commit("Nordvik: Ingrid Berg joins the buying group", author="Päivi Mäkelä"))
    text = (repo.root / PLAN).read_text(encoding="utf-8")
    repo.write(PLAN, "id: [\n")
    ids.append(repo.commit("Oops"))
    repo.write(PLAN, text.replace("attitude: sceptic", "attitude: neutral")
               .replace("      - {stakeholder: ola, strength: strong}\n", "")
               .rstrip("\n") + "\n  - {period: 2026-Q4, date: 2026-12-20, with_customer: true}\n")
    ids.append(repo.commit("Nordvik: Q4 review"))
    repo.write("accounts/other.yaml", "id: other\nname: Other\nowner: jtamm\ntier: key\n")
    repo.commit("Another account")
    repo.git("mv", PLAN, "accounts/nordvik-havn.yaml")
    repo.edit("accounts/nordvik-havn.yaml", "id: nordvik", "id: nordvik-havn")
    ids.append(repo.commit("Nordvik: the id says the whole name", author="Øystein Ødegård"))
    return ids


def test_history_of_a_small_repository(git_repo):
    ids = build_history(git_repo)
    history = plan_history(git_repo.root, "accounts/nordvik-havn.yaml")
    assert (history.available, history.reason, history.truncated) == (True, None, False)
    assert history.last_change == Commit(ids[4], dt.datetime(2026, 1, 6, 9, 0, tzinfo=UTC), "Øystein Ødegård",
                                         "Nordvik: the id says the whole name")
    assert [(c.date.date(), c.author, c.subject) for c in history.commits] == [
        (day(6), "Øystein Ødegård", "Nordvik: the id says the whole name"),
        (day(4), "Jüri Tamm", "Nordvik: Q4 review"),
        (day(3), "Jüri Tamm", "Oops"),
        (day(2), "Päivi Mäkelä", "Nordvik: Ingrid Berg joins the buying group"),
        (day(1), "Jüri Tamm", "Start the portfolio"),
    ]
    assert history.skipped == (ids[2],)  # "Oops" does not parse
    assert [(t.stakeholder, t.name, t.points, t.current) for t in history.attitudes] == [
        ("kari", "Kari Nordmann", (AttitudePoint(day(1), "supporter"), AttitudePoint(day(2), "champion")), True),
        ("ola", "Ola Hansen", (AttitudePoint(day(1), "champion"),), True),
        ("ingrid", "Ingrid Berg", (AttitudePoint(day(2), "sceptic"), AttitudePoint(day(4), "neutral")), True),
    ]
    assert history.coverage == (CoveragePoint(day(1), 3, ids[0]), CoveragePoint(day(2), 4, ids[1]),
                                CoveragePoint(day(4), 3, ids[3]), CoveragePoint(day(6), 3, ids[4]))
    assert [(r.period, r.date, r.with_customer, r.recorded.id) for r in history.reviews] == [
        ("2026-Q3", dt.date(2026, 10, 5), None, ids[0]),
        ("2026-Q4", dt.date(2026, 12, 20), True, ids[3]),
    ]


def test_only_the_last_commits_are_read_and_the_cut_is_said(git_repo):
    ids = build_history(git_repo)
    history = plan_history(git_repo.root, git_repo.root / "accounts/nordvik-havn.yaml", limit=2)
    assert [c.id for c in history.commits] == [ids[4], ids[3]]
    assert history.truncated
    assert [t.points for t in history.attitudes][2] == (AttitudePoint(day(4), "neutral"),)


def test_a_former_stakeholder_keeps_their_trend(git_repo):
    git_repo.edit(PLAN, "attitude: champion", "attitude: sceptic")
    git_repo.commit("Ola is sceptical now")
    text = (git_repo.root / PLAN).read_text(encoding="utf-8")
    start = text.index("  - id: ola")
    git_repo.write(PLAN, text[:start] + text[text.index("team:"):].replace(
        "      - {stakeholder: ola, strength: strong}\n", ""))
    git_repo.commit("Ola left the customer")
    ola = plan_history(git_repo.root, PLAN).attitudes[-1]
    assert (ola.stakeholder, ola.points, ola.current) == (
        "ola", (AttitudePoint(day(1), "champion"), AttitudePoint(day(2), "sceptic")), False)


def test_no_git_repository(repo):
    history = plan_history(repo, PLAN)
    assert not history.available
    assert history.reason.startswith("no git history: ") and "not a git repository" in history.reason
    assert (history.commits, history.attitudes, history.last_change) == ((), (), None)


def test_a_file_never_committed(git_repo):
    git_repo.write("accounts/new.yaml", "id: new\n")
    assert plan_history(git_repo.root, "accounts/new.yaml").reason == "the file has no commits yet"
    assert plan_history(git_repo.root, "accounts/no-such-file.yaml").reason == "the file has no commits yet"


def test_a_repository_without_commits(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env={**GIT_ENV, "PATH": "/usr/bin:/bin"})
    history = plan_history(tmp_path, PLAN)
    assert not history.available and history.reason.startswith("no git history: ")


def test_a_shallow_clone(git_repo, tmp_path):
    git_repo.commit("Second")
    clone = tmp_path / "clone"
    git_repo.git("clone", "-q", "--depth", "1", f"file://{git_repo.root}", str(clone))
    assert plan_history(clone, PLAN) == plan_history(clone, PLAN)
    assert plan_history(clone, PLAN).reason == ("the clone is shallow: fetch the whole history "
                                                "(actions/checkout with fetch-depth: 0)")


def test_two_hundred_commits_cost_well_under_a_second(tmp_path, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    repo = make_repo(tmp_path / "plans")
    plan = (repo.root / PLAN).read_text(encoding="utf-8")
    stream = [b"reset refs/heads/main\nfrom refs/heads/main^0\n"]
    for i in range(200):
        attitude = ("supporter", "neutral", "champion")[i % 3]
        data = plan.replace("attitude: supporter", f"attitude: {attitude}").encode() + f"# {i}\n".encode()
        stream.append(b"commit refs/heads/main\ncommitter Kari <k@example.com> %d +0000\ndata 6\nEdit.\n" % (
            1_767_261_600 + i * 86_400) + b"M 100644 inline " + PLAN.encode() + b"\ndata %d\n" % len(data) + data + b"\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo.root, input=b"".join(stream), check=True)
    repo.git("reset", "-q", "--hard")
    start = time.perf_counter()
    history = plan_history(repo.root, PLAN, limit=200)
    elapsed = time.perf_counter() - start
    assert len(history.commits) == 200 and history.truncated  # 201 commits with the first
    assert len(history.attitudes[0].points) == 200
    assert elapsed < 1.0, f"{elapsed:.2f} s"


# --- many plans at once: portfolio_history ---------------------------------------------------

def every_plan(root) -> list[str]:
    return sorted(f"accounts/{p.name}" for p in (root / "accounts").glob("*.yaml") if not p.name.startswith("_"))


def assert_batch_matches(root, limit: int = DEFAULT_LIMIT, current=None) -> dict:
    paths = every_plan(root)
    batch = portfolio_history(root, paths, limit, current)
    assert list(batch) == paths
    for path in paths:
        assert batch[path] == plan_history(root, path, limit), path
    return batch


def test_the_batch_gives_what_plan_history_gives(git_repo):
    build_history(git_repo)  # a rename, a version that does not parse, a former stakeholder's trend
    git_repo.write("accounts/gone.yaml", "id: gone\n")
    git_repo.commit("A plan that is deleted and written again")
    git_repo.git("rm", "-q", "accounts/gone.yaml")
    git_repo.commit("Gone")
    git_repo.write("accounts/gone.yaml", "id: gone\nname: Back\n")
    git_repo.commit("Back")
    git_repo.write("accounts/new.yaml", "id: new\n")  # never committed
    batch = assert_batch_matches(git_repo.root)
    assert batch["accounts/new.yaml"].reason == "the file has no commits yet"
    assert [c.subject for c in batch["accounts/gone.yaml"].commits] == ["Back", "Gone", "A plan that is deleted and "
                                                                        "written again"]
    assert len(batch["accounts/nordvik-havn.yaml"].commits) == 5
    for limit in (1, 2, 4):
        assert_batch_matches(git_repo.root, limit)


def test_the_batch_follows_merges_as_plan_history_does(git_repo):
    git_repo.git("checkout", "-q", "-b", "branch")
    git_repo.edit(PLAN, "attitude: supporter", "attitude: champion")
    git_repo.commit("On a branch: Kari is a champion")
    git_repo.git("checkout", "-q", "main")
    git_repo.write("accounts/other.yaml", "id: other\n")
    git_repo.commit("Meanwhile on main")
    git_repo.git("merge", "-q", "--no-edit", "--no-ff", "branch", env={"GIT_AUTHOR_DATE": "2026-02-01T09:00:00Z",
                                                                       "GIT_COMMITTER_DATE": "2026-02-01T09:00:00Z"})
    batch = assert_batch_matches(git_repo.root)
    subjects = [c.subject for c in batch[PLAN].commits]
    assert subjects == ["Merge branch 'branch'", "On a branch: Kari is a champion", "Start the portfolio"]


def test_plans_on_disk_stand_in_for_their_versions(git_repo, monkeypatch):
    from generator.workspace import load_portfolio

    build_history(git_repo)
    plans = {f"accounts/{p.id}.yaml": p for p in load_portfolio(git_repo.root).plans}
    assert sorted(plans) == ["accounts/nordvik-havn.yaml", "accounts/other.yaml"]
    monkeypatch.setenv("KAM_NO_CACHE", "1")
    parsed = []
    monkeypatch.setattr(history, "_version", lambda raw, path: parsed.append(path) or _version(raw, path))
    batch = portfolio_history(git_repo.root, every_plan(git_repo.root), current=plans)
    assert parsed == ["accounts/nordvik.yaml"] * 4  # the older versions; the newest came from the plans
    assert batch == assert_batch_matches(git_repo.root)
    assert for_plans(git_repo.root, plans.values()) == {"nordvik-havn": batch["accounts/nordvik-havn.yaml"],
                                                        "other": batch["accounts/other.yaml"]}


def test_the_batch_outside_git(repo):
    assert portfolio_history(repo, [PLAN]) == {PLAN: plan_history(repo, PLAN)}
    assert portfolio_history(repo, [PLAN])[PLAN].reason.startswith("no git history: not a git repository")


def test_the_batch_in_a_shallow_clone(git_repo, tmp_path):
    git_repo.commit("Second")
    clone = tmp_path / "clone"
    git_repo.git("clone", "-q", "--depth", "1", f"file://{git_repo.root}", str(clone))
    assert portfolio_history(clone, [PLAN]) == {PLAN: plan_history(clone, PLAN)}
    assert portfolio_history(clone, [PLAN])[PLAN].reason.startswith("the clone is shallow")
    assert portfolio_history(clone, []) == {}


def test_the_batch_takes_paths_as_plan_history_does(git_repo):
    paths = [git_repo.root / PLAN, f"./{PLAN}", PLAN, "accounts/../accounts/nordvik.yaml"]
    assert portfolio_history(git_repo.root, paths) == {PLAN: plan_history(git_repo.root, PLAN)}


def test_many_versions_are_parsed_in_worker_processes_with_the_same_result(git_repo, monkeypatch):
    build_history(git_repo)
    monkeypatch.setenv("KAM_NO_CACHE", "1")
    serial = portfolio_history(git_repo.root, every_plan(git_repo.root))
    monkeypatch.setattr(history, "PARALLEL_MIN_BYTES", 1)
    assert portfolio_history(git_repo.root, every_plan(git_repo.root)) == serial


def test_the_sites_batch_prunes_cached_versions_it_no_longer_reads(git_repo):
    from generator.workspace import load_portfolio
    from test_cache import age_all

    build_history(git_repo)
    plans = load_portfolio(git_repo.root).plans
    cache = git_repo.root / ".cache" / "kam" / "history"
    first = for_plans(git_repo.root, plans)
    versions = {p.name for p in cache.rglob("*") if p.is_file()}
    stale = cache / "00" / ("0" * 32)  # a version of older code, or of a blob no longer in the history
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"x")
    age_all(cache)
    plan_history(git_repo.root, "accounts/other.yaml")  # one plan's history: nothing pruned
    assert stale.exists()
    assert for_plans(git_repo.root, plans) == first
    assert not stale.exists() and {p.name for p in cache.rglob("*") if p.is_file()} == versions
