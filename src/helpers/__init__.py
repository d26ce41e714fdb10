"""helpers: take a news article apart the way a political-communication researcher would."""

from .article import Article, ArticleError, Paragraph, Span, load_article, parse_article

__all__ = ["Article", "ArticleError", "Paragraph", "Span", "load_article", "parse_article"]
__version__ = "0.1.0"
