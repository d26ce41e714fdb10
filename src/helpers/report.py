"""Execute every notebook with papermill, export each to offline HTML, and write an index.

``python -m helpers report [FILE] [--date YYYY-MM-DD] [--out DIR] [--with-code] [--only NB]``

- Each ``notebooks/NN-*.ipynb`` runs with ``ARTICLE`` (and ``DATE``) injected as parameters,
  in the project's kernel, from ``notebooks/`` as working directory.
- Export uses the project's ``offline`` nbconvert template (the lab template with its CDN
  scripts removed); code cells are hidden unless ``--with-code``; the injected-parameters
  cell stays visible as the record of what ran.
- One notebook that fails takes no other with it: every report that succeeded is written,
  the failed one gets a page saying which cell failed with which error (``report_pages``),
  its executed copy is kept in ``<out>/failed/``, and the build exits with status 1.
- The build is staged in a temporary folder next to the output and moved into place as a
  whole set (``report_staging``): an interrupted build, a full disk, or a build in which
  every notebook failed leaves the previous reports as they were.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import paths
from .article import Article, ArticleError, load_article
from .report_pages import Card, Failure, article_title, finding, first_line, main_figure, provenance, render_failure, render_index
from .report_staging import (
    LOG_NAME,
    STAGING_PREFIX,
    BuildInterrupted,
    OutputError,
    ReportError,
    commit,
    environment,
    prepare_out,
    stderr_to,
    stop_kernels,
    terminate_as_interrupt,
)

__all__ = ["LOG_NAME", "STAGING_PREFIX", "BuildInterrupted", "BuildFailures", "NotebookFailed", "OutputError",
           "ReportError", "build", "finding", "main", "notebooks", "provenance", "render_index"]
_prepare_out = prepare_out  # the name the tests and older callers use

KERNEL_NAME = "news-helpers"
TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE_NAME = "offline"
CELL_TIMEOUT = 600


class NotebookFailed(ReportError):
    """One notebook failed; ``failure`` says in which cell and with which error."""

    def __init__(self, failure: Failure):
        super().__init__(f"{failure.notebook}: {failure.summary}")
        self.failure = failure


class BuildFailures(ReportError):
    """Some notebooks failed; the reports of the others, a page per failed one and the index
    are in place in ``out_dir``. ``str(err)`` is the build's last line."""

    def __init__(self, failures: list[Failure], total: int, out_dir: Path):
        names = ", ".join(Path(f.notebook).stem for f in failures)
        super().__init__(f"{len(failures)} of {total} notebooks failed ({names}); the other reports are written, "
                         f"index {paths.shown(out_dir / 'index.html')}")
        self.failures, self.total, self.out_dir = failures, total, out_dir


@dataclass(frozen=True)
class NotebookInfo:
    path: Path
    title: str
    question: str

    @property
    def stem(self) -> str:
        return self.path.stem


def notebooks() -> list[NotebookInfo]:
    """The collection's notebooks in order, with the title and question from their first cell."""
    out = []
    for path in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
        lines = [ln.strip() for ln in (first.source if first else "").splitlines() if ln.strip()]
        title = lines[0].lstrip("# ").strip() if lines else path.stem
        question = next((ln.strip("*_ ") for ln in lines[1:] if not ln.startswith("**")), "")
        out.append(NotebookInfo(path, title, question))
    return out


def output_dir(article: Article, out: str | Path | None) -> Path:
    """``--out`` when given; else ``reports/`` for the seed read from ``data/raw/``, and
    ``reports/<output id>/`` for any other file (see ``paths.output_id``)."""
    if out is not None:  # absolute: the kernels run in notebooks/, not where --out was typed
        return Path(out).absolute()
    if paths.is_seed(article):
        return paths.REPORTS
    return paths.REPORTS / paths.output_id(article)


def is_default_build(article: Article, out: str | Path | None) -> bool:
    """The seed's own build (``make report``): the one build that updates the tracked
    ``figures/`` and ``data/processed/``. Every other build writes its figures and tables
    under its output folder."""
    return out is None and paths.is_seed(article)


def notebook_path(article_file: Path) -> str:
    """The article as the notebooks' parameters cell shows it: relative to ``notebooks/``,
    where the kernels run (``../data/raw/…``, as the notebooks' own default), when it is
    inside the repository; else its absolute path."""
    file = article_file.resolve()
    if file.is_relative_to(paths.ROOT.resolve()):
        return os.path.relpath(file, paths.NOTEBOOKS.resolve())
    return str(file)


def exporter(with_code: bool = False):
    """The HTML exporter of the reports: ``jupyter_config()`` (the offline template, prompts
    hidden, code hidden), without the code-hiding step when ``with_code``."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = jupyter_config()
    if with_code:
        config["HTMLExporter"]["preprocessors"] = []
    return HTMLExporter(config=Config(config))


def export_html(nb, with_code: bool = False) -> str:
    body, _ = exporter(with_code).from_notebook_node(nb)
    return body


def jupyter_config() -> dict:
    """Settings that make every HTML export in this environment the offline report.

    Written to ``<venv>/etc/jupyter/`` by ``python -m helpers.report --install-config``
    (the Makefile's set-up): ``jupyter_nbconvert_config.json`` for ``jupyter nbconvert`` and
    ``jupyter_server_config.json`` for JupyterLab's export menu, whose handler builds its
    exporter from the server's config.
    """
    return {
        "HTMLExporter": {
            "template_name": TEMPLATE_NAME,
            "extra_template_basedirs": [str(TEMPLATES)],
            "exclude_input_prompt": True,
            "exclude_output_prompt": True,
            "preprocessors": ["helpers.nbexport.HideCodePreprocessor"],
        }
    }


def install_config(prefix: str | Path = sys.prefix) -> list[Path]:
    """Write ``jupyter_config()`` into ``<prefix>/etc/jupyter`` and the lab settings that keep
    JupyterLab offline (``LAB_SETTINGS``, ``LAB_SERVER_CONFIG``), merging with what is there."""
    import json

    etc = Path(prefix) / "etc" / "jupyter"
    etc.mkdir(parents=True, exist_ok=True)
    settings = Path(prefix) / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    written = []
    for target, extra in ((etc / "jupyter_nbconvert_config.json", jupyter_config()),
                          (etc / "jupyter_server_config.json", {**jupyter_config(), **LAB_SERVER_CONFIG}),
                          (settings / "overrides.json", LAB_SETTINGS)):
        current = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
        current.update(extra)
        target.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
        written.append(target)
    return written


#: The collection runs offline, so ``make lab`` opens a JupyterLab that neither asks about
#: Jupyter news nor checks for updates on its own: the front end's notification settings
#: (in the environment's ``overrides.json``) and the server's update check.
LAB_SETTINGS = {"@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"}}
LAB_SERVER_CONFIG = {"LabApp": {"check_for_updates_class": "jupyterlab.NeverCheckForUpdate"}}


def _execute(info: NotebookInfo, article_path: Path, staged: Path, date: str | None = None) -> nbformat.NotebookNode:
    """The executed notebook; ``NotebookFailed`` when a cell raised or the kernel could not run
    it; a ``ReportError`` (the whole build's) when its executed copy cannot be written."""
    import papermill as pm

    target = staged / info.path.name
    try:
        pm.execute_notebook(
            str(info.path),
            str(target),
            parameters={"ARTICLE": notebook_path(article_path), "DATE": date},
            kernel_name=KERNEL_NAME,
            cwd=str(paths.NOTEBOOKS),
            progress_bar=False,
            log_output=False,
            execution_timeout=CELL_TIMEOUT,
            request_save_on_cell_execute=False,
        )
    except pm.PapermillExecutionError as err:
        raise NotebookFailed(Failure(info.path.name, err.ename, first_line(err.evalue), cell=err.exec_count or err.cell_index,
                                     source_line=first_line(err.source, 120))) from None
    except OSError as err:  # a full disk: no use going on, and the previous reports stay
        raise ReportError(f"{info.path.name}: cannot write its executed copy: {err.strerror or err}; "
                          "the previous reports are as they were") from None
    except Exception as err:  # kernel died, missing kernel, a cell timed out, …
        raise NotebookFailed(Failure(info.path.name, type(err).__name__, first_line(err))) from None
    nb = nbformat.read(target, as_version=4)
    for cell in nb.cells:  # papermill gives its cell a random id; a fixed one keeps rebuilds identical
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    return nb


def _execute_all(infos: list[NotebookInfo], article_file: Path, staged: Path, date: str | None = None) -> dict:
    """Run the notebooks, as many at once as there are CPUs (each in its own kernel process;
    they read the same inputs and write different files). Returns, per notebook, the
    executed notebook or its ``NotebookFailed``, and the seconds it took; a ``ReportError``
    of the build itself (a full disk) is raised once every notebook has stopped."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    def run(info: NotebookInfo):
        t0 = time.perf_counter()
        try:
            result = _execute(info, article_file, staged, date)
        except ReportError as err:
            result = err
        return result, time.perf_counter() - t0

    workers = max(1, min(len(infos), os.cpu_count() or 1))
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        executed = dict(zip((i.stem for i in infos), pool.map(run, infos)))
    except BaseException:  # interrupted: the kernels go first, then the threads that wait on them
        pool.shutdown(wait=False, cancel_futures=True)
        stop_kernels()
        raise
    finally:
        pool.shutdown(wait=True)
    for result, _ in executed.values():
        if isinstance(result, ReportError) and not isinstance(result, NotebookFailed):
            raise result
    return executed


def _keep_failed_copy(failure: Failure, staged: Path) -> Failure:
    """The failed notebook's executed copy, moved to ``<staged>/failed/`` when it is a whole
    notebook (never an empty or cut-off file); the failure then names where it will be."""
    copy = staged / failure.notebook
    try:
        nbformat.read(copy, as_version=4)
    except Exception:  # missing, empty or cut off: nothing worth keeping
        copy.unlink(missing_ok=True)
        return failure
    (staged / "failed").mkdir(exist_ok=True)
    os.replace(copy, staged / "failed" / failure.notebook)
    return dataclasses.replace(failure, kept=f"failed/{failure.notebook}")


def _pages(article: Article, infos: list[NotebookInfo], executed: dict, staged: Path, figdir: Path,
           with_code: bool) -> tuple[dict[str, str], list[Card]]:
    """Every page of the set, by file name: a report per notebook that ran, a failure page per
    notebook that did not (or whose export failed), and the index, which marks the failed."""
    pages, cards = {}, []
    for info in infos:
        href, result = f"{info.stem}.html", executed[info.stem][0]
        if isinstance(result, NotebookFailed):
            cards.append(Card(info.title, info.question, href, failure=_keep_failed_copy(result.failure, staged)))
            continue
        result.metadata["title"] = f"{info.title} · {article_title(article)}"  # the page's <title>
        try:
            pages[href] = export_html(result, with_code)
        except Exception as err:  # nbconvert failed on this notebook: it alone fails
            failure = Failure(info.path.name, type(err).__name__, "exporting to HTML: " + first_line(err))
            cards.append(Card(info.title, info.question, href, failure=failure))
            continue
        cards.append(Card(info.title, info.question, href, main_figure(info.path, figdir), finding(result)))
    prov = provenance(article)
    for card in cards:
        if card.failure is not None:
            pages[card.href] = render_failure(article, card, cards, prov)
    pages["index.html"] = render_index(article, cards, prov)
    return pages, cards


def build(article_path: str | Path | None = None, out: str | Path | None = None,
          with_code: bool = False, only: list[str] | None = None, *, verbose: bool = False,
          echo=None, date: str | None = None) -> Path:
    """Build every report; returns the output folder. Raises ``ArticleError``, ``OutputError``,
    ``ReportError`` (nothing replaced), or ``BuildFailures`` once the reports of the
    notebooks that succeeded, the failure pages and the index are in place.

    Kernel and papermill output goes to ``<out>/build.log`` (all of it with ``verbose``);
    ``echo``, when given, is called with one line per notebook (its time and the page
    written, and what failed) and a line naming the index.
    """
    out = None if out is None or str(out) == "" else out  # an empty --out (make's OUT=) is no --out
    article = load_article(article_path, date=date)  # validates the file (and the date) before any kernel starts
    article_file = Path(article.path).resolve()
    out_dir = output_dir(article, out)
    infos = [i for i in notebooks() if not only or i.stem in only]
    if not infos:
        raise ReportError(f"{paths.NOTEBOOKS}: no notebooks to run" + (f" named {', '.join(only)}" if only else ""))
    own_outputs = not is_default_build(article, out)
    # any build but the seed's own leaves every tracked file alone, wherever --out points
    prepare_out(out_dir, protect=[f"{i.stem}.html" for i in infos] if own_outputs else None)
    log = None if verbose else out_dir / LOG_NAME
    try:
        staged = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir))
        if log is not None:
            log.write_text(f"helpers report: {article_file} -> {out_dir}\n", encoding="utf-8")
    except OSError as err:
        raise OutputError(f"{out_dir}: cannot write there: {err.strerror or err}") from None
    try:
        with stderr_to(log), environment(_build_env(staged, own_outputs)), terminate_as_interrupt():
            executed = _execute_all(infos, article_file, staged, date)
            figdir = staged / "outputs" / "figures" if own_outputs else paths.figure_dir(article)
            pages, cards = _pages(article, infos, executed, staged, figdir, with_code)
            failures = [c.failure for c in cards if c.failure is not None]
            _write_set(staged, out_dir, pages, infos, failures, own_outputs)
    except OSError as err:  # a full disk, a folder made read-only under us
        where = err.filename or out_dir
        raise ReportError(f"{where}: cannot write: {err.strerror or err}; the previous reports are as they were") from None
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    if echo is not None:
        failed = {Path(f.notebook).stem: f for f in failures}
        for info in infos:
            why = f"  (failed: {failed[info.stem].summary})" if info.stem in failed else ""
            echo(f"helpers report: {info.stem:<36} {executed[info.stem][1]:5.1f} s  "
                 f"{paths.shown(out_dir / (info.stem + '.html'))}{why}")
        echo(f"helpers report: index {paths.shown(out_dir / 'index.html')}")
    if failures:
        raise BuildFailures(failures, len(infos), out_dir)
    return out_dir


def _build_env(staged: Path, own_outputs: bool) -> dict[str, str]:
    """The kernels' connection files (with their keys), temporary files and IPython history
    live and die with the staging folder; a build other than the seed's own sends the
    article's figures and tables there too."""
    runtime = staged / "runtime"
    runtime.mkdir()
    env = {"JUPYTER_RUNTIME_DIR": str(runtime), "TMPDIR": str(runtime), "IPYTHONDIR": str(runtime / "ipython")}
    if own_outputs:
        env[paths.ARTICLE_OUTPUT_ENV] = str(staged / "outputs")
    return env


def _write_set(staged: Path, out_dir: Path, pages: dict[str, str], infos: list[NotebookInfo],
               failures: list[Failure], own_outputs: bool) -> None:
    """Write the pages into the staging folder and move the set into place; when every
    notebook failed there is nothing to show, so only the failed executed copies are kept
    and the previous reports stay."""
    files = [i.path.name for i in infos]
    if len(failures) == len(infos):
        commit(staged, out_dir, [], files, own_outputs=False)
        first = failures[0]
        kept = f" (executed copy kept at {out_dir / first.kept})" if first.kept else ""
        more = f"; {len(failures)} of {len(infos)} notebooks failed" if len(failures) > 1 else ""
        raise ReportError(f"{first.notebook}: {first.summary}{more}; the previous reports are as they were{kept}")
    for name, text in pages.items():
        (staged / name).write_text(text, encoding="utf-8")
    commit(staged, out_dir, list(pages), files, own_outputs)


def main(args: argparse.Namespace) -> int:
    """The ``report`` command: 0 when every report was built, 1 when a notebook failed (its
    page says why) or nothing could be written, 2 for input the user must fix, 130 when
    interrupted. What failed is one line on stderr; the kernels' own messages stay in the
    build log."""
    if getattr(args, "install_config", False):
        for path in install_config():
            print(f"helpers report: wrote {path}", file=sys.stderr)
        return 0
    try:
        if args.file and args.article and args.file != args.article:
            raise ArticleError(args.file, f"two articles given (FILE and --article {args.article}); give one")
        build(args.file or args.article or None, args.out or None, args.with_code, only=args.only, verbose=args.verbose,
              echo=print, date=args.date or None)
    except KeyboardInterrupt as err:
        why = f" ({err})" if str(err) else ""
        after = ("; it stopped once the new reports were in place" if getattr(err, "replaced", False)
                 else "; the previous reports are as they were")
        sys.stdout.flush()
        print(f"helpers: error: report build interrupted{why}{after}", file=sys.stderr)
        return 130
    except ReportError as err:
        sys.stdout.flush()  # the notebooks' lines first: this is the build's last line
        print(f"helpers: error: {err}", file=sys.stderr)
        return 2 if isinstance(err, OutputError) else 1
    return 0
