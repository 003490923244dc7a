"""`kam demo`: write a synthetic, valid portfolio repository of N key accounts.

The output is shaped like the hand-written example plans (reporting trees of
8-40 stakeholders, an account team drawn from a shared people directory, a
year of quarterly reviews, two years of revenue, tenders, proposals, actions,
commitments with reschedulings) and written in the languages of the examples
(Estonian, Finnish, Norwegian, Russian, English) with real diacritics.

Decisions, briefly:

- Deterministic: one `random.Random(seed)` drives everything, lists (never
  set or dict-key order of anything unordered) are iterated, and every date
  is placed relative to `today` (a fixed default), so the same arguments give
  byte-identical files on any machine.
- The schema line: a relative path to the tool's own `schema/` cannot work
  for a repository outside the tool's tree, and an absolute path would tie
  the files to one machine (and break byte-identical output between
  checkouts). So the demo repository gets its own copy of the installed
  schemas in `schema/`, exactly the layout of a real plans repository, and
  every YAML file starts with the same relative line as the examples
  (`../schema/plan.schema.json`). The copy is a snapshot: `kam validate`
  always uses the schemas of the installed tool.
- YAML is written by a small emitter of our own (`yamlout`): 0.46 s for
  1,000 plans where yaml.dump with CSafeDumper takes 2.8 s (its representer
  is Python), and it writes what a person writes: flow lists of ids,
  one-line coverage entries, folded summaries, unquoted dates.
  A string is written plain only when neither a YAML 1.1 reader (editors,
  PyYAML) nor the project's YAML 1.2 loader could read it as anything but
  that string; otherwise it is double-quoted (JSON escaping is valid YAML).
- Beside accounts/: mkdocs.yml with the project's site settings and the kam
  plugin's `today` pinned to the demo's date (else "overdue" drifts with the
  clock), docs/ with the site's CSS when the tool has it, and a .gitignore
  for site/ and kam's cache. The copied files are the installed tool's, so
  byte-identical output also assumes the same version of kam.

The package, in the order the data flows:

- `yamlout`: the YAML emitter (`dump`, `scalar`, `Flow`, `Folded`, `Literal`).
- `names`: folding names to ASCII, slugs and ids; the pools of people's names.
- `pool_et` ... `pool_en`: the text of each language (pure data);
  `pools`: the shared pools (products, markets, regions, tiers) and `PACKS`.
- `people`: our people directory.
- `context`: one account being built (`Account`), shared by its steps.
- `stakeholders`, `team`, `situation`, `deals`, `rhythm`: the steps of a plan;
  `accounts`: `build_account`, which calls them in order.
- `portfolio`: every file of the repository, and writing them.
"""

from __future__ import annotations

from .pools import ATTITUDES, OUR_COMPANY, OUR_DOMAIN, ROLES
from .portfolio import DEFAULT_SEED, DEFAULT_TODAY, DemoError, DemoResult, build_portfolio, write_demo
from .yamlout import Flow, Folded, Literal, dump, scalar

__all__ = [
    "ATTITUDES", "DEFAULT_SEED", "DEFAULT_TODAY", "DemoError", "DemoResult", "Flow", "Folded", "Literal",
    "OUR_COMPANY", "OUR_DOMAIN", "ROLES", "build_portfolio", "dump", "scalar", "write_demo",
]
