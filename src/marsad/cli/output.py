"""How `marsad analyze` writes its results: JSON Lines, a readable summary, or an HTML page."""

from __future__ import annotations

import html
import json
from typing import IO, Protocol

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.article import Article
from marsad.serialize import article_to_dict

FORMATS = ("jsonl", "pretty", "html")

_LAYER_STYLES = {
    "entities": "bold cyan",
    "places": "bold green",
    "times": "bold magenta",
    "quantities": "bold yellow",
}


class Writer(Protocol):
    def write(self, article: Article) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, article: Article) -> None:
        self.out.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()


class PrettyWriter:
    """One panel per article (spans highlighted in the first sentences), then a table of all."""

    def __init__(self, out: IO[str]) -> None:
        # Piped output would otherwise be cut to 80 columns, squeezing the table.
        width = None if out.isatty() else 140
        self.console = Console(file=out, highlight=False, soft_wrap=True, width=width)
        self.rows: list[tuple[str, ...]] = []

    def write(self, article: Article) -> None:
        c = self.console
        c.rule(Text(article.title or article.id, style="bold"))
        c.print(
            f"[dim]{article.origin}[/dim]  id {article.id}  language {article.language}  "
            f"published {article.published or '—'}"
        )
        shown = article.sentences[:3]
        for sentence in shown:
            c.print(Text("  ") + _highlighted(article, sentence.start, sentence.end))
        if len(article.sentences) > len(shown):
            c.print(f"  [dim]… {len(article.sentences) - len(shown)} more sentences[/dim]")
        for diag in article.errors:
            c.print(f"  [red]! {diag.stage}: {diag.code}: {diag.message}[/red]")
        self.rows.append(
            (
                article.id[:24],
                article.language or "",
                str(article.published or ""),
                *(
                    str(len(getattr(article, layer)))
                    for layer in (
                        "sentences",
                        "tokens",
                        "entities",
                        "places",
                        "times",
                        "quantities",
                        "events",
                    )
                ),
                str(len(article.errors)),
            )
        )

    def close(self) -> None:
        table = Table(title=f"{len(self.rows)} articles")
        for name in ("id", "lang", "published", "sent", "tok", "ent", "place", "time", "qty", "event", "err"):
            table.add_column(name, justify="left" if name in ("id", "lang", "published") else "right")
        for row in self.rows:
            table.add_row(*row)
        self.console.print(table)


def _highlighted(article: Article, start: int, end: int) -> Text:
    text = Text(article.text[start:end])
    for layer, style in _LAYER_STYLES.items():
        for span in getattr(article, layer):
            if start <= span.start and span.end <= end:
                text.stylize(style, span.start - start, span.end - start)
    return text


class HtmlWriter:
    """A self-contained page; article text is escaped, never interpreted as markup."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.out.write(
            "<!doctype html><html><head><meta charset='utf-8'><title>Marsad analysis</title><style>"
            "body{font-family:sans-serif;max-width:60em;margin:auto}article{border-bottom:1px solid #ccc}"
            "mark.entities{background:#cdf}mark.places{background:#cfc}mark.times{background:#fcf}"
            "mark.quantities{background:#ffc}</style></head><body>\n"
        )

    def write(self, article: Article) -> None:
        direction = "rtl" if article.language == "ar" else "ltr"
        spans = sorted(
            (span.start, span.end, layer) for layer in _LAYER_STYLES for span in getattr(article, layer)
        )
        pieces, pos = [], 0
        for start, end, layer in spans:
            if start < pos:
                continue  # overlapping spans: the first one wins
            pieces.append(html.escape(article.text[pos:start]))
            pieces.append(f"<mark class='{layer}'>{html.escape(article.text[start:end])}</mark>")
            pos = end
        pieces.append(html.escape(article.text[pos:]))
        body = "".join(pieces).replace("\n", "<br>\n")
        title = html.escape(article.title or article.id)
        lang = html.escape(article.language or "")
        self.out.write(
            f"<article lang='{lang}' dir='{direction}'><h2>{title}</h2>"
            f"<p><small>{html.escape(article.origin)}</small></p><p>{body}</p></article>\n"
        )

    def close(self) -> None:
        self.out.write("</body></html>\n")
        self.out.flush()


def make_writer(fmt: str, out: IO[str]) -> Writer:
    return {"jsonl": JsonlWriter, "pretty": PrettyWriter, "html": HtmlWriter}[fmt](out)
