"""Notebook 00's view: the article's parts, sections, sentence lengths, content words and names.

Every title and finding is a sentence about a table of the view: ``length_summary`` holds the
numbers of the sentence-length title, ``content_words`` the word the content-word title names,
``names`` the people and places the findings count.
"""

from __future__ import annotations

import pandas as pd

from .. import explore, plots
from . import View, source_line

#: Sentences shown in the table of first sentences, and words in the content-word chart.
FIRST_SENTENCES = 8
TOP_WORDS = 20


def metadata(article) -> pd.DataFrame:
    """The article's metadata as ``field``, ``value`` rows, leaving out the parts it does not
    have (a plain-text file has no caption, dateline or credit: no row says ``None``)."""
    rows = [(k, str(v)) for k, v in article.metadata().items() if v not in (None, "")]
    return pd.DataFrame(rows, columns=["field", "value"])


def sentence_words(doc) -> pd.DataFrame:
    """The body's sentences with their length in words (whitespace-separated)."""
    sents = doc.frame("sentences")
    body = sents[sents["unit"] == "body"]
    return pd.DataFrame({"sentence_id": body["sentence_id"].to_numpy(), "section": body["section"].to_numpy(),
                         "words": body["text"].str.split().str.len().to_numpy(dtype=int)})


def length_summary(lengths: pd.DataFrame) -> pd.DataFrame:
    """The numbers the sentence-length chart states: sentences, quartiles and median."""
    if lengths.empty:
        return pd.DataFrame(columns=["sentences", "q1", "median", "q3", "longest"])
    q1, med, q3 = (int(round(x)) for x in lengths["words"].quantile([0.25, 0.5, 0.75]))
    return pd.DataFrame([{"sentences": len(lengths), "q1": q1, "median": med, "q3": q3, "longest": int(lengths["words"].max())}])


def length_title(summary: pd.DataFrame) -> str:
    if summary.empty:
        return "The article has no body sentences"
    s = summary.iloc[0]
    if s["sentences"] < 4:
        return f"The {s['sentences']} body sentence{'s' if s['sentences'] != 1 else ''} run up to {s['longest']} words"
    return f"Half of the {s['sentences']} body sentences run {s['q1']}–{s['q3']} words"


def words_title(words: pd.DataFrame) -> str:
    if words.empty:
        return "The article has no content words"
    top = words.iloc[0]
    return f"“{top['word']}” is the most frequent content word ({top['count']} times)"


def name_types(names: pd.DataFrame) -> pd.DataFrame:
    """Names and mentions per type, most mentions first."""
    if names.empty:
        return pd.DataFrame(columns=["type", "names", "mentions"])
    g = names.groupby("type")
    out = pd.DataFrame({"names": g.size(), "mentions": g["mentions"].sum()}).reset_index()
    return out.sort_values(["mentions", "type"], ascending=[False, True], ignore_index=True)


def findings(article, lengths: pd.DataFrame, summary: pd.DataFrame, names: pd.DataFrame) -> list[str]:
    """Plain-text sentences, each computed from the view's tables."""
    n_sections = len(article.sections)
    out = [f"{len(article.paragraphs)} body paragraphs and {len(lengths)} body sentences"
           + (f" in {n_sections} section{'s' if n_sections != 1 else ''} ({', '.join(article.sections)})" if n_sections else "") + "."]
    if not summary.empty:
        s = summary.iloc[0]
        out.append(f"Median sentence length {s['median']} words (middle half {s['q1']}–{s['q3']}).")
    for kind, label in (("person", "person"), ("place", "place")):
        sub = names[names["type"] == kind]
        if len(sub):
            top = sub.iloc[0]
            extra = f"; {len(sub)} {'people' if kind == 'person' else 'places'} named in all" if kind == "person" else ""
            out.append(f"Most-mentioned {label}: {top['name']} ({top['mentions']} mention{'s' if top['mentions'] != 1 else ''}){extra}.")
    return out


def _length_chart(lengths: pd.DataFrame, summary: pd.DataFrame, title: str, source: str):
    fig, ax = plots.figure(figsize=(plots.WIDTH, 4.2))
    med = int(summary.iloc[0]["median"])
    ax.hist(lengths["words"], bins=range(0, int(lengths["words"].max()) + 6, 5), color=plots.OKABE_ITO["blue"], edgecolor="white")
    ax.axvline(med, color=plots.OKABE_ITO["vermillion"], lw=2)
    ax.annotate(f"median {med} words", (med, ax.get_ylim()[1] * 0.92), xytext=(6, 0),
                textcoords="offset points", color=plots.OKABE_ITO["vermillion"],
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.5})  # readable over a bar
    plots.title(ax, title)
    ax.set_xlabel("Words per sentence (whitespace-separated)")
    ax.set_ylabel("Sentences")
    plots.caption(fig, source)
    return fig


def _words_chart(words: pd.DataFrame, title: str, source: str):
    top = words.head(TOP_WORDS).iloc[::-1]
    fig, ax = plots.figure(figsize=(plots.WIDTH, 6))
    ax.barh(top["word"], top["count"], color=plots.OKABE_ITO["sky"])
    for y, n in enumerate(top["count"]):
        ax.text(n + 0.2, y, str(n), va="center", fontsize=9)
    plots.title(ax, title)
    ax.set_xlabel("Occurrences")
    ax.set_ylabel("Word (lower-cased)")
    ax.grid(axis="y", visible=False)
    plots.caption(fig, source)
    return fig


def build(doc, **_parameters) -> View:
    """Everything notebook 00 shows for ``doc``."""
    article = doc.article
    v = View("00-explore-article")
    sents = doc.frame("sentences")
    lengths = sentence_words(doc)
    summary = length_summary(lengths)
    words = explore.content_words(doc)
    names = explore.names(doc)
    v.tables = {
        "metadata": metadata(article),
        "structure": explore.structure(doc),
        "first_sentences": sents[["sentence_id", "unit", "section", "start", "end", "text"]].head(FIRST_SENTENCES),
        "length_summary": summary,
        "content_words": words.head(TOP_WORDS),
        "name_types": name_types(names),
        "names": names[names["type"].isin(["person", "place", "organization"])].reset_index(drop=True),
    }
    v.captions = {
        "metadata": "The article's parts, as the parser found them",
        "structure": "Paragraphs, sentences and words per section, in reading order",
        "first_sentences": "The first sentences, with their character offsets into the file's text",
        "length_summary": "Body sentences: quartiles of their length in words",
        "content_words": f"The {TOP_WORDS} most frequent content words",
        "name_types": "Names and mentions by type",
        "names": "People, places and organisations, most mentioned first",
    }
    v.titles = {"sentence_lengths": length_title(summary), "content_words": words_title(words)}
    v.sources = {"sentence_lengths": "length_summary", "content_words": "content_words"}
    source = f"{source_line(article)} · {article.id}"
    if not lengths.empty:
        v.figures["sentence_lengths"] = _length_chart(lengths, summary, v.titles["sentence_lengths"], source)
    else:
        v.notes["sentence_lengths"] = "The article has no body sentences: there is no length to chart."
    if not words.empty:
        v.figures["content_words"] = _words_chart(words, v.titles["content_words"], source)
    else:
        v.notes["content_words"] = "The article has no content words to count."
    if names.empty:
        v.notes["names"] = "No names found in this text."
    v.findings = findings(article, lengths, summary, names)
    return v
