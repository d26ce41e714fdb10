"""nbconvert classes of the reports, in their own module so that importing ``helpers.report``
(and so every CLI call) does not import nbconvert."""

from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets import default


class HideCodePreprocessor(Preprocessor):
    """Hide code inputs, except the parameters a reader needs to know what ran.

    The ``injected-parameters`` cell papermill adds stays visible (or, in a notebook run by
    hand, the ``parameters`` cell). Used by the report
    build and, through the sys-prefix Jupyter config, by JupyterLab's File → Save and Export
    Notebook As → HTML, so both give the same report.
    """

    def preprocess(self, nb, resources):
        # after papermill's injected cell, the default parameters above it are noise
        injected = any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
        self._keep = {"injected-parameters"} if injected else {"parameters"}
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and not self._keep.intersection(cell.metadata.get("tags", [])):
            cell.metadata.setdefault("transient", {})["remove_source"] = True
        return cell, resources


def _report_settings() -> dict:
    from .report import jupyter_config

    return jupyter_config()["HTMLExporter"]


class ReportExporter(HTMLExporter):
    """The offline report as an export format of its own, ``report`` (entry point in
    ``pyproject.toml``): JupyterLab lists it as File → Save and Export Notebook As → Report.

    JupyterLab 4.6 asks "Sanitize HTML output" before an HTML export, ticked by default (a
    value written into its code, no setting), and jupyter_server then sets
    ``HTMLExporter.sanitize_html`` from the request, which escapes the report's headings,
    tables' scripts and figures into text. This format is not ``html``, so JupyterLab asks
    nothing and the server sets nothing: it is the report, whatever the environment's config
    (its defaults are ``report.jupyter_config()``).
    """

    export_from_notebook = "Report"

    @default("template_name")
    def _template_name_default(self):
        return _report_settings()["template_name"]

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self):
        return list(_report_settings()["extra_template_basedirs"])

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self):
        return _report_settings()["exclude_input_prompt"]

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self):
        return _report_settings()["exclude_output_prompt"]

    @default("preprocessors")
    def _preprocessors_default(self):
        return list(_report_settings()["preprocessors"])
