"""Pure functions from page text to :class:`Page`/:class:`Article` dataclasses. No I/O."""

from liaocheng_tui.parse.models import ARTICLE_KINDS, Article, ArticleKind, Dropped, Page
from liaocheng_tui.parse.page import parse_page

__all__ = ["ARTICLE_KINDS", "Article", "ArticleKind", "Dropped", "Page", "parse_page"]
