"""Markdown in prose fields: which fields (from the schema), what the safe subset shows, and both walls (the
parser, then nh3) against hostile input; the HTML stays what it is inside a page MkDocs converts."""

from __future__ import annotations

import html.parser

import markdown
import pytest

from generator import prose
from generator.load import Document, SourceMap
from generator.model import build_plan
from generator.render import prose as render_prose
from generator.render.escape import md, md_block, prose as prose_md
from generator.render.md import cell, table

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '<a href="javascript:alert(3)">x</a>',
    "[click](javascript:alert(4))",
    "[click](JaVaScRiPt:alert(5))",
    "[click](&#106;avascript:alert(6))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)",
    "![pic](https://tracker.example/pixel.gif)",
    "[x](vbscript:msgbox(8))",
    "[x](file:///etc/passwd)",
    "[ref][r]\n\n[r]: javascript:alert(9)",
    "<javascript:alert(10)>",
    "text {: onclick=alert(11) } and {#id .class onmouseover=alert(12)}",
    '<div onmouseover="alert(13)">hover</div>',
    "<iframe src=https://evil.example></iframe>",
    "<svg><script>alert(14)</script></svg>",
    "<!-- comment --><style>body{display:none}</style>",
]


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(text: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(text)
    return parser.tags


def assert_harmless(out: str) -> None:
    for tag, attrs in tags_of(out):
        assert tag in render_prose.TAGS | {"div"}, (tag, out)
        assert not any(name.startswith("on") for name in attrs), out
        href = (attrs.get("href") or "").strip().lower()
        assert prose.link_scheme(href) in (None, "http", "https", "mailto") and not href.startswith("//"), out
        assert "src" not in attrs and "id" not in attrs, out


# --- which fields -----------------------------------------------------------------------------

def test_the_prose_fields_are_the_ones_the_schema_marks_markdown():
    paths = prose.prose_paths()
    assert ("summary",) in paths and ("relationship", "history") in paths
    assert ("stakeholders", "*", "notes") in paths and ("reviews", "*", "corrections", "*") in paths
    assert ("name",) not in paths and ("stakeholders", "*", "name") not in paths


def test_the_model_marks_prose_values_and_leaves_short_fields_plain():
    data = {"id": "a", "name": "**A**", "owner": "p", "tier": "t", "summary": "**bold**",
            "stakeholders": [{"id": "s", "name": "S", "influence": "low", "attitude": "neutral", "notes": "*n*"}]}
    plan = build_plan(Document("a.yaml", data, SourceMap({})))
    assert isinstance(plan.summary, prose.Prose) and isinstance(plan.stakeholders[0].notes, prose.Prose)
    assert not isinstance(plan.name, prose.Prose)
    assert type(data["summary"]) is str  # the document is left as it was (it is cached with marshal)
    assert "<strong>bold</strong>" in md_block(plan.summary) and "<strong>" not in md(plan.name)


# --- what the subset shows --------------------------------------------------------------------

def test_emphasis_lists_links_line_breaks_and_tables_are_shown():
    out = prose_md("**Tärkeää** ja *kursiivi*\ntoinen rivi\n\n- yksi\n- kaksi\n\n1. first\n\n"
                   "[raportti](https://example.fi/r?a=1&b=2) <https://example.fi> [posti](mailto:a@b.example)\n\n"
                   "| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    tags = [tag for tag, _ in tags_of(out)]
    for tag in ("strong", "em", "br", "ul", "li", "ol", "a", "table", "th", "td"):
        assert tag in tags, tag
    links = [attrs["href"] for tag, attrs in tags_of(out) if tag == "a"]
    assert links == ["https://example.fi/r?a=1&b=2", "https://example.fi", "mailto:a@b.example"]
    assert all("noopener" in attrs["rel"] for tag, attrs in tags_of(out) if tag == "a")


def test_a_heading_in_a_field_stays_text_and_notes_headings_sit_under_the_section():
    field = prose_md("# Not a heading\n###### nor this")
    assert "# Not a heading" in field and not any(t.startswith("h") for t, _ in tags_of(field) if t != "hr")
    notes = prose_md("# Strategy\n\n## Risks\n\n###### Deep", headings=3)
    assert [t for t, _ in tags_of(notes) if t[0] == "h"] == ["h3", "h4", "h6"]


def test_indented_text_is_not_a_code_block():
    out = prose_md("first\n\n    indented like a quote")
    assert "<pre>" not in out and "indented like a quote" in out


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_becomes_text_not_markup(text):
    out = prose_md(text)
    assert_harmless(out)
    assert "<script" not in out and "<img" not in out and "<iframe" not in out and "<style" not in out


@pytest.mark.parametrize("text", HOSTILE)
def test_the_second_wall_alone_stops_what_the_parser_would_let_through(text):
    """nh3 on its own, given raw HTML as a permissive renderer would pass it, keeps none of it."""
    from markdown_it import MarkdownIt

    permissive = MarkdownIt("commonmark", {"html": True})
    permissive.validateLink = lambda url: True
    raw = permissive.render(text)
    cleaned = render_prose.sanitise(raw)
    assert_harmless(cleaned)


def test_document_links_resolve_through_the_page_or_become_text():
    text = "[minutes](muistiot/2026%20q2.md) [gone](missing.pdf) [out](../other/secret.pdf)"
    assert "<a" not in prose_md(text)  # no page resolver: no link
    seen = []

    def resolve(href):
        seen.append(href)
        return "documents/muistiot/2026%20q2/" if href == "muistiot/2026%20q2.md" else None

    with render_prose.documents(resolve):
        out = prose_md(text)
    assert [a["href"] for t, a in tags_of(out) if t == "a"] == ["documents/muistiot/2026%20q2/"]
    assert "gone" in out and "out" in out and len(seen) == 3


# --- inside a page that MkDocs converts -------------------------------------------------------

PAGE_EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]  # mkdocs.yml's


def convert(page: str) -> str:
    return markdown.markdown(page, extensions=PAGE_EXTENSIONS)


@pytest.mark.parametrize("text", HOSTILE + ["a | b `code` *x* _y_ [z] {#w} \\ ~", "```\nfence\n```\n!!! note\n    x"])
def test_prose_stays_as_it_is_in_a_block_and_in_a_table_cell(text):
    value = prose.Prose(text)
    block = convert(f"## Section\n\n{md_block(value)}\n").split("</h2>", 1)[1]
    in_table = convert("\n".join(table(["Note", "Other"], [[value, "x"]])))
    for out in (block, in_table):
        assert_harmless(out)
    assert prose_md(text) in block
    assert in_table.count("<tr") == 2 and in_table.count("<td") == 2  # no new row or cell from the text
    assert "<td>x</td>" in in_table.replace(' style="text-align: left;"', "")


def test_a_prose_cell_is_one_line_so_it_cannot_end_the_row():
    value = prose.Prose("line one\nline two\n\n- item\n\n```\ncode\n```")
    assert "\n" not in cell(value)
