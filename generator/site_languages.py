"""The site in its languages: one tree per language, Material's own interface and switcher in each.

    languages: [et, en]   ->  site/      Estonian (the default), <html lang="et">
                              site/en/   English
                              and on every page a switcher between the two

Material translates its own interface (search box, navigation, the palette's names) from
`theme.language`; kam's words come from its catalogs (generator/i18n.py). What mkdocs.yml says
in kam's own default words (the nav titles and palette names `kam new` and the examples use) is
translated too; anything else a user wrote there is theirs and stays as written.
"""

from __future__ import annotations

from typing import Iterable, Optional

from .i18n import LANGUAGES, N_, gettext, use

# kam's words in mkdocs.yml: the examples' and the demo's nav, palette toggles and site name.
DEFAULT_WORDS = (
    N_("Portfolio"), N_("Dashboard"), N_("Accounts"), N_("People"), N_("Reports"),
    N_("Switch to dark mode"), N_("Switch to light mode"),
    N_("Key accounts"), N_("Key-account plans, decision-maker maps and team matrices"),
)


def translated_default(text: Optional[str], code: str) -> Optional[str]:
    """`text` in the language `code` when it is one of kam's own default words, else as written."""
    if text not in DEFAULT_WORDS:
        return text
    with use(code):
        return gettext(text)


def tree_path(code: str, languages: tuple[str, ...]) -> str:
    """Where a language's tree lives below the site's root: '' for the default, 'en/' for another."""
    return "" if code == languages[0] else f"{code}/"


def switcher(current: str, languages: tuple[str, ...]) -> list[dict]:
    """Material's `extra.alternate`: each language by its own name, linked relative to the current tree's root."""
    up = "" if current == languages[0] else "../"
    return [{"name": LANGUAGES[code], "lang": code, "link": (up + tree_path(code, languages)) or "./"}
            for code in languages]


def palette_names(palette, code: str):
    """The palette toggles with kam's default names translated (Material reads them as the toggles' labels)."""
    entries = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    for entry in entries:
        toggle = entry.get("toggle") if isinstance(entry, dict) else None
        if isinstance(toggle, dict) and "name" in toggle:
            toggle["name"] = translated_default(toggle["name"], code)
    return palette


def plan_languages(plans: Iterable) -> list[str]:
    return sorted({plan.language for plan in plans if plan.language})


def translated_nav(nav, code: str):
    """mkdocs.yml's `nav:` with kam's default titles in the language `code` (the user's own as written)."""
    if isinstance(nav, list):
        return [translated_nav(item, code) for item in nav]
    if isinstance(nav, dict):
        return {translated_default(title, code): translated_nav(value, code) for title, value in nav.items()}
    return nav


def configure(config, code: str, languages: tuple[str, ...], plans: Iterable, search_plugin_type) -> None:
    """A MkDocs config (before its plugins' on_config) set up for the tree in `code`: Material's interface
    language, kam's default words in mkdocs.yml, the switcher (several languages), the search's languages
    and folded fields. Used by the kam plugin and by `kam serve`."""
    from . import search_index

    config.theme["language"] = code
    palette_names(config.theme.get("palette"), code)
    config.site_name = translated_default(config.site_name, code)
    config.site_description = translated_default(config.site_description, code)
    config.nav = translated_nav(config.nav, code)
    if len(languages) > 1 and not config.extra.get("alternate"):
        config.extra["alternate"] = switcher(code, languages)
    for plugin in config.plugins.values():
        if isinstance(plugin, search_plugin_type):
            if not plugin.config.lang:  # mkdocs.yml's `lang:`, when given, is the user's choice
                plugin.config.lang = search_index.lunr_languages((code,), plan_languages(plans))
            plugin.config.fields.update(search_index.FIELDS)


def with_page_labels(output: str) -> str:
    """The page with the labels docs/assets/kam.js gives Material's search dialog and the scrolling
    tables, in the tree's language, as data attributes of <html>."""
    import html

    search, table = gettext("Search"), gettext("Table (scrolls sideways)")
    labels = f' data-kam-search-label="{html.escape(search)}" data-kam-table-label="{html.escape(table)}"'
    return output.replace("<html ", "<html" + labels + " ", 1)
