"""``eval``: accuracy of the engine on a labelled question file, by category and language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.answer import Answer
from bot.engine import Engine
from bot.errors import CitebotError

IN_SCOPE = "in-scope"


class LabelledQuestion(BaseModel):
    """One labelled question: ``expect`` is the fact id that answers it, or null if none may."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    question: str
    expect: str | None
    category: str


class LabelledSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    questions: list[LabelledQuestion]


def load_labelled(path: Path) -> list[LabelledQuestion]:
    """Read a labelled question file (YAML, ``questions:`` list); CitebotError naming the entry if bad."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return LabelledSet.model_validate(raw).questions
    except OSError as err:
        raise CitebotError(f"{path}: cannot read: {err.strerror}") from None
    except yaml.YAMLError as err:
        raise CitebotError(f"{path}: not valid YAML: {err}") from None
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CitebotError(f"{path}: {where}: {first['msg']}") from None


@dataclass
class Tally:
    total: int = 0
    correct: int = 0

    @property
    def rate(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0


@dataclass
class Outcome:
    case: LabelledQuestion
    answer: Answer

    @property
    def correct(self) -> bool:
        if self.case.expect is None:
            return not self.answer.answered
        return self.answer.answered and self.answer.fact_id == self.case.expect

    @property
    def confidently_wrong(self) -> bool:
        return self.answer.answered and self.answer.fact_id != self.case.expect


@dataclass
class EvalResult:
    outcomes: list[Outcome]
    by_category: dict[str, Tally] = field(default_factory=dict)
    by_group: dict[str, Tally] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "total": len(self.outcomes),
            "confidently_wrong": sum(o.confidently_wrong for o in self.outcomes),
            "groups": {k: {"total": t.total, "correct": t.correct, "rate": round(t.rate, 1)} for k, t in self.by_group.items()},
            "categories": {k: {"total": t.total, "correct": t.correct, "rate": round(t.rate, 1)} for k, t in self.by_category.items()},
        }


def evaluate(engine: Engine, cases: list[LabelledQuestion]) -> EvalResult:
    """Ask every labelled question and tally correctness by category and by group.

    Groups: in-scope questions by the language the engine detected (``in-scope zh``,
    ``in-scope en``), and out-of-scope questions by category.
    """
    by_category: dict[str, Tally] = defaultdict(Tally)
    by_group: dict[str, Tally] = defaultdict(Tally)
    outcomes = []
    for case in cases:
        outcome = Outcome(case, engine.ask(case.question))
        outcomes.append(outcome)
        group = f"{IN_SCOPE} {outcome.answer.language}" if case.expect else case.category
        for tally in (by_category[case.category], by_group[group]):
            tally.total += 1
            tally.correct += outcome.correct
    return EvalResult(outcomes, dict(sorted(by_category.items())), dict(sorted(by_group.items())))


def render_report(result: EvalResult, verbose: bool = False) -> str:
    """Return the accuracy table as text, and every miss when ``verbose``."""
    lines = [f"{'group':<20}{'correct':>10}{'rate':>9}"]
    for title, table in (("", result.by_group), ("by category", result.by_category)):
        if title:
            lines.append(f"-- {title}")
        lines += [f"{name:<20}{t.correct:>5}/{t.total:<4}{t.rate:>8.1f}%" for name, t in table.items()]
    wrong = [o for o in result.outcomes if o.confidently_wrong]
    lines.append(f"confident wrong answers: {len(wrong)} of {len(result.outcomes)}")
    if verbose:
        for o in result.outcomes:
            if not o.correct:
                a = o.answer
                got = a.fact_id if a.answered else f"{a.decision} {[s.fact_id for s in a.suggestions]}"
                lines.append(f"  MISS [{o.case.category}] {o.case.question!r}: expected {o.case.expect}, got {got} ({a.score:.0f})")
    return "\n".join(lines)
