"""helpers: take a news article apart the way a political-communication researcher would."""

from .article import Article, ArticleError, Paragraph, Span, load_article, parse_article

__all__ = ["Article", "ArticleError", "Paragraph", "Span", "load_article", "parse_article"]
try:
    from importlib.metadata import version as _version

    __version__ = _version("helpers")  # the version in pyproject.toml, as installed
except Exception:  # pragma: no cover - running from a source tree that was never installed
    __version__ = "0+unknown"
