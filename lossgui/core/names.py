"""The one rule for column names (the target's and the predictions'), for files and the window."""

from __future__ import annotations

from collections.abc import Iterable

from lossgui.core.problems import Message, quoted

# A name is a label a learner reads beside a total; longer than this it is a mistake (a pasted
# paragraph, a broken file). Without a limit a 10⁶-character name took minutes to lay out in
# every label and note that shows it.
MAX_NAME_LENGTH = 200


def name_problem(name: str) -> Message | None:
    """Why ``name`` cannot name a column, in English and Japanese; None if it can."""
    if not name.strip():
        return ("a column has no name; every column needs one",
                "名前のない列があります。どの列にも名前が必要です")
    if len(name) > MAX_NAME_LENGTH:
        return (f"the column name {quoted(name)} has {len(name):,} characters; "
                f"at most {MAX_NAME_LENGTH} are allowed",
                f"列名 {quoted(name)} は {len(name):,} 文字あります。"
                f"{MAX_NAME_LENGTH} 文字までにしてください")
    return None


def duplicate_problem(names: Iterable[str]) -> Message | None:
    """The sentence for the first name that appears twice, or None if each appears once."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return (f"the column name {quoted(name)} appears twice",
                    f"列名 {quoted(name)} が2回出てきます")
        seen.add(name)
    return None
