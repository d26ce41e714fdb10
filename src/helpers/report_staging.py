"""Where a report build writes, and how it leaves nothing half-done.

A build checks its output folder before any kernel starts (``prepare_out``), runs in a
``.build-<pid>-*`` staging folder beside it, with its kernels' temporary files inside
(``environment``), turns SIGTERM and SIGHUP into an interruption (``terminate_as_interrupt``)
and moves the finished set into place with signals held back (``commit``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import paths

#: Staging folders are named ``.build-<pid>-<random>``: a build removes those whose process
#: is gone (a build killed with SIGKILL could not remove its own).
STAGING_PREFIX = ".build-"
LOG_NAME = "build.log"
#: what a build writes, replaces or removes in its output folder, besides its pages
OUTPUT_ENTRIES = ("index.html", LOG_NAME, "figures", "tables", "failed")


class ReportError(RuntimeError):
    """A report build failed; ``str(err)`` is one line, ``log`` the build log (if any)."""

    log: Path | None = None


class OutputError(ReportError):
    """The output folder cannot be used (a file, not creatable, not writable, holding tracked
    files): the user's to fix, so the CLI exits with status 2."""


class BuildInterrupted(KeyboardInterrupt):
    """The build was stopped by a signal (SIGTERM, SIGHUP) or Ctrl-C. ``replaced`` is true
    when the signal came while the new set was being moved into place (it is held back
    until the set is complete)."""

    replaced: bool = False


def tracked_entries(out_dir: Path, pages: list[str]) -> dict[str, int]:
    """What a build into ``out_dir`` would replace or remove (its pages, ``index.html``,
    ``build.log``, ``figures/``, ``tables/``, ``failed/``) that holds files tracked in the
    project's repository: each such entry with how many tracked files it holds. Asks git;
    without git, the tracked ``figures/`` and ``data/processed/`` still count."""
    root = paths.ROOT.resolve()
    try:
        rel = out_dir.resolve().relative_to(root)
    except (ValueError, OSError):
        return {}
    entries = [*pages, *OUTPUT_ENTRIES]
    protected = {paths.FIGURES.resolve(), paths.PROCESSED.resolve()}
    found = {name: 1 for name in entries if (root / rel / name).resolve() in protected}
    try:
        res = subprocess.run(["git", "--literal-pathspecs", "ls-files", "-z", "--", *(str(rel / n) for n in entries)],
                             cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return found
    if res.returncode == 0:
        counts: dict[str, int] = {}
        for file in filter(None, res.stdout.split("\0")):
            entry = Path(file).relative_to(rel).parts[0]
            counts[entry] = counts.get(entry, 0) + 1
        found.update(counts)
    return found


def prepare_out(out_dir: Path, protect: list[str] | None = None) -> None:
    """The output folder, created, checked writable and cleared of dead builds' staging
    folders; a one-line ``OutputError`` naming the problem otherwise. With ``protect`` (the
    pages a build other than the seed's own will write), a folder where the build would
    replace a file tracked in the repository is refused before anything is written."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: --out is a file, not a folder")
    if protect is not None and (tracked := tracked_entries(out_dir, protect)):
        shown = ", ".join(f"{name}/ ({n} tracked file{'s' * (n != 1)})" if name in ("figures", "tables", "failed")
                          else name for name, n in tracked.items())
        raise OutputError(f"{out_dir}: a build there would replace files tracked in the repository: {shown}; "
                          "give --out a folder of its own")
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
def environment(values: dict[str, str]):
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


@contextlib.contextmanager
def stderr_to(log: Path | None):
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


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def terminate_as_interrupt():
    """SIGTERM and SIGHUP raise ``BuildInterrupted`` in the main thread, as Ctrl-C raises
    ``KeyboardInterrupt``, so a killed build cleans up like an interrupted one."""
    import signal

    if not _in_main_thread():
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


@contextlib.contextmanager
def signals_held():
    """Ctrl-C, SIGTERM and SIGHUP wait while the block runs (the moves that put a finished
    set in place), then interrupt: a set is never left half moved."""
    import signal

    if not _in_main_thread():
        yield
        return
    caught: list[str] = []
    sigs = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    saved = {sig: signal.signal(sig, lambda signum, frame: caught.append(signal.Signals(signum).name)) for sig in sigs}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    if caught:
        err = BuildInterrupted(caught[0])
        err.replaced = True
        raise err


def stop_kernels() -> None:
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


def commit(staged: Path, out_dir: Path, pages: list[str], notebook_files: list[str], own_outputs: bool) -> None:
    """Move a finished set from ``staged`` into ``out_dir``: its figures and tables (each
    folder replacing the previous one whole), the executed copies of its failed notebooks
    (``failed/``; a notebook of this build that did not fail loses its old copy), then its
    pages, the index last so it never points at a missing page. Signals wait until the set
    is in place; the previous folders go to ``staged``, which the caller removes."""
    with signals_held():
        if own_outputs:
            for sub in ("figures", "tables"):
                if (staged / "outputs" / sub).is_dir():
                    if (out_dir / sub).exists():
                        os.replace(out_dir / sub, staged / f"previous-{sub}")
                    os.replace(staged / "outputs" / sub, out_dir / sub)
        failed = out_dir / "failed"
        for name in notebook_files:
            if (staged / "failed" / name).exists():
                failed.mkdir(exist_ok=True)
                os.replace(staged / "failed" / name, failed / name)
            elif (failed / name).exists():
                (failed / name).unlink()
        with contextlib.suppress(OSError):
            failed.rmdir()  # only when no failed copy is left in it
        for name in sorted(pages, key=lambda n: n == "index.html"):
            os.replace(staged / name, out_dir / name)
