"""Gradient descent on one prediction: y ← y − lr·∂E/∂y, step by step, with the loss at each step.

The step is taken on the loss's own input: y itself, or the logits z for the losses that read
logits (``softmax_cee``, ``bce_logits``). For losses on probabilities a plain step can leave
[0, 1] or break Σy = 1, so ``space="logits"`` steps on the logits behind the probabilities
instead and maps back. Step 0 is always the user's own y, so E₀ is the total the table showed:
the logits chosen are ones that reproduce y exactly. A y that sums to 1 in every sample is a
softmax output, z = log y (the class-summed losses cee, kl, sse, mse); a y that does not — the
article's multi-label y1 sums to 1.64 — is read as independent probabilities, y = σ(z) with
z = logit(y), as BCE always does. Dividing y by its sum instead would change every y and the
loss before the first step (round 2's tester saw one "step" triple E). A y that fits neither
(Σy ≠ 1 and some y ≥ 1) has no logits and is refused, never changed.
Nothing is clipped: a step that leaves the loss's domain is reported with its step number, and a
step whose result is not finite stops the run and says why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lossgui.core.arrays import FloatArray
from lossgui.core.evaluate import (
    Evaluation,
    as_float_array,
    evaluate_resolved,
    is_class_index_target,
)
from lossgui.core.losses import InputKind, Loss, get_loss
from lossgui.core.lowest import OUT_OF_DOMAIN_CODES, out_of_domain
from lossgui.core.numbers import short
from lossgui.core.params import ParamValue, resolve
from lossgui.core.problems import (
    LossguiError,
    Message,
    Problem,
    Severity,
    ShapeError,
    element_name,
)
from lossgui.core.squash import Squash

SPACES = ("input", "logits")
MAX_STEPS = 10_000
# A trajectory keeps y at every step: (steps + 1) × elements float64 values, 8 bytes each.
MAX_TRAJECTORY_VALUES = 20_000_000

# How the command line chooses what the steps move (``--space``), as the sentences below say it;
# the window puts the name of its own control in their place (gui.learning.in_window_words).
SPACE_OPTION = {"input": "(space input)", "logits": "(space logits)"}

# The squash behind each probability loss's y when stepping on logits, for a y that is one
# distribution per sample. The class-summed losses (cee, kl, and the article's SSE, which compares
# a softmax output with a one-hot t; MSE is the same squares averaged, so it steps the same way)
# share one probability per sample; BCE asks one yes/no question per element. A y that does not
# sum to 1 is stepped through σ (see logit_squash).
LOGIT_SQUASH: dict[str, Squash] = {
    "sse": Squash.SOFTMAX,
    "mse": Squash.SOFTMAX,
    "cee": Squash.SOFTMAX,
    "kl": Squash.SOFTMAX,
    "bce": Squash.SIGMOID,
}


def logit_squash(loss_id: str, y: FloatArray) -> Squash:
    """The squash whose logits reproduce ``y`` exactly under ``loss_id`` (see the module doc).

    Raises DescendError, naming the element, for a y that has no such logits.
    """
    squash = LOGIT_SQUASH[loss_id]
    if squash is Squash.SOFTMAX and not np.allclose(np.sum(y, axis=-1), 1.0):
        squash = Squash.SIGMOID  # independent probabilities: each its own σ(z)
    upper = 1.0 if squash is Squash.SIGMOID else math.inf
    with np.errstate(invalid="ignore"):
        bad = ~((y > 0) & (y < upper))
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        name, value = element_name("y", index), short(float(y[index]))
        if squash is LOGIT_SQUASH[loss_id] or not y[index] > 0:
            interval = "0 < y < 1" if squash is Squash.SIGMOID else "y > 0"
            raise DescendError(
                f"{name} = {value} has no logit: stepping on the logits needs {interval} "
                f"everywhere. Change it, or step on y itself {SPACE_OPTION['input']}.",
                f"{name} = {value} にはロジットがありません。ロジットで進めるには、どこでも "
                f"{interval} が必要です。値を変えるか、y そのもので進めてください"
                f"{SPACE_OPTION['input']}。",
            )
        total = short(float(np.ravel(np.sum(y, axis=-1))[0]))
        raise DescendError(
            f"no logits give this y: it sums to {total}, not 1, so it is not one softmax "
            f"output, and {name} = {value} is not below 1, so it is no σ output either. Make "
            f"y sum to 1 (divide it by its sum), or step on y itself {SPACE_OPTION['input']}.",
            f"この y を与えるロジットはありません。合計が {total} で 1 ではないのでソフトマックス"
            f"の出力ではなく、{name} = {value} が 1 未満ではないので σ の出力でもありません。"
            f"y の合計を 1 にする(和で割る)か、y そのもので進めてください{SPACE_OPTION['input']}。",
        )
    return squash


class DescendError(LossguiError):
    """A learning rate, step count or space that cannot be used, or a start with no logits."""


@dataclass(frozen=True)
class Descent:
    """A finished run: E at step 0…n and the prediction y (in the data's own space) at each.

    ``totals[i]`` and ``values[i]`` belong to step i; ``stepped`` holds what the steps moved (the
    logits z in logits space, else the same as ``values``). ``stopped_at`` is the last step taken
    when a non-finite step stopped the run early (None when all ``steps`` were taken).
    """

    loss_id: str
    params: dict[str, ParamValue]
    lr: float
    steps: int
    space: str
    squash: Squash | None
    totals: FloatArray
    values: FloatArray
    stepped: FloatArray
    problems: tuple[Problem, ...]
    stopped_at: int | None

    @property
    def final(self) -> FloatArray:
        """y after the last step taken."""
        final: FloatArray = self.values[-1]
        return final


class Descender:
    """One prediction being stepped down its loss; the GUI keeps one per prediction for a run.

    It keeps the logits between steps in logits space, so that a probability rounded to 1.0 does
    not lose the logit behind it.
    """

    def __init__(
        self,
        loss_id: str,
        y: ArrayLike,
        t: ArrayLike,
        params: Mapping[str, object],
        lr: float,
        space: str = "input",
    ) -> None:
        self.loss: Loss = get_loss(loss_id)
        self.params = resolve(self.loss.id, self.loss.params, params)
        self.lr = check_lr(lr)
        self.space = check_space(self.loss, space)
        start = as_float_array(y, "y").copy()
        self.t = as_float_array(t, "t")
        if start.shape != self.t.shape and not is_class_index_target(start, self.t):
            raise ShapeError(f"y has shape {start.shape} but t has {self.t.shape}: they must "
                             "match", f"y の形は {start.shape}、t の形は {self.t.shape} です。"
                             "形をそろえてください")
        self.squash = logit_squash(self.loss.id, start) if self.space == "logits" else None
        self.notes: list[Problem] = []
        if self.squash is not None and self.squash is not LOGIT_SQUASH[self.loss.id]:
            self.notes.append(self._independent_note(start))
        self.stepped = self.squash.logits(start) if self.squash else start
        # Step 0 is the user's own y (squash(logits(y)) may differ in the last digit), so E₀
        # is the very total the table shows.
        self.values = start
        self.evaluation: Evaluation = evaluate_resolved(self.loss.id, self.values, self.t,
                                                        self.params)
        self.step_count = 0
        self.start_total = self.evaluation.total
        self._seen = {p.code for p in self.evaluation.problems}
        self._start_problems = self.evaluation.problems
        self._left_domain = False
        self.stopped: Problem | None = None
        if not math.isfinite(self.start_total):
            self.stopped = _stop_problem("start_not_finite", (
                f"E is {short(self.start_total)} at the start, so there is no finite slope to "
                f"follow: {_reason(self.evaluation, 'en')}",
                f"最初から E が {short(self.start_total)} なので、たどる有限の傾きがありません。"
                f"{_reason(self.evaluation, 'ja')}",
            ))

    @property
    def symbol(self) -> str:
        """What the steps move: z (logits) or y."""
        return "z" if self.squash else self.loss.symbol

    def step(self) -> bool:
        """Take one step; False (and ``stopped`` says why) when it would not be finite."""
        if self.stopped is not None:
            return False
        n = self.step_count + 1
        gradient = self.evaluation.gradient
        with np.errstate(all="ignore"):
            if self.squash:
                gradient = self.squash.chain(self.values, gradient)
            moved = self.stepped - self.lr * gradient
            bad = ~np.isfinite(moved)
            if bad.any():
                index = tuple(int(i) for i in np.argwhere(bad)[0])
                name = element_name(self.symbol, index)
                value = short(float(moved[index]))
                self.stopped = _stop_problem("step_not_finite", (
                    f"Step {n} would make {name} {value} (lr·∂E/∂{self.symbol} is not finite "
                    f"there), so the run stopped after step {n - 1}; a smaller learning rate "
                    "keeps the steps finite.",
                    f"ステップ {n} で {name} が {value} になる(そこで lr·∂E/∂{self.symbol} が"
                    f"有限ではない)ので、ステップ {n - 1} で止めました。学習率を小さくすると"
                    "有限のまま進めます。",
                ), index)
                return False
            values = self.squash.apply(moved) if self.squash else moved
            if self.squash is Squash.SIGMOID:
                # σ is elementwise: an element whose z did not move (a zero gradient, as cee's
                # t = 0 terms) keeps its y to the last digit instead of σ(logit(y)).
                values = np.where(moved == self.stepped, self.values, values)
        evaluation = evaluate_resolved(self.loss.id, values, self.t, self.params)
        if not math.isfinite(evaluation.total):
            self.stopped = _stop_problem("loss_not_finite", (
                f"Step {n} would make E {short(evaluation.total)}: {_reason(evaluation, 'en')} "
                f"The run stopped after step {n - 1}.",
                f"ステップ {n} で E が {short(evaluation.total)} になります。"
                f"{_reason(evaluation, 'ja')}ステップ {n - 1} で止めました。",
            ))
            return False
        self.stepped, self.values, self.evaluation, self.step_count = \
            moved, values, evaluation, n
        self._note_new_problems(evaluation, n)
        return True

    def problems(self) -> list[Problem]:
        """What the run found: problems that appeared on the way, a rising loss, why it stopped."""
        found = list(self.notes)
        total = self.evaluation.total
        if self.step_count and math.isfinite(total) and total > self.start_total:
            found.append(Problem("diverging", (
                f"E rose from {short(self.start_total)} to {short(total)} in {self.step_count} "
                f"steps: the learning rate {short(self.lr)} is too large, so each step overshoots "
                "the minimum. Try a smaller one."),
                None, Severity.WARNING, (
                f"E は {self.step_count} ステップで {short(self.start_total)} から "
                f"{short(total)} に増えました。学習率 {short(self.lr)} が大きすぎて、"
                "毎回最小値を飛び越えています。小さくしてください。")))
        if self.stopped is not None:
            found.append(self.stopped)
        return found

    def describe_space(self, language: str) -> str:
        """Which variable the steps move, in a sentence for the user."""
        return describe_space(self.loss, self.space, language, self.squash)

    def _left_domain_problem(self, evaluation: Evaluation, n: int, logits: bool) -> Problem:
        """The warning for the step that took y out of the loss's domain (see core.lowest)."""
        first = next(p for p in evaluation.problems if p.code in OUT_OF_DOMAIN_CODES)
        self._seen.add(first.code)  # said here, not again as a plain "From step n" note
        way_en = f", or step on the logits {SPACE_OPTION['logits']}, which keep y a probability" \
            if logits else ""
        way_ja = "学習率を小さくするか、y を確率のままに保つロジットで進めてください" \
            f"{SPACE_OPTION['logits']}。" if logits else "学習率を小さくしてください。"
        total = short(evaluation.total)
        return Problem("left_domain", (
            f"From step {n}: {first.message} The learning rate {short(self.lr)} is too large "
            f"here: this step took y out of the values {self.loss.id} is defined for, so "
            f"E = {total} is no longer a loss (it is not compared with the other predictions). "
            f"Use a smaller learning rate{way_en}."), first.index, Severity.WARNING, (
            f"ステップ {n} から: {first.text('ja')}学習率 {short(self.lr)} が大きすぎます。"
            f"このステップで y が {self.loss.id} の定義域の外に出たので、E = {total} は"
            f"もう損失ではありません(ほかの予測とは比べません)。{way_ja}"))

    def _independent_note(self, y: FloatArray) -> Problem:
        """Why a y that does not sum to 1 is stepped through σ, each element on its own."""
        total = short(float(np.ravel(np.sum(y, axis=-1))[0]))
        return Problem("independent_probabilities", (
            f"y sums to {total}, not 1, so it is not one softmax output: each y is read as its "
            "own probability, y = σ(z), and the steps move z = logit(y). Step 0 is your y "
            "exactly; every later y stays between 0 and 1."), None, Severity.NOTE, (
            f"y の合計は {total} で 1 ではないので、1つのソフトマックスの出力ではありません。"
            "それぞれの y を独立した確率 y = σ(z) と読み、z = logit(y) を動かします。"
            "ステップ 0 は入力した y そのもので、その後の y も 0 と 1 の間にとどまります。"))

    def _note_new_problems(self, evaluation: Evaluation, n: int) -> None:
        """Say once, with its step number, each kind of warning the steps brought."""
        hint = self.loss.id in LOGIT_SQUASH and self.space == "input" and \
            self.loss.expects is InputKind.PROBABILITY
        if not self._left_domain and out_of_domain(evaluation.problems) and \
                not out_of_domain(self._start_problems):
            self._left_domain = True
            self.notes.append(self._left_domain_problem(evaluation, n, hint))
        for problem in evaluation.problems:
            if problem.code in self._seen:
                continue
            self._seen.add(problem.code)
            extra_en = f" Step on the logits {SPACE_OPTION['logits']} to keep y a probability." \
                if hint else ""
            extra_ja = "y を確率のままにするには、ロジットで進めてください" \
                f"{SPACE_OPTION['logits']}。" if hint else ""
            self.notes.append(Problem(
                f"step_{problem.code}", f"From step {n}: {problem.message}{extra_en}",
                problem.index, problem.severity,
                f"ステップ {n} から: {problem.text('ja')}{extra_ja}"))


def descend(
    loss_id: str,
    y: ArrayLike,
    t: ArrayLike,
    params: Mapping[str, object],
    lr: float,
    steps: int,
    space: str = "input",
) -> Descent:
    """Take ``steps`` gradient steps with learning rate ``lr`` from prediction ``y``.

    Raises :class:`DescendError` (or another LossguiError) for arguments that cannot be used;
    a run that meets a non-finite step stops there and says so in ``problems``.
    """
    steps = check_steps(steps)
    descender = Descender(loss_id, y, t, params, lr, space)
    size = descender.values.size
    if (steps + 1) * size > MAX_TRAJECTORY_VALUES:
        raise DescendError(
            f"{steps} steps of {size} elements would keep {(steps + 1) * size} values; "
            f"take at most {MAX_TRAJECTORY_VALUES // size - 1} steps at a time.",
            f"{size} 要素で {steps} ステップだと {(steps + 1) * size} 個の値を保持します。"
            f"一度に {MAX_TRAJECTORY_VALUES // size - 1} ステップまでにしてください。",
        )
    totals = [descender.evaluation.total]
    values = [descender.values]
    stepped = [descender.stepped]
    for _ in range(steps):
        if not descender.step():
            break
        totals.append(descender.evaluation.total)
        values.append(descender.values)
        stepped.append(descender.stepped)
    return Descent(
        descender.loss.id, dict(descender.params), descender.lr, steps, descender.space,
        descender.squash, np.array(totals), np.stack(values),
        np.stack(stepped) if descender.squash else np.stack(values),
        tuple(descender.problems()),
        descender.step_count if descender.stopped is not None else None,
    )


def check_lr(lr: object, typed: str | None = None) -> float:
    """The learning rate as a finite positive float, or a DescendError saying why not.

    ``typed`` is the text the user wrote (the window reads it first), quoted in the message as
    the command line quotes its argument.
    """
    try:
        value = float(lr.strip() if isinstance(lr, str) else lr)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        shown = repr(typed if typed is not None else lr)
        raise DescendError(
            f"the learning rate must be a finite number greater than 0, not {shown}",
            f"学習率は 0 より大きい有限の数です({shown} は使えません)",
        )
    return value


def check_steps(steps: object) -> int:
    """The number of steps as an int in 0…MAX_STEPS, or a DescendError saying why not."""
    try:
        value = int(str(steps).strip())
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_STEPS:
        raise DescendError(
            f"the number of steps must be a whole number from 0 to {MAX_STEPS}, not {steps!r}",
            f"ステップ数は 0 から {MAX_STEPS} までの整数です({steps!r} は使えません)",
        )
    return value


def check_space(loss: Loss, space: str) -> str:
    """``space`` if this loss can step there; logits for the logit losses is their input."""
    if space not in SPACES:
        raise DescendError(f"space must be input or logits, not {space!r}",
                           f"space は input か logits です({space!r} は使えません)")
    if space == "logits" and loss.expects is InputKind.LOGIT:
        return "input"  # the logits are this loss's own input
    if space == "logits" and loss.id not in LOGIT_SQUASH:
        softmax, sigmoid = squashed_by(Squash.SOFTMAX), squashed_by(Squash.SIGMOID)
        raise DescendError(
            f"{loss.id} has no logits to step on: space logits moves the z behind y = "
            f"softmax(z) ({softmax}) or y = σ(z) ({sigmoid}), the losses that compare such "
            "probabilities with a target; use space input",
            f"{loss.id} には進めるロジットがありません。space logits が動かすのは y = softmax(z)"
            f"({softmax})や y = σ(z)({sigmoid})の裏にある z で、そうした確率を正解と比べる"
            "損失だけです。space input を使ってください",
        )
    return space


def squashed_by(squash: Squash) -> str:
    """The losses whose y steps on logits through ``squash``, as "sse, mse, cee, kl"."""
    return ", ".join(loss_id for loss_id, used in LOGIT_SQUASH.items() if used is squash)


def describe_space(loss: Loss, space: str, language: str, squash_used: Squash | None = None
                   ) -> str:
    """Which variable the steps of ``loss`` move in ``space``, in ``language``; ``squash_used``
    is the one the data chose (see :func:`logit_squash`), else the loss's usual one."""
    # Each begins with the words of the window's Step-on box ("z itself", "the logits z",
    # "y itself"; 「ロジット z」), so the line above the steps plot names what the box says
    # (it read 「y = softmax(z) の裏にあるロジット z」 beside the box's 「ロジット z」).
    ja = language.startswith("ja")
    if loss.expects is InputKind.LOGIT:
        return "z そのもので進めます、この損失の入力はロジットです" if ja else \
            "steps on z itself, the logits this loss reads"
    if space == "logits":
        squash = (squash_used or LOGIT_SQUASH[loss.id]).symbol
        return f"ロジット z で進めます、y = {squash}(z)" if ja else \
            f"steps on the logits z, with y = {squash}(z)"
    return "y そのもので進めます" if ja else "steps on y itself"


def _stop_problem(code: str, message: Message, index: tuple[int, ...] | None = None) -> Problem:
    return Problem(code, message[0], index, Severity.WARNING, message[1])


def _reason(evaluation: Evaluation, language: str) -> str:
    """The evaluation's first warning, which says why its total is not finite."""
    for problem in evaluation.problems:
        if problem.severity is Severity.WARNING:
            return problem.text(language)
    return "数が float64 の範囲を超えました。" if language == "ja" else \
        "the numbers overflowed float64."
