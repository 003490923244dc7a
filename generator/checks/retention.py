"""Retention of personal data: what the plans keep about people who left the customer long ago."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..model import Plan
from .registry import Context, Param, Problem, check
from .. import formats
from ..i18n import ngettext
from .wording import who


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@check("KAM701", "personal data kept after leaving", params=[
    Param("max_months", int, "Months after a stakeholder left that their personal data and notes may be kept.",
          default=12, minimum=0, maximum=120),
])
def kept_after_leaving(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A stakeholder who left the customer longer ago than the retention time and still has personal data
    (`private`) or notes in the plan."""
    limit = ctx.params["max_months"]
    for s in plan.stakeholders:
        if s.left is None or not (s.private or s.notes) or ctx.today <= months_after(s.left, limit):
            continue
        names = {"stakeholder": who(s), "date": formats.date(s.left), "count": formats.count(limit), "id": s.id,
                 "account": plan.id}
        if s.private and s.notes:
            # Translators: {stakeholder} is "'mari-kask' (Mari Kask, CFO)"; keep the command
            # "kam person erase {id} --account {account}" as it is.
            message = ngettext("{stakeholder} left on {date}, more than {count} month ago, and the plan still keeps "
                               "their personal data and notes: remove them, or erase the person with kam person erase "
                               "{id} --account {account}", "{stakeholder} left on {date}, more than {count} months "
                               "ago, and the plan still keeps their personal data and notes: remove them, or erase "
                               "the person with kam person erase {id} --account {account}", limit)
        elif s.private:
            message = ngettext("{stakeholder} left on {date}, more than {count} month ago, and the plan still keeps "
                               "their personal data: remove them, or erase the person with kam person erase {id} "
                               "--account {account}", "{stakeholder} left on {date}, more than {count} months ago, "
                               "and the plan still keeps their personal data: remove them, or erase the person with "
                               "kam person erase {id} --account {account}", limit)
        else:
            message = ngettext("{stakeholder} left on {date}, more than {count} month ago, and the plan still keeps "
                               "their notes: remove them, or erase the person with kam person erase {id} --account "
                               "{account}", "{stakeholder} left on {date}, more than {count} months ago, and the plan "
                               "still keeps their notes: remove them, or erase the person with kam person erase {id} "
                               "--account {account}", limit)
        yield Problem(s.path + ("left",), message.format(**names), subject=s.id)
