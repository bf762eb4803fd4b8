"""Did-you-mean: the close spellings of a mistyped name, for the ``hint:`` line of an error, as
git and uv suggest them. Pure: builds text, prints nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: At most this many names are suggested.
MOST = 3
#: A word this long or longer that begins valid names suggests them (``linux`` -> ``linux-*``).
PREFIX_LENGTH = 3
#: How alike (:class:`difflib.SequenceMatcher`'s ratio) a name must be to be suggested, as
#: :func:`difflib.get_close_matches` has it by default.
CUTOFF = 0.6


def close_names(
    word: str, names: Iterable[str], meaning: Mapping[str, str] | None = None
) -> list[str]:
    """The names close to ``word`` (compared in lower case), at most :data:`MOST`.

    The names ``word`` begins, in their given order, when it is long enough to say much
    (:data:`PREFIX_LENGTH`); else the names most alike (all those equally so), when alike
    enough (:data:`CUTOFF`), as :func:`difflib.get_close_matches` measures it. ``meaning`` maps a name (an alias) onto the name to suggest in its place (the canonical
    one); names it does not map are suggested as they are. Duplicates are dropped.
    """
    word = word.strip().lower()
    listed = list(dict.fromkeys(names))
    if not word:
        return []
    found = [n for n in listed if len(word) >= PREFIX_LENGTH and n.startswith(word)]
    if not found:
        from difflib import SequenceMatcher  # here: only a mistyped name needs it

        matcher = SequenceMatcher(b=word)
        scores = {}
        for name in listed:
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF:
                scores[name] = matcher.ratio()
        best = max(scores.values(), default=0.0)
        found = [n for n, score in scores.items() if score == best and score >= CUTOFF]
    shown = (meaning.get(n, n) if meaning else n for n in found)
    return list(dict.fromkeys(shown))[:MOST]


def did_you_mean(
    word: str, names: Iterable[str], meaning: Mapping[str, str] | None = None
) -> str | None:
    """``did you mean 'x'?`` (or ``'x' or 'y'``, ``'x', 'y' or 'z'``) for the names close to
    ``word`` (:func:`close_names`); ``None`` when none is."""
    close = close_names(word, names, meaning)
    if not close:
        return None
    quoted = [repr(n) for n in close]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"did you mean {listed}?"
