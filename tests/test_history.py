"""History for the site: values from a small real repository, the no-history cases, speed."""

from __future__ import annotations

import datetime as dt
import subprocess
import time

from generator.history import AttitudePoint, Commit, CoveragePoint, plan_history
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
