"""A review date is a day that has come: the guide's (extra.guide_reviewed), each page's
(`reviewed:`) and a clinic's (reviewed_on) are shown to patients as reviews done, so a
day still to come (a typing slip: 2099) would show a review nobody has done."""

from __future__ import annotations

import datetime as dt


def future_review(date: dt.date, today: dt.date | None = None) -> str:
    """Why `date` cannot be the day of a review, or "". Today is read from the clock."""
    today = today or dt.date.today()
    if date > today:
        return f"{date} is after today ({today}): a review cannot have been done on a day still to come"
    return ""
