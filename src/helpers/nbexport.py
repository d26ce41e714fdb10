"""An nbconvert preprocessor of the reports, in its own module so that importing
``helpers.report`` (and so every CLI call) does not import nbconvert."""

from nbconvert.preprocessors import Preprocessor


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


