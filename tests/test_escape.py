"""Hostile text through each escaping helper, checked in the real target:
Python-Markdown with the site's extensions, an HTML parser, and Graphviz."""

from __future__ import annotations

import html.parser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import markdown
import pytest

from generator.render.escape import Markdown, dot, dot_string, html as html_escape, md, md_block, yaml_string
from generator.render.md import cell, link, table

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    '"]; x [URL="javascript:alert(1)"',
    "</title><script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](http://evil.example/x.png)",
    "**bold** _em_ `code` ~~del~~ ==mark==",
    "a | b | c",
    "{: .evil onclick=alert(1) } {#id}",
    "# heading\n---\n1. list\n> quote\n    code",
    "!!! danger \"x\"",
    "&lt;escaped&gt; &amp; &#60;",
    "<https://auto.example> http://bare.example",
    "a\\N b\\G c\\L d\\",
    "*[HTML]: Hyper [^1]",
    "Мария Иванова «Волга» — Øystein Ødegård, Päivi Mäkelä",
    "-->\n<!-- x",
    "1) first", "2026. aastal", "- item", "+ item", "* item", "= = =", "---", "> quote", ": term",
    "!!! note", "text ## trailing ##", "C#", "    indented code", "x  \ny",
]

EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]


class _Collect(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


def parse(fragment: str) -> _Collect:
    collector = _Collect()
    collector.feed(fragment)
    collector.close()
    return collector


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_inline_shows_the_text_and_nothing_else(hostile):
    out = parse(render(f"Name: {md(hostile)}"))
    assert [tag for tag, _ in out.tags] == ["p"]
    assert out.tags[0][1] == {}
    assert normalised(out.text) == normalised(f"Name: {hostile}")


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("before, tags", [("", ["p"]), ("- ", ["ul", "li"]), ("> ", ["blockquote", "p"]),
                                          ("1. ", ["ol", "li"])])
def test_markdown_at_the_start_of_a_line_starts_nothing(hostile, before, tags):
    out = parse(render(before + md(hostile)))
    assert [tag for tag, _ in out.tags] == tags
    assert normalised(out.text) == normalised(hostile)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_table_cell_stays_one_cell(hostile):
    source = "\n".join(table(["Name", "Notes"], [[hostile, "x"], [cell(hostile), link(hostile, "#s-a")]]))
    out = parse(render(source))
    assert [t for t, _ in out.tags].count("td") == 4
    assert {t for t, _ in out.tags} <= {"table", "thead", "tbody", "tr", "th", "td", "a", "span"}
    assert all(a == {"class": "kam-nw"} for t, a in out.tags if t == "span")
    assert [a for t, a in out.tags if t == "a"] == [{"href": "#s-a"}]
    assert normalised(out.text).count(normalised(hostile)) == 3


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_block_keeps_lines_as_text(hostile):
    out = parse(render(md_block(hostile)))
    assert {t for t, _ in out.tags} <= {"p", "br"}
    assert normalised(out.text) == normalised(" ".join(line.strip() for line in hostile.splitlines()))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_heading_gets_only_its_id(hostile):
    out = parse(render(f"## {md(hostile)} {{#h}}"))
    assert out.tags == [("h2", {"id": "h"})]
    assert normalised(out.text) == normalised(hostile)


def test_markdown_leaves_made_markdown_alone():
    made = Markdown("**x**")
    assert md(made) is made


@pytest.mark.parametrize("hostile", HOSTILE)
def test_html_text_and_attribute(hostile):
    out = parse(f'<p title="{html_escape(hostile)}">{html_escape(hostile)}</p>')
    assert out.tags == [("p", {"title": hostile})]
    assert out.text == hostile


@pytest.mark.parametrize("hostile", HOSTILE)
def test_yaml_string_round_trips(hostile):
    import yaml

    assert yaml.safe_load(f"title: {yaml_string(hostile)}") == {"title": " ".join(hostile.split())}


def test_link_targets_must_be_generated_paths():
    for bad in ("javascript:alert(1)", "x) [y](z", "../a b.md", "#s-a\"", "http://evil.example/"):
        with pytest.raises(ValueError):
            link("x", bad)


# --- Graphviz -------------------------------------------------------------------------

requires_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def render_dot(source: str) -> ET.Element:
    from generator.render.graphviz import render_one

    return ET.fromstring(render_one(source))


@requires_dot
def test_dot_labels_and_tooltips_hold_hostile_text_as_text():
    nodes = "\n".join(f'n{i} [label=<<TABLE><TR><TD>{dot(h)}</TD></TR></TABLE>>, URL="#s-{i}", '
                      f'tooltip={dot_string(h)}];' for i, h in enumerate(HOSTILE))
    svg = render_dot(f"digraph g {{ node [shape=plain]; {nodes} }}")
    anchors = svg.findall(f".//{SVG}a")
    assert len(anchors) == len(HOSTILE)  # no node or edge was added by the text
    assert len(svg.findall(f".//{SVG}g[@class='node']")) == len(HOSTILE)
    assert not svg.findall(f".//{SVG}g[@class='edge']")
    for i, (anchor, hostile) in enumerate(zip(anchors, HOSTILE)):
        assert anchor.get(f"{XLINK}href") == f"#s-{i}"  # the only URL is ours
        shown = " ".join(t.text or "" for t in anchor.iter(f"{SVG}text"))
        assert normalised(shown) == normalised(hostile)
        tooltip = anchor.get(f"{XLINK}title")
        assert normalised(tooltip) == normalised(hostile).replace("\\", "\u29f5")
    assert not svg.findall(f".//{SVG}image") and not svg.findall(f".//{SVG}script")


@requires_dot
def test_graphviz_reads_no_files():
    # Even a graph that asks for a file gets nothing: Graphviz runs with SERVER_NAME set.
    from generator.render.graphviz import _environment

    result = subprocess.run(["dot", "-Tsvg"], input=b'digraph { a [image="/etc/hostname", label=""]; }',
                            capture_output=True, env=_environment())
    assert b"<image" not in result.stdout
    assert b"file loading is disabled" in result.stderr
