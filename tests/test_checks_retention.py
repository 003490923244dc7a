"""KAM701: personal data and notes kept after a stakeholder left (retention).

Same conventions as tests/test_checks.py: the plan text starts on line 5; today is 2026-11-23.
"""

from __future__ import annotations

import datetime as dt

from generator.checks.retention import months_after
from test_checks import findings, messages

LEFT = """\
stakeholders:
  - id: mari
    name: Mari Kask
    influence: low
    attitude: neutral
    left: {left}
    private: {{hobbies: Orienteering}}
"""


def test_kam701_after_twelve_months_with_the_erase_command(repo):
    assert findings(repo, "KAM701", LEFT.format(left="2025-11-23")) == []  # 12 months to the day
    assert messages(repo, "KAM701", LEFT.format(left="2025-11-22")) == [
        "accounts/case.yaml:10:11: warning: 'mari' (Mari Kask) left on 2025-11-22, more than 12 months ago, and "
        "the plan still keeps their personal data: remove them, or erase the person with "
        "kam person erase mari --account case [KAM701]"]


def test_kam701_notes_count_too_and_the_time_is_configurable(repo):
    plan = LEFT.format(left="2026-05-01").replace("    private: {hobbies: Orienteering}\n", "    notes: Moved to Riga\n")
    assert findings(repo, "KAM701", plan) == []
    assert "keeps their notes:" in messages(repo, "KAM701", plan, checks="KAM701: {params: {max_months: 6}}")[0]


def test_kam701_nothing_kept_or_still_there_is_no_finding(repo):
    assert findings(repo, "KAM701", LEFT.format(left="2020-01-01").replace(
        "    private: {hobbies: Orienteering}\n", "")) == []
    assert findings(repo, "KAM701", LEFT.replace("    left: {left}\n", "").format()) == []


def test_months_after_keeps_the_day_or_takes_the_months_last():
    assert months_after(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert months_after(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert months_after(dt.date(2025, 11, 22), 12) == dt.date(2026, 11, 22)
