"""Table cells as a reader sees them: no ``None`` or ``nan``, numbers at display precision.

A view's tables are what a notebook shows, so every cell is already a display value: a
missing value is an empty string, a float is written by ``display.number`` (``27``,
``2,000,000,000``, ``0.18``), integers and dates stay as they are.
"""

from __future__ import annotations

import math

import pandas as pd

from ..display import number


def missing(value) -> bool:
    """``None``, ``NaN``, ``NaT`` or ``pd.NA``; never a string or a number."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def cell(value, precision: int = 3):
    """One cell for display: blank for a missing value, a float as text at ``precision``."""
    if missing(value):
        return ""
    if isinstance(value, float):
        return number(value, precision)
    return value


def display_ready(df: pd.DataFrame, precision: int = 3) -> pd.DataFrame:
    """A copy of ``df`` whose every cell is a display value (see the module's docstring);
    an integer column stays integer."""
    out = df.reset_index(drop=True).copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_integer_dtype(s) and not s.isna().any():
            out[col] = s.astype(int)
        else:
            out[col] = pd.Series([cell(v, precision) for v in s], index=out.index, dtype=object)
    return out
