"""Pseudo-translation: every message kam writes comes back as ⟦message⟧, so a test can tell the
words that went through the catalog from those that did not (English left in the code).

    def test_page_has_no_untranslated_label(pseudo):
        html = render_something()
        assert untranslated(visible_text(html), allowed={"Läänemere Sadamad AS"}) == []
"""

from __future__ import annotations

import gettext
import html as html_module
import re

import pytest

from generator import i18n

OPEN, CLOSE = "⟦", "⟧"
PSEUDO_LANGUAGE = "et"  # any code but English: the catalog is replaced, only the code is used


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message):
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular, plural, n):
        return f"{OPEN}{singular if n == 1 else plural}{CLOSE}"

    def pgettext(self, context, message):
        return f"{OPEN}{message}{CLOSE}"

    def npgettext(self, context, singular, plural, n):
        return f"{OPEN}{singular if n == 1 else plural}{CLOSE}"


@pytest.fixture
def pseudo(monkeypatch):
    """The language in use is a pseudo-language whose every message is bracketed."""
    monkeypatch.setattr(i18n, "translations", lambda code: PseudoTranslations())
    with i18n.use(PSEUDO_LANGUAGE):
        yield


_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def visible_text(markup: str) -> str:
    """The text of HTML or Markdown-with-HTML, without tags, scripts and styles, entities decoded."""
    return html_module.unescape(_TAG.sub(" ", markup))


_BRACKETED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def untranslated(text: str, allowed=()) -> list[str]:
    """The English-looking words (3+ ASCII letters) outside ⟦⟧ and outside the `allowed` texts
    (plan content, ids, codes the test knows are not labels)."""
    for item in sorted(allowed, key=len, reverse=True):
        text = text.replace(item, " ")
    while True:  # innermost first: a message's parameter may be a message of its own
        stripped = _BRACKETED.sub(" ", text)
        if stripped == text:
            return _LATIN_WORD.findall(text)
        text = stripped
