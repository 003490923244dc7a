"""The account's notes and documents on the site: the notes section, the documents section, a page for each
Markdown document, and which documents the build's audience may see (team: all; company: the shared ones)."""

from __future__ import annotations

import posixpath
from typing import Optional
from urllib.parse import quote, unquote

from .. import formats
from ..i18n import N_, Translated, _
from ..documents import NOTES_MAX_BYTES, AccountDocument, AccountFiles, inside, references
from ..model import Plan
from ..prose import may_link, outline
from .context import Context, Page, account_page, rel
from .escape import Markdown, html, prose
from .md import front_matter, heading, link, table
from .prose import Resolver, documents as linking

NOTES_HEADINGS = 3  # '#' in the notes sits under the account page's "Notes" (h2)
DOCUMENT_HEADINGS = 2  # '#' in a Markdown document sits under its page's title (h1)

# Translators: in the "Recorded with" column of the documents: the plan's entry naming the document, by
# its id, period (2026-Q3) or date.
RECORDED_WITH = Translated({
    "proposals": N_("proposal {name}"),
    "actions": N_("action {name}"),
    "reviews": N_("review {name}"),
    "interactions": N_("interaction {name}"),
})


def files_of(ctx: Context, plan: Plan) -> Optional[AccountFiles]:
    return ctx.account_files.get(plan.id)


def published(ctx: Context, plan: Plan) -> list[AccountDocument]:
    """The documents this build publishes: all for the team, the plan's shared ones for the company."""
    files = files_of(ctx, plan)
    if files is None:
        return []
    shared = {inside("", name) for name in plan.shared_documents}
    return [d for d in files.documents if d.publishable and (ctx.audience == "team" or d.path in shared)]


def _text(files: AccountFiles, document: AccountDocument) -> Optional[str]:
    """A Markdown document's text when it is shown as a page (UTF-8, within the notes' size limit)."""
    if not document.markdown or document.size > NOTES_MAX_BYTES:
        return None
    try:
        return files.source(document).read_bytes()[:NOTES_MAX_BYTES].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def document_uri(plan: Plan, document: AccountDocument) -> str:
    """Where a document goes in the site: accounts/<id>/documents/<its path>."""
    parts = document.path.split("/")
    if any(p in ("", ".", "..") or "\\" in p for p in parts):
        raise ValueError(f"not a document path: {document.path!r}")
    return posixpath.join(posixpath.dirname(account_page(plan.id)), "documents", document.path)


def resolver(ctx: Context, plan: Plan, from_uri: str, base: str = "") -> Resolver:
    """How prose on the page `from_uri` links a document (relative to `base` in the account's folder)."""
    by_path = {d.path: d for d in published(ctx, plan)}

    def resolve(href: str) -> Optional[str]:
        path = inside(base, unquote(href))
        document = by_path.get(path) if path else None
        if document is None:
            return None
        return quote(ctx.href(from_uri, document_uri(plan, document)), safe="/.-_~")
    return resolve


def page_links(ctx: Context, plan: Plan, uri: str):
    """A `with` block in which the prose of `plan`'s page at `uri` links its documents."""
    return linking(resolver(ctx, plan, uri))


def notes(plan: Plan, ctx: Context, uri: str) -> list[str]:
    files = files_of(ctx, plan)
    if files is None or not files.notes or not files.notes.strip():
        return []
    return [heading(2, _("Notes"), "notes"), "", prose(files.notes, headings=NOTES_HEADINGS), ""]


def _recorded_with(plan: Plan, files: AccountFiles) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    notes = files.notes or ""
    for link in outline(notes)[1] if may_link(notes) else ():
        target = inside("", link.target)
        if target and _("the notes") not in out.get(target, []):
            out.setdefault(target, []).append(_("the notes"))
    for path, name in references(plan):
        target = inside("", name)
        if target is None:
            continue
        if path[0] == "shared_documents":
            label = _("shared with the company")
        else:
            item = getattr(plan, path[0])[path[1]]
            name = next((_entry_name(v) for v in (getattr(item, a, None) for a in ("id", "period", "date")) if v), "")
            template = RECORDED_WITH.get(path[0]) or path[0].rstrip("s").replace("_", " ") + " {name}"
            label = template.format(name=name)
        out.setdefault(target, []).append(label.strip())
    return out


def _entry_name(value) -> str:
    """An entry's id as written, its period or date as the reader writes them."""
    if isinstance(value, str):
        return formats.period(value)
    return formats.date(value) if hasattr(value, "isoformat") else str(value)


def section(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """The account's documents this build publishes, each with the entries that name it."""
    shown = published(ctx, plan)
    if not shown:
        return []
    recorded = _recorded_with(plan, files_of(ctx, plan))
    rows = []
    for document in shown:
        target = quote(ctx.href(uri, document_uri(plan, document)), safe="/.-_~")
        name = Markdown(f'<a href="{html(target)}">{html(document.path)}</a>')
        rows.append([name, formats.joined(recorded.get(document.path, [])) or None, _size(document.size)])
    return [heading(2, _("Documents"), "documents"), ""] + table([_("Document"), _("Recorded with"), _("Size")], rows,
                                                                   "llr")


def _size(size: int) -> str:
    """1.5 MB, 12 KB: in the reader's numbers (the units are the same in every language kam speaks)."""
    if size >= 1024 * 1024:
        # formats has no number with one decimal: a percent of size / 100 without its sign
        amount = formats.percent(size / 1024 / 1024 / 100, 1).removesuffix("%").strip()
        return _("{amount} MB").format(amount=amount)
    return _("{amount} KB").format(amount=formats.count(max(1, round(size / 1024))))


def pages(plan: Plan, ctx: Context) -> list[Page]:
    """A page for each published Markdown document; the others are copied as they are (`files`)."""
    account_files = files_of(ctx, plan)
    out = []
    for document in published(ctx, plan):
        text = _text(account_files, document) if account_files else None
        if text is None:
            continue
        uri = document_uri(plan, document)
        lines = front_matter(f"{document.path} — {plan.name}")
        # Translators: under a document's title: {account} is a link to the account's page (its name).
        of = _("Document of {account}.").format(account=link(plan.name, rel(uri, account_page(plan.id))))
        lines += [heading(1, document.path), "", Markdown(of), ""]
        with linking(resolver(ctx, plan, uri, posixpath.dirname(document.path))):
            lines += [prose(text, headings=DOCUMENT_HEADINGS), ""]
        out.append(Page(uri, "\n".join(lines)))
    return out


def files(plan: Plan, ctx: Context) -> dict:
    """Site path -> source file for the published documents that are not shown as pages."""
    account_files = files_of(ctx, plan)
    if account_files is None:
        return {}
    return {document_uri(plan, d): account_files.source(d) for d in published(ctx, plan)
            if _text(account_files, d) is None}
