"""`kam new`: a new plan from the template, valid the moment it is written.

The template (templates/plan.yaml.j2) holds every section of a plan with
short guidance; the optional ones are commented-out examples. What the user
gives (id, name, owner, tier) is checked first, and the written text is
checked as `kam validate` would check it, so a new plan never starts broken;
where the repository keeps a `.github/CODEOWNERS`, the plan's line is added.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Optional

import jinja2

from . import codeowners, gitio, model
from .files import ReadError, read_capped
from .load import MAX_BYTES, LoadError, load, parse
from .validate import did_you_mean, schema_errors, schema_path
from .workspace import ACCOUNTS_DIR, PEOPLE_FILE, SETTINGS_FILE, YAML_SUFFIXES, Context, UsageError, check_plan

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")  # as schema/plan.schema.json's slug
TEMPLATES = Path(__file__).resolve().parent / "templates"
SCHEMA_LINE = "# yaml-language-server: $schema="


def _one_line(value) -> str:
    return " ".join(str(value).split())


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a double-quoted YAML scalar
    env.filters["comment"] = _one_line  # a comment ends at the line's end
    return env


def _read(path: Path, kind: str):
    """Settings or people, or UsageError saying why they cannot be used."""
    try:
        document = load(path, os.path.relpath(path), path.parent.parent)  # links: inside the repository only
    except LoadError as exc:
        raise UsageError(f"{os.path.relpath(path)}:{exc.line}:{exc.column}: {exc.message}: fix it first") from None
    errors = schema_errors(document, kind)
    if errors:
        raise UsageError(f"{errors[0]}: fix it first (kam validate)")
    return model.build_settings(document) if kind == "portfolio" else model.build_people(document)


def _schema_reference(accounts: Path) -> str:
    """Where the editor finds the schema: as the other plans say, else the project's schema/."""
    for path in sorted(accounts.glob("*.yaml")):
        if not path.name.startswith("_"):
            try:  # a device or a huge file is not a plan to copy the line from
                first = read_capped(path, MAX_BYTES, accounts.parent).split(b"\n", 1)[0].decode("utf-8", "replace").strip()
            except ReadError:
                continue
            if first.startswith(SCHEMA_LINE):
                return first[len(SCHEMA_LINE):]
    if (accounts.parent / "schema" / "plan.schema.json").is_file():
        return "../schema/plan.schema.json"
    return Path(os.path.relpath(schema_path("plan"), accounts)).as_posix()


def _default_owner(root: Path, people: dict) -> tuple[Optional[str], str]:
    """The person whose e-mail is git's user.email here, or None and why nobody was picked."""
    email = gitio.config_value(root, "user.email")
    matches = [p.id for p in people.values() if email and p.email and p.email.lower() == email.lower()]
    if len(matches) == 1:
        return matches[0], ""
    directory = f"{ACCOUNTS_DIR}/{PEOPLE_FILE}"
    if not email:
        return None, "git has no e-mail set here (git config user.email), so kam cannot tell who you are"
    if matches:
        return None, f"your git e-mail {email} belongs to several people in {directory} ({', '.join(matches)})"
    return None, (f"your git e-mail {email} matched nobody in {directory} (add it as the email of your entry there "
                  f"to be picked by default)")


def _dates(today: dt.date, review_days: int) -> dict:
    def later(days: int) -> str:
        return (today + dt.timedelta(days=days)).isoformat()

    return {"today": today.isoformat(), "since": f"{today.year - 3}-01-01", "last_year": str(today.year - 1),
            "year_end": f"{today.year}-12-31", "quarter": f"{today.year}-Q{(today.month - 1) // 3 + 1}",
            "in_two_weeks": later(14), "in_a_month": later(30), "in_two_months": later(60), "tender": later(300),
            "next_review": later(review_days)}


def _tier_text(tier: model.Tier) -> str:
    care = tier.care_model
    roles = ", ".join(role.replace("_", " ") for role in care.required_roles) or "none"
    return f"{tier.name}; review every {care.review_interval_days} days; required roles: {roles}"


def new_plan(root: Path, plan_id: str, name: Optional[str] = None, owner: Optional[str] = None,
             tier: Optional[str] = None, today: Optional[dt.date] = None) -> tuple[Path, bool]:
    """Write accounts/<plan_id>.yaml, and its line in .github/CODEOWNERS when there is one (then True);
    UsageError (nothing written) when it cannot be done."""
    accounts = root / ACCOUNTS_DIR
    if not SLUG.match(plan_id):
        raise UsageError(f"'{plan_id}' cannot be an account id: use lower-case letters, digits and dashes "
                         f"(like 'nordvik-havn'), at most 64 characters")
    if not accounts.is_dir():
        raise UsageError(f"no '{ACCOUNTS_DIR}' folder in {root.resolve()}: run kam in a plans repository or pass --root")
    for suffix in YAML_SUFFIXES:
        if (accounts / f"{plan_id}{suffix}").exists():
            raise UsageError(f"{os.path.relpath(accounts / (plan_id + suffix))} already exists: kam new never "
                             f"overwrites a plan")
    settings = _read(accounts / SETTINGS_FILE, "portfolio")
    people = _read(accounts / PEOPLE_FILE, "people")
    if owner is None:
        owner, why = _default_owner(root, people)
        if owner is None:
            raise UsageError(f"{why}: say who owns the account with --owner, one of {', '.join(sorted(people))}")
    if owner not in people:
        raise UsageError(f"owner '{owner}' is not in {ACCOUNTS_DIR}/{PEOPLE_FILE}{did_you_mean(owner, people)}")
    if people[owner].left:
        raise UsageError(f"owner '{owner}' left the company on {people[owner].left}")
    tier_ids = [t.id for t in settings.tiers]
    tier = tier or tier_ids[-1]
    chosen = settings.tier(tier)
    if chosen is None:
        raise UsageError(f"tier '{tier}' is not one of {', '.join(tier_ids)}{did_you_mean(tier, tier_ids)}")
    sponsor = next((p.id for p in people.values() if p.id != owner and not p.left), None)
    text = _environment().get_template("plan.yaml.j2").render(
        id=plan_id, name=name or plan_id.replace("-", " ").title(), owner=owner, owner_name=people[owner].name,
        tier=tier, tiers=[{"id": t.id, "text": _tier_text(t)} for t in settings.tiers], currency=settings.currency,
        sponsor=sponsor, sponsor_required="executive_sponsor" in chosen.care_model.required_roles,
        review_days=chosen.care_model.review_interval_days, schema=_schema_reference(accounts),
        dates=_dates(today or dt.date.today(), chosen.care_model.review_interval_days))
    path = accounts / f"{plan_id}.yaml"
    check = check_plan(text.encode("utf-8"), os.path.relpath(path), plan_id, Context(people, tuple(tier_ids)), False)
    if check.diagnostics:
        raise UsageError(f"{check.diagnostics[0]}")
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    plan = model.build_plan(parse(text.encode("utf-8"), os.path.relpath(path)))
    return path, codeowners.add_plan(root, model.Portfolio(settings, people, (plan,)))
