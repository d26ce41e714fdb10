"""Closed-class grammar words the quote stages test tokens against.

Content-word lists (words allowed before a cue, addressees, speaker nouns, cues, roles) are
data under ``data/reference/`` and come through ``helpers.resources``; what stays here is
grammar: pronouns, determiners, subordinators, punctuation, tags.
"""

from __future__ import annotations

from .. import resources
from ..names import DETERMINERS  # noqa: F401  (re-exported for the quote stages)
from ..records import Token
from ..vocab import MONTHS, WEEKDAYS

#: Pronouns a speaker can be, with the gender they imply ("" = any).
PRONOUNS = {"he": "m", "she": "f", "they": "", "it": ""}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}
SUBORDINATORS = {"that", "while", "though", "although", "because", "if", "when", "as", "after", "before", "whereas", "since"}
#: Adverbs set off by commas between a speaker and the cue (``Murphy, though, said``).
DISCOURSE_ADVERBS = {"though", "however", "too", "meanwhile", "instead", "also", "moreover", "nevertheless", "therefore"}
#: Subordinators that open a participle clause whose subject is the main clause's ("while saying …").
PARTICIPLE_SUBORDINATORS = {"while", "after", "before", "when", "since", "in", "by", "without"}
#: After ``and``/``but`` these open a clause of the reporter's own, outside a cue's content.
CONTRAST_SUBORDINATORS = {"while", "though", "although", "whereas"}
RELATIVES = {"who", "which", "whose", "whom"}
#: Prepositions of the time and place phrases that may follow a cue that ends its clause.
ADJUNCT_PREPOSITIONS = {"in", "on", "at", "during", "after", "before", "from"}
#: Quantifiers that stand for a group of people as a subject (``Several said …``).
QUANTIFIER_PRONOUNS = {"several", "many", "some", "most", "others", "both", "few", "all"}
BOUNDARY_PUNCT = {",", ";", ":", "—", "–", "(", ")", "[", "]", '"', "“", "”", "‘", "’", "``", "''", "-"}
#: Double quotation marks as tokens: curly, straight, and the typewriter pair (``''``).
DOUBLE_QUOTES = {'"', "“", "”", "''", "``"}
NEGATIONS = {"not", "n't", "never", "no"}
STRIP_LEADING = {"of", "about"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
#: Tags of the words of a noun phrase (an addressee: ``his closest advisers``).
NOUN_PHRASE_TAGS = {"PRP$", "DT", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "PRP", "POS", "CD"}
#: Words that open a question put to someone (``asked whether …``).
QUESTION_WORDS = {"whether", "if", "why", "what", "how", "who", "when", "where", "which"}
POSTMODIFIER_START = {
    "familiar", "close", "with", "who", "which", "from", "at", "in", "of", "for", "on", "briefed",
    "knowledgeable", "involved", "speaking", "based", "to",
}
TIME_WORDS = set(WEEKDAYS) | set(MONTHS) | {
    "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "today",
    "yesterday", "tomorrow", "tonight", "earlier", "later",
}

#: From ``data/reference/``: adverbs and auxiliaries between a speaker and its cue; the
#: addressees of ``told``; head nouns of an addressee or setting.
SKIP_BEFORE_CUE = resources.words("before_cue.txt")
ADDRESSEES = resources.words("addressees.txt")
ADDRESSEE_NOUNS = resources.words("addressee_nouns.txt")
#: Works whose title may follow in quotes: ``in his 2012 book, "An American Son."``
WORK_NOUNS = {"book", "memoir", "film", "movie", "documentary", "show", "song", "album", "column", "essay", "article", "op-ed", "novel", "play", "series", "podcast"}


def is_punct(t: Token) -> bool:
    """A boundary mark or sentence-final punctuation."""
    return t.text in BOUNDARY_PUNCT or t.text in {".", "!", "?"}
