"""Execute every notebook with papermill, export each to offline HTML, and write an index.

``python -m helpers report [--article FILE] [--out DIR] [--with-code]``

- Each ``notebooks/NN-*.ipynb`` runs with ``ARTICLE`` injected as a parameter, in the
  project's kernel, from ``notebooks/`` as working directory.
- Export uses the project's ``offline`` nbconvert template (the lab template with its CDN
  scripts removed); code cells are hidden unless ``--with-code``; the injected-parameters
  cell stays visible as the record of what ran.
- The build is staged in a temporary folder next to the output and files are moved into
  place only when every notebook has succeeded: a failure leaves the previous reports as
  they were, names the notebook and cell, and keeps the failed executed copy for inspection.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import html
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import nbformat

from . import paths
from .article import Article, ArticleError, load_article

KERNEL_NAME = "news-helpers"
TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE_NAME = "offline"
CELL_TIMEOUT = 600
PROVENANCE_PACKAGES = ("helpers", "pandas", "matplotlib", "nltk", "textblob", "vaderSentiment",
                       "papermill", "nbconvert")


class ReportError(RuntimeError):
    """A report build failed; ``str(err)`` is one line, ``log`` the build log (if any).
    ``show_log`` is False where the kernels' log adds nothing (a full disk)."""

    log: Path | None = None
    show_log: bool = True


class OutputError(ReportError):
    """The output folder cannot be used (a file, not creatable, not writable): the user's
    to fix, so the CLI exits with status 2."""


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
    if out is not None:
        return Path(out)
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
        raise ReportError(
            f"{info.path.name}: cell {err.exec_count or err.cell_index} failed: "
            f"{err.ename}: {str(err.evalue).splitlines()[0] if err.evalue else ''} "
            f"(executed copy kept at {target})"
        ) from None
    except OSError as err:  # a full disk: the one line says so, the kernels' log adds nothing
        failure = ReportError(f"{info.path.name}: cannot write its executed copy: {err.strerror or err}; "
                              "the previous reports are as they were")
        failure.show_log = False
        raise failure from None
    except Exception as err:  # kernel died, missing kernel, …
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ReportError(f"{info.path.name}: could not be executed: {first}") from None
    nb = nbformat.read(target, as_version=4)
    for cell in nb.cells:  # papermill gives its cell a random id; a fixed one keeps rebuilds identical
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    return nb


def _execute_all(infos: list[NotebookInfo], article_file: Path, staged: Path, date: str | None = None) -> dict:
    """Run the notebooks, as many at once as there are CPUs (each in its own kernel process;
    they read the same inputs and write different files). Returns, per notebook, the
    executed notebook or the ``ReportError``, and the seconds it took."""
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
        return dict(zip((i.stem for i in infos), pool.map(run, infos)))
    except BaseException:  # interrupted: the kernels go first, then the threads that wait on them
        pool.shutdown(wait=False, cancel_futures=True)
        _stop_kernels()
        raise
    finally:
        pool.shutdown(wait=True)


@contextlib.contextmanager
def _stderr_to(log: Path | None):
    """Send everything written to file descriptor 2 (the kernels' warnings, papermill's and
    Jupyter's log lines) to ``log`` while the block runs; ``None`` leaves stderr alone."""
    if log is None:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log, "ab") as fh:
        os.dup2(fh.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


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
    import re

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


def _main_figure(info: NotebookInfo, figdir: Path) -> str | None:
    """A data URI of the notebook's main figure: ``metadata.helpers.main_figure`` in the
    notebook, else its first PNG."""
    nb = nbformat.read(info.path, as_version=4)
    name = nb.metadata.get("helpers", {}).get("main_figure")
    prefix = info.stem.split("-")[0]
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
.card img{width:100%;height:auto;border:1px solid #eee;background:#fff}
.card a{color:#0b5cad;text-decoration:none;font-weight:600}
footer{margin-top:2.5rem;font-size:.8rem;color:#555;border-top:1px solid #ddd;padding-top:.6rem}
"""


def render_index(article: Article, cards: list[tuple[NotebookInfo, str, str | None, str | None]],
                 prov: dict[str, str]) -> str:
    """The index page. Every piece of article text is HTML-escaped."""
    e = html.escape
    meta = article.metadata()
    rows = "".join(
        f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>"
        for k, v in meta.items() if v is not None and k not in ("headline", "standfirst")
    )
    card_html = []
    for info, href, fig, found in cards:
        img = f'<img src="{fig}" alt="{e(info.title)}: main figure">' if fig else ""
        said = f'<p class="finding">{e(found)}</p>' if found else ""
        card_html.append(
            f'<div class="card"><h2><a href="{e(href)}">{e(info.title)}</a></h2>'
            f"<p>{e(info.question)}</p>{said}{img}</div>"
        )
    prov_rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in prov.items())
    title = article.headline or article.id
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reports · {e(title)}</title><style>{INDEX_CSS}</style></head>
<body><main>
<p>News article reports</p>
<h1>{e(title)}</h1>
<p class="standfirst">{e(article.standfirst or "")}</p>
<table class="meta">{rows}</table>
<div class="cards">{"".join(card_html)}</div>
<footer><table class="meta">{prov_rows}</table></footer>
</main></body></html>
"""


LOG_NAME = "build.log"


def build(article_path: str | Path | None = None, out: str | Path | None = None,
          with_code: bool = False, only: list[str] | None = None, *, verbose: bool = False,
          echo=None, date: str | None = None) -> Path:
    """Build every report; returns the output folder. Raises ``ArticleError``/``ReportError``.

    Kernel and papermill output goes to ``<out>/build.log`` (all of it with ``verbose``);
    ``echo``, when given, is called with one line per notebook (its time and the page
    written) and a last line naming the index.
    """
    out = None if out is None or str(out) == "" else out  # an empty --out (make's OUT=) is no --out
    article = load_article(article_path, date=date)  # validates the file (and the date) before any kernel starts
    article_file = Path(article.path).resolve()
    out_dir = output_dir(article, out)
    infos = [i for i in notebooks() if not only or i.stem in only]
    if not infos:
        raise ReportError(f"{paths.NOTEBOOKS}: no notebooks to run" + (f" named {', '.join(only)}" if only else ""))
    _prepare_out(out_dir)
    log = None if verbose else out_dir / LOG_NAME
    try:
        staged = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir))
        if log is not None:
            log.write_text(f"helpers report: {article_file} -> {out_dir}\n", encoding="utf-8")
    except OSError as err:
        raise OutputError(f"{out_dir}: cannot write there: {err.strerror or err}") from None
    own_outputs = not is_default_build(article, out)
    # the kernels' connection files (with their keys) are temporary files of this process:
    # they, and anything else temporary, live and die with the staging folder
    runtime = staged / "runtime"
    runtime.mkdir()
    env = {"JUPYTER_RUNTIME_DIR": str(runtime), "TMPDIR": str(runtime),
           # the kernels keep their IPython history there too, never in the user's profile
           "IPYTHONDIR": str(runtime / "ipython")}
    if own_outputs:
        env[paths.ARTICLE_OUTPUT_ENV] = str(staged / "outputs")
    try:
        with _stderr_to(log), _environment(env), _terminate_as_interrupt():
            executed = _execute_all(infos, article_file, staged, date)
        _raise_first_failure(infos, executed, staged, out_dir, log)
        pages = {f"{i.stem}.html": export_html(executed[i.stem][0], with_code) for i in infos}
        figdir = staged / "outputs" / "figures" if own_outputs else paths.figure_dir(article)
        cards = [(i, f"{i.stem}.html", _main_figure(i, figdir), finding(executed[i.stem][0])) for i in infos]
        pages["index.html"] = render_index(article, cards, provenance(article))
        for name, text in pages.items():
            (staged / name).write_text(text, encoding="utf-8")
        if own_outputs:  # the figures and tables replace the previous build's as a whole
            for sub in ("figures", "tables"):
                if (staged / "outputs" / sub).is_dir():
                    if (out_dir / sub).exists():
                        os.replace(out_dir / sub, staged / f"previous-{sub}")
                    os.replace(staged / "outputs" / sub, out_dir / sub)
        for name in pages:  # index last, so it never points at a missing page
            os.replace(staged / name, out_dir / name)
        shutil.rmtree(out_dir / "failed", ignore_errors=True)
    except OSError as err:  # a full disk, a folder made read-only under us
        where = err.filename or out_dir
        raise ReportError(f"{where}: cannot write: {err.strerror or err}; the previous reports are as they were") from None
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    if echo is not None:
        for info in infos:
            echo(f"helpers report: {info.stem:<36} {executed[info.stem][1]:5.1f} s  {paths.shown(out_dir / (info.stem + '.html'))}")
        echo(f"helpers report: index {paths.shown(out_dir / 'index.html')}")
    return out_dir


#: Staging folders are named ``.build-<pid>-<random>``: a build removes those whose process
#: is gone (a build killed with SIGKILL could not remove its own).
STAGING_PREFIX = ".build-"


def _prepare_out(out_dir: Path) -> None:
    """The output folder, created, checked writable and cleared of dead builds' staging
    folders; a one-line ``ReportError`` naming the problem otherwise."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: --out is a file, not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out_dir}: cannot create the output folder: {err.strerror or err}") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(f"{out_dir}: the output folder is not writable")
    for stale in out_dir.glob(f"{STAGING_PREFIX}*"):
        pid = stale.name[len(STAGING_PREFIX):].split("-")[0]
        if stale.is_dir() and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != 0


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    """Environment variables set while the block runs (the kernels started in it inherit them;
    ``TMPDIR`` also moves this process's own temporary files)."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    saved_tempdir = tempfile.tempdir
    if "TMPDIR" in values:
        tempfile.tempdir = values["TMPDIR"]  # gettempdir() caches its answer: set it too
    try:
        yield
    finally:
        tempfile.tempdir = saved_tempdir
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class BuildInterrupted(KeyboardInterrupt):
    """The build was stopped by a signal (SIGTERM, SIGHUP) or Ctrl-C."""


@contextlib.contextmanager
def _terminate_as_interrupt():
    """SIGTERM and SIGHUP raise ``BuildInterrupted`` in the main thread, as Ctrl-C raises
    ``KeyboardInterrupt``, so a killed build cleans up like an interrupted one."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise BuildInterrupted(signal.Signals(signum).name)

    saved = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _stop_kernels() -> None:
    """End this process's child processes (the kernels papermill started), so the worker
    threads return at once."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with ipykernel
        return
    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=5)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()


def _raise_first_failure(infos, executed, staged: Path, out_dir: Path, log: Path | None) -> None:
    """The first failed notebook, in notebook order, as a ``ReportError`` naming the build
    log; its executed copy is kept in ``<out>/failed/``."""
    for info in infos:
        nb = executed[info.stem][0]
        if not isinstance(nb, ReportError):
            continue
        failed = out_dir / "failed"
        failed.mkdir(exist_ok=True)
        executed_copy = staged / info.path.name
        if executed_copy.exists() and executed_copy.stat().st_size > 0:  # never an empty notebook
            shutil.copy2(executed_copy, failed / info.path.name)
        err = ReportError(str(nb).replace(str(executed_copy), str(failed / info.path.name)))
        err.log = log if nb.show_log else None
        raise err


def main(args: argparse.Namespace) -> int:
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
        print(f"helpers: error: report build interrupted{why}; the previous reports are as they were", file=sys.stderr)
        return 130
    except OutputError as err:
        print(f"helpers: error: {err}", file=sys.stderr)
        return 2
    except ReportError as err:
        print(f"helpers: error: {err}", file=sys.stderr)
        if err.log is not None and err.log.exists():  # the kernels' own words, shown only now
            tail = err.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-20:]
            print(f"helpers report: the last lines of {paths.shown(err.log)}:", *tail, sep="\n", file=sys.stderr)
        return 1
    return 0
