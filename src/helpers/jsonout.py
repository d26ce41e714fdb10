"""Records made JSON-ready, one object per line, strict JSON."""

from __future__ import annotations

import datetime as dt
import json
import math


def plain(value):
    """Make a record JSON-ready: NA/NaN to null, numpy scalars to Python, dates to ISO."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return None
    return value


#: Characters that Python's ``str.splitlines`` (and other readers) take for line ends but JSON
#: leaves raw: escaped, so an output line is one line for every reader.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dump(obj) -> str:
    """One line of strict JSON (no NaN or Infinity; no character any reader takes for a line end)."""
    return json.dumps(plain(obj), ensure_ascii=False, allow_nan=False).translate(_LINE_BREAKS)
