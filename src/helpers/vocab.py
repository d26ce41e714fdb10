"""Vocabulary shared by the extractors, kept in one place: number words, fractions,
magnitudes, approximators, units, calendar words."""

from __future__ import annotations

import calendar

from . import resources

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "k": 1_000, "tn": 1_000_000_000_000, "dozen": 12, "lakh": 100_000, "crore": 10_000_000,
}
#: Units counted by the article alone ("a gallon of beer", "a penny"): one of them. Words that
#: are also common nouns or idioms in news ("a pound", "a foot", "a yard", "a ton of") are left out.
ONE_UNIT_WORDS = ("gallon", "litre", "liter", "mile", "kilometre", "kilometer", "metre", "meter", "kilogram",
                  "tonne", "hectare", "acre", "penny", "cent", "dollar", "euro", "inch", "centimetre", "centimeter")
#: Denominators of fractions written in words ("a fifth", "two-thirds").
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
#: Vague magnitudes and the half-open interval [low, high) each implies.
VAGUE = {
    "dozens": (24, 100),
    "scores": (40, 100),
    "hundreds": (100, 1_000),
    "thousands": (1_000, 10_000),
    "tens of thousands": (10_000, 100_000),
    "hundreds of thousands": (100_000, 1_000_000),
    "millions": (1_000_000, 10_000_000),
    "tens of millions": (10_000_000, 100_000_000),
    "hundreds of millions": (100_000_000, 1_000_000_000),
    "billions": (1_000_000_000, 10_000_000_000),
}
#: Approximators and bounds -> (kind, low factor, high factor); None is an open end.
#: "around": about v; "near": just under v; "above"/"below": open bounds; "min"/"max": closed.
APPROXIMATORS = {
    "about": ("around", 0.9, 1.1),
    "around": ("around", 0.9, 1.1),
    "roughly": ("around", 0.9, 1.1),
    "approximately": ("around", 0.9, 1.1),
    "some": ("around", 0.9, 1.1),
    "an estimated": ("around", 0.9, 1.1),
    "estimated": ("around", 0.9, 1.1),
    "close to": ("near", 0.9, 1.0),
    "nearly": ("near", 0.9, 1.0),
    "almost": ("near", 0.9, 1.0),
    "just under": ("near", 0.9, 1.0),
    "more than": ("above", 1.0, None),
    "over": ("above", 1.0, None),
    "upwards of": ("above", 1.0, None),
    "just over": ("above", 1.0, 1.1),
    "at least": ("min", 1.0, None),
    "no more than": ("max", 0.0, 1.0),
    "not more than": ("max", 0.0, 1.0),
    "no less than": ("min", 1.0, None),
    "up to": ("max", 0.0, 1.0),
    "as many as": ("max", 0.0, 1.0),
    "at most": ("max", 0.0, 1.0),
    "fewer than": ("below", 0.0, 1.0),
    "less than": ("below", 0.0, 1.0),
    "under": ("below", 0.0, 1.0),
}
#: Surface unit after a number -> canonical unit, from ``data/reference/units.csv`` (currencies
#: excepted: ``helpers.quantities`` reads them from the same table).
UNITS = {form: u.canonical for form, u in resources.units()[1].items() if u.dimension != "currency"}
#: Words after a number that make it a time expression (the timeline owns these).
TIME_UNITS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "century", "centuries",
    "a.m.", "p.m.", "am", "pm", "gmt", "utc", "bst", "cet", "o'clock", "o’clock",
}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

# ---- the timeline's vocabulary (TIMEX3 values) -------------------------------------------

#: Unit word -> TIMEX3 duration letter; units under a day go after "T" (PT48H).
TIMEX_UNITS = {
    "second": "S", "seconds": "S", "minute": "M", "minutes": "M", "hour": "H", "hours": "H",
    "day": "D", "days": "D", "week": "W", "weeks": "W", "weekend": "WE", "weekends": "WE",
    "month": "M", "months": "M", "year": "Y", "years": "Y", "decade": "DE", "decades": "DE",
    "century": "CE", "centuries": "CE",
}
CLOCK_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours"}
#: Approximators before a duration -> TIMEX3 mod, derived from ``APPROXIMATORS``' kinds
#: ("nearly 11 years": LESS_THAN; "about a month": APPROX; "at least two weeks": EQUAL_OR_MORE).
_KIND_TO_MOD = {
    "around": "APPROX", "near": "LESS_THAN", "above": "MORE_THAN", "min": "EQUAL_OR_MORE",
    "max": "EQUAL_OR_LESS", "below": "LESS_THAN",
}
TIMEX_MODS = {word: _KIND_TO_MOD[kind] for word, (kind, _, _) in APPROXIMATORS.items()}
#: Modifiers of a date's part -> TIMEX3 mod ("mid-2024", "early June", "late 2021").
PART_MODS = {"early": "START", "mid": "MID", "late": "END"}
#: "earlier this year" / "later this month" -> mod.
RELATIVE_MODS = {"earlier": "START", "later": "AFTER"}  # TimeBank: "earlier this year/month" START (10 of 11)
#: Adverbs for relative days: offset in days from the anchor.
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
#: Times of day -> TIMEX3 value suffix.
PARTS_OF_DAY = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
    "overnight": "TNI", "midnight": "T24:00", "noon": "T12:00", "midday": "T12:00",
}
#: "this/last/next" + period.
PERIODS = {"day", "week", "weekend", "month", "year", "quarter", "decade", "summer", "winter", "spring", "autumn", "fall"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DEICTIC = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}
#: Words and phrases that refer to the present, the past or the future as a whole (TIMEX3
#: DATE values PRESENT_REF, PAST_REF, FUTURE_REF): "now", "in the past", "the near future".
REFERENCES = {
    ("now",): "PRESENT_REF", ("currently",): "PRESENT_REF", ("current",): "PRESENT_REF", ("the", "present"): "PRESENT_REF",
    ("recently",): "PAST_REF", ("lately",): "PAST_REF", ("the", "past"): "PAST_REF",
    ("the", "future"): "FUTURE_REF", ("the", "near", "future"): "FUTURE_REF", ("the", "distant", "future"): "FUTURE_REF",
    # the modifier inside the extent, as TimeBank has "More recently" and "right now"
    ("more", "recently"): "PAST_REF", ("most", "recently"): "PAST_REF", ("right", "now"): "PRESENT_REF",
    ("a", "later", "date"): "FUTURE_REF", ("a", "future", "date"): "FUTURE_REF",
    # as TimeBank tags them (1 of 1 each)
    ("these", "days"): "PRESENT_REF", ("the", "near", "term"): "FUTURE_REF", ("the", "short", "term"): "FUTURE_REF",
}
#: "recent weeks" (the past, vaguely) and "the coming months" (the future, vaguely).
VAGUE_PERIOD_REFS = {"recent": "PAST_REF", "coming": "FUTURE_REF", "upcoming": "FUTURE_REF"}
#: Quarters of a (fiscal) year.
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
#: Words before "quarter" or "period" that mean the quarter under discussion, and the years
#: they shift it by ("the year-earlier quarter" is that quarter a year before).
CONTEXT_QUARTER = {"the": 0, "this": 0, "that": 0, "latest": 0, "current": 0, "same": 0, "year-earlier": -1, "year-ago": -1}
#: Adverbs of frequency -> SET value.
SET_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}
#: Words that place an event after the reference time, for resolving a bare weekday or month.
FUTURE_CUES = {"will", "'ll", "’ll", "shall", "would", "due", "scheduled", "set", "planned", "plans", "planning", "preparing", "poised", "effective", "upcoming", "expected", "next", "until", "ahead"}
#: Nouns that make "today's" generic, the present age rather than a day ("today's youth").
GENERIC_NOW_NOUNS = {"world", "youth", "society", "generation", "children", "kids", "teenagers", "students", "families",
                     "economy", "politics", "culture", "technology", "computers", "standards", "terms", "dollars", "media"}
#: Verbs that put something off: a date after their "until" is a new deadline, still to come.
DEFERRAL_STEMS = ("postpon", "delay", "extend", "defer", "adjourn", "gave", "give", "given", "grant", "push")
#: Future cues that only count when no verb in the sentence gives the tense.
WEAK_FUTURE_CUES = {"until"}
#: Named days (``holidays.csv``): the name's key (``holiday_key``) -> (calendar rule, granularity).
def holiday_key(words) -> str:
    """How a holiday's name is looked up: its words' letters, lower-cased, with no spaces or
    apostrophes (``New Year’s Day`` and the tokens ``New``, ``Year``, ``’s``, ``Day`` alike)."""
    return "".join(resources.straighten(w).lower().replace("'", "") for w in words)


HOLIDAYS = {holiday_key(r["name"].split()): (r["rule"], r["granularity"]) for r in resources.rows("holidays.csv")}
HOLIDAY_FIRST_WORDS = {holiday_key(r["name"].split()[:1]) for r in resources.rows("holidays.csv")}
#: Number words that open a year said aloud (``nineteen ninety-six``), with their centuries.
SPOKEN_CENTURIES = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                    "seventeen": 17, "eighteen": 18, "nineteen": 19}

