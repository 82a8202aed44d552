"""Loss parameters: how each is declared, and turning user values into checked ones."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from lossgui.core.numbers import short
from lossgui.core.problems import ParameterError, in_language, quoted

ParamValue = float | bool | str


class ParamKind(Enum):
    """What sort of value a parameter takes; the GUI picks its editor from this."""

    FLOAT = "float"
    BOOL = "bool"
    CHOICE = "choice"


@dataclass(frozen=True)
class Param:
    """One parameter of a loss, with its default and the range a learner may set it to."""

    name: str
    kind: ParamKind
    default: ParamValue
    help: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    maximum_inclusive: bool = True
    help_ja: str = ""

    def describe(self, language: str) -> str:
        """The help sentence in ``language`` ("ja…" for Japanese, else English)."""
        return in_language(language, self.help, self.help_ja)

    def coerce(self, value: object) -> ParamValue:
        """Return ``value`` as this parameter's type, or raise :class:`ParameterError`."""
        if self.kind is ParamKind.CHOICE:
            text = value.strip().lower() if isinstance(value, str) else ""
            if text not in self.choices:
                raise ParameterError(
                    f"{self.name} must be one of {', '.join(self.choices)}, not {quoted(value)}",
                    f"{self.name} は {', '.join(self.choices)} のどれかです"
                    f"({quoted(value)} は使えません)",
                )
            return text
        if self.kind is ParamKind.BOOL:
            return _coerce_bool(self.name, value)
        return self._coerce_float(value)

    def _coerce_float(self, value: object) -> float:
        if isinstance(value, bool):
            raise self._not_a_number(value)
        try:
            number = float(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise self._not_a_number(value) from None
        except OverflowError:  # an int beyond float64, e.g. 10**400 in a session file
            number = math.inf
        if not math.isfinite(number):
            raise ParameterError(f"{self.name} must be a finite number, not {quoted(value)}",
                                 f"{self.name} は有限の数です({quoted(value)} は使えません)")
        if self.minimum is not None and number < self.minimum:
            raise ParameterError(
                f"{self.name} must be at least {short(self.minimum)}, not {short(number)}",
                f"{self.name} は {short(self.minimum)} 以上です({short(number)} は使えません)",
            )
        if self.maximum is not None and (
            number > self.maximum or (number == self.maximum and not self.maximum_inclusive)
        ):
            bound = "at most" if self.maximum_inclusive else "less than"
            bound_ja = "以下" if self.maximum_inclusive else "未満"
            limit, given = short(self.maximum), short(number)
            raise ParameterError(
                f"{self.name} must be {bound} {limit}, not {given}",
                f"{self.name} は {limit} {bound_ja}です({given} は使えません)",
            )
        return number

    def _not_a_number(self, value: object) -> ParameterError:
        return ParameterError(f"{self.name} must be a number, not {quoted(value)}",
                              f"{self.name} は数です({quoted(value)} は使えません)")


def _coerce_bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "1", "yes", "on"}:
        return True
    if text in {"false", "0", "no", "off"}:
        return False
    raise ParameterError(f"{name} must be true or false, not {quoted(value)}",
                         f"{name} は true か false です({quoted(value)} は使えません)")


def resolve(
    loss_id: str, declared: tuple[Param, ...], given: Mapping[str, object]
) -> dict[str, ParamValue]:
    """Every declared parameter with its value: the given one (checked) or the default."""
    by_name = {p.name: p for p in declared}
    unknown = sorted(set(given) - set(by_name))
    if unknown:
        allowed, allowed_ja = ", ".join(by_name) or "none", ", ".join(by_name) or "なし"
        name = quoted(unknown[0])
        raise ParameterError(
            f"{loss_id} has no parameter {name} (its parameters: {allowed})",
            f"{loss_id} に {name} というパラメータはありません(あるもの: {allowed_ja})",
        )
    return {
        p.name: p.coerce(given[p.name]) if p.name in given else p.default for p in declared
    }
