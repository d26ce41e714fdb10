"""The pages of a report build that are not notebooks: the index and a failed notebook's page.

Both are self-contained HTML (inline CSS, figures as data URIs), so they open offline, and
every piece of article or error text on them is HTML-escaped.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import nbformat

from . import paths
from .article import Article

PROVENANCE_PACKAGES = ("helpers", "pandas", "matplotlib", "nltk", "textblob", "vaderSentiment",
                       "papermill", "nbconvert")
#: a plain text's first line is its title; a very long one is cut at a word
TITLE_CHARS = 160


@dataclass(frozen=True)
class Failure:
    """What made one notebook fail, for its page, its index card and its line of the build:
    the cell (its execution count and first source line, when a cell raised) and the error
    (exception type and the first line of its message)."""

    notebook: str
    ename: str
    evalue: str
    cell: int | None = None
    source_line: str = ""
    #: the executed copy kept for inspection (``failed/NN-name.ipynb`` beside the reports)
    kept: str | None = None

    @property
    def summary(self) -> str:
        """One line: ``cell 7 (`x = f()`): ValueError: no date``, or ``could not be executed: …``
        when no cell raised (the kernel died or did not start)."""
        error = f"{self.ename}: {self.evalue}" if self.evalue else self.ename
        if self.cell is None:
            return f"could not be executed: {error}"
        return f"cell {self.cell}" + (f" (`{self.source_line}`)" if self.source_line else "") + f": {error}"


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def first_line(text: object, limit: int = 200) -> str:
    """The first non-empty line of ``text`` without terminal colour codes, cut at ``limit``."""
    for line in _ANSI.sub("", str(text or "")).splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def article_title(article: Article) -> str:
    """The article's title on the index and the reports: its headline; for plain text (no
    header, so no headline) its first line, which is where a headline stands; the file's id
    only when the text has no line at all."""
    if article.headline:
        return article.headline
    if article.paragraphs:
        return first_line(article.paragraphs[0].text, TITLE_CHARS)
    return first_line(article.text, TITLE_CHARS) or article.id


def _git_commit() -> str:
    try:
        res = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=paths.ROOT,
                             capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=paths.ROOT, capture_output=True, text=True, timeout=10)
        if res.returncode == 0:
            return res.stdout.strip() + (" (modified)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return "unknown"


def provenance(article: Article) -> dict[str, str]:
    versions = {}
    for name in PROVENANCE_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {
        "built": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "git commit": _git_commit(),
        "article SHA-256": article.sha256,
        "python": sys.version.split()[0],
        "packages": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def finding(nb) -> str | None:
    """The first finding an executed notebook states about its article (the first bullet its
    ``## Findings`` section printed), as plain text: what the index card says under the
    notebook's question, computed from the article like everything else in the report."""
    cells = nb.cells
    for k, cell in enumerate(cells):
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## Findings"):
            for out in next((c.get("outputs", []) for c in cells[k + 1:] if c.cell_type == "code"), []):
                text = out.get("data", {}).get("text/markdown", "")
                first = next((ln[2:] for ln in text.splitlines() if ln.startswith("- ")), None)
                if first:
                    plain = re.sub(r"\\(.)", r"\1", first).replace("**", "").replace("`", "")
                    return html.unescape(plain)
    return None


def main_figure(path: Path, figdir: Path) -> str | None:
    """A data URI of a notebook's main figure: ``metadata.helpers.main_figure`` in the
    notebook, else its first PNG."""
    nb = nbformat.read(path, as_version=4)
    name = nb.metadata.get("helpers", {}).get("main_figure")
    prefix = path.stem.split("-")[0]
    pngs = [figdir / f"{name}.png"] if name else sorted(figdir.glob(f"{prefix}-*.png"))
    pngs = [p for p in pngs if p.exists()]
    if not pngs:
        return None
    return "data:image/png;base64," + base64.b64encode(pngs[0].read_bytes()).decode("ascii")


INDEX_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1d;
max-width:1100px;margin:0 auto;padding:2rem 1rem 3rem;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .3rem} .standfirst{color:#444;font-size:1.05rem;margin:.2rem 0 1.2rem}
table.meta{border-collapse:collapse;font-size:.9rem;margin:1rem 0 2rem}
table.meta th{text-align:left;padding:.2rem 1rem .2rem 0;color:#555;font-weight:600;vertical-align:top}
table.meta td{padding:.2rem 0;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1.2rem}
.card{border:1px solid #ddd;border-radius:8px;padding:1rem;background:#fafafa}
.card h2{font-size:1.1rem;margin:0 0 .3rem}.card p{margin:.2rem 0 .6rem;color:#333}
.card p.finding{color:#1d1d1d;font-weight:600;border-left:3px solid #0072b2;padding-left:.5rem}
.card.failed{border-color:#d55e00;background:#fff8f3}
p.failure{color:#1d1d1d;font-weight:600;border-left:3px solid #d55e00;padding-left:.5rem}
.badge{display:inline-block;font-size:.75rem;font-weight:700;color:#fff;background:#d55e00;
border-radius:3px;padding:0 .35rem;margin-left:.4rem;vertical-align:middle}
.card img{width:100%;height:auto;border:1px solid #eee;background:#fff}
a{color:#0b5cad;text-decoration:none;font-weight:600}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em;background:#f2f2f2;padding:0 .2rem}
ul.others li{margin:.3rem 0}
footer{margin-top:2.5rem;font-size:.8rem;color:#555;border-top:1px solid #ddd;padding-top:.6rem}
@media print{.card.failed,.badge{background:#fff;color:#000;border-color:#000}}
"""


@dataclass(frozen=True)
class Card:
    """One report on the index: its notebook's title and question, its page, and either its
    main figure and first finding or, when the notebook failed, what failed."""

    title: str
    question: str
    href: str
    figure: str | None = None
    finding: str | None = None
    failure: Failure | None = None


def _page(title: str, body: str, prov: dict[str, str]) -> str:
    e = html.escape
    prov_rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in prov.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title><style>{INDEX_CSS}</style></head>
<body><main>
{body}
<footer><table class="meta">{prov_rows}</table></footer>
</main></body></html>
"""


def _card_html(card: Card) -> str:
    e = html.escape
    if card.failure is not None:
        return (f'<div class="card failed"><h2><a href="{e(card.href)}">{e(card.title)}</a>'
                f'<span class="badge">failed</span></h2><p>{e(card.question)}</p>'
                f'<p class="failure">This notebook failed: {e(card.failure.summary)}</p></div>')
    img = f'<img src="{card.figure}" alt="{e(card.title)}: main figure">' if card.figure else ""
    said = f'<p class="finding">{e(card.finding)}</p>' if card.finding else ""
    return (f'<div class="card"><h2><a href="{e(card.href)}">{e(card.title)}</a></h2>'
            f"<p>{e(card.question)}</p>{said}{img}</div>")


def render_index(article: Article, cards: list[Card], prov: dict[str, str]) -> str:
    """The index page: the article's metadata, a card per report (a failed one marked as
    such), the build's provenance."""
    e = html.escape
    meta = article.metadata()
    rows = "".join(
        f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>"
        for k, v in meta.items() if v is not None and k not in ("headline", "standfirst")
    )
    failed = sum(c.failure is not None for c in cards)
    note = (f'<p class="failure">{failed} of {len(cards)} reports failed to build; '
            "their cards say what failed.</p>") if failed else ""
    title = article_title(article)
    body = (f"<p>News article reports</p>\n<h1>{e(title)}</h1>\n"
            f'<p class="standfirst">{e(article.standfirst or "")}</p>\n<table class="meta">{rows}</table>\n'
            f'{note}<div class="cards">{"".join(_card_html(c) for c in cards)}</div>')
    return _page(f"Reports · {title}", body, prov)


def render_failure(article: Article, card: Card, others: list[Card], prov: dict[str, str]) -> str:
    """The page a failed notebook gets in place of its report: which notebook, which cell,
    which error, on which article, and links to what the other reports computed."""
    e = html.escape
    fail = card.failure
    title = article_title(article)
    cell = "none (the notebook did not reach a cell)" if fail.cell is None else str(fail.cell)
    rows = [("notebook", f"<code>{e(fail.notebook)}</code>"), ("cell", e(cell))]
    if fail.source_line:
        rows.append(("its first line", f"<code>{e(fail.source_line)}</code>"))
    rows += [("error", f"<code>{e(fail.ename)}</code>" + (f": {e(fail.evalue)}" if fail.evalue else "")),
             ("article", f"{e(title)} ({e(article.id)}, SHA-256 {e(article.sha256)})")]
    if fail.kept:
        rows.append(("executed copy", f'<a href="{e(fail.kept)}"><code>{e(fail.kept)}</code></a> (open it in JupyterLab)'))
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    done = [c for c in others if c.failure is None]
    items = "".join(f'<li><a href="{e(c.href)}">{e(c.title)}</a>' + (f": {e(c.finding)}" if c.finding else "") + "</li>"
                    for c in done) or "<li>No other report was built.</li>"
    body = (f'<p><a href="index.html">News article reports</a> · {e(title)}</p>\n'
            f'<h1>{e(card.title)}<span class="badge">failed</span></h1>\n'
            f"<p>{e(card.question)}</p>\n"
            f'<p class="failure">This report could not be built: {e(fail.notebook)} failed, {e(fail.summary)}</p>\n'
            f'<table class="meta">{table}</table>\n'
            f"<h2>What the other reports computed</h2>\n<ul class=\"others\">{items}</ul>")
    return _page(f"{card.title} (failed) · {title}", body, prov)
