"""``facts check``: the fact base tested as data, with a coverage report for curators."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.errors import FactErrors
from bot.factbase import load_factbase, split_sentences, uncited_sentences


def check_factbase(folder: Path) -> tuple[list[str], str]:
    """Return (problems, report) for the fact files under ``folder``.

    Problems (one line each, naming file, fact id and field): schema, duplicate ids,
    sentences that are not verbatim, phrasings that do not find their own fact, and
    phrasings on which two facts tie. The report counts facts and lists uncited sentences.
    """
    try:
        base = load_factbase(folder)
    except FactErrors as err:
        return [str(e) for e in err.errors], f"{folder}: not loaded"
    engine = Engine(base)
    problems: list[str] = []
    unsure = 0
    for loaded in base.facts:
        fact = loaded.fact
        for language, phrasings in (("zh", fact.questions.zh), ("en", fact.questions.en)):
            for position, phrasing in enumerate(phrasings):
                field = f"questions.{language}[{position}]"
                ranking = engine.rank(phrasing)
                where = f"{loaded.file}: fact {fact.id}: {field}"
                if not ranking:
                    problems.append(f"{where}: has no words to match on (only question words): {phrasing!r}")
                    continue
                top_id, top_score = ranking[0]
                second_id, second_score = ranking[1] if len(ranking) > 1 else ("", -1.0)
                if top_id != fact.id and top_score > 0:
                    problems.append(f"{where}: finds fact {top_id} instead ({top_score:.0f}): {phrasing!r}")
                elif second_score == top_score:
                    problems.append(f"{where}: ties with fact {second_id} ({top_score:.0f}): {phrasing!r}")
                elif not engine.ask(phrasing).answered:
                    unsure += 1
    uncited = uncited_sentences(base)
    sentences = sum(len(split_sentences(d.text)) for d in base.documents)
    lines = [
        f"{len(base.facts)} facts in {len(base.documents)} documents; "
        f"{sentences - len(uncited)}/{sentences} source sentences cited; "
        f"{unsure} phrasings find their fact only as a suggestion",
    ]
    if uncited:
        lines.append("Sentences no fact cites:")
        lines += [f"  [{d.source.id}] {s}" for d, s in uncited]
    return problems, "\n".join(lines)
