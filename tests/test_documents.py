"""`kam validate` on an account's notes (accounts/<id>.md) and documents (accounts/<id>/): references and links
to documents, documents nobody names, the notes' headings and size, links and paths that leave the folder."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from conftest import write
from generator.cli import main
from generator.documents import NOTES_MAX_BYTES

REVIEW = "  - {period: 2026-Q3, date: 2026-10-05, next_review: 2027-01-05}\n"


def validate(*args: str):
    result = CliRunner().invoke(main, ["validate", *args], env={"GITHUB_ACTIONS": ""})
    assert "Traceback" not in result.output
    return result


def lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith("accounts/")]


def with_review_documents(repo, documents: str) -> None:
    plan = repo / "accounts" / "nordvik.yaml"
    text = plan.read_text(encoding="utf-8")
    assert REVIEW in text
    plan.write_text(text.replace(REVIEW, "  - period: 2026-Q3\n    date: 2026-10-05\n    next_review: 2027-01-05\n"
                                         f"    documents: {documents}\n"), encoding="utf-8")


def test_notes_and_referenced_documents_are_valid(repo):
    write(repo, "accounts/nordvik/minutes/2026-10-05.md", "# Minutes\n\n- agreed: pilot\n")
    write(repo, "accounts/nordvik/offer.pdf", b"%PDF-1.4\n")
    with_review_documents(repo, "[minutes/2026-10-05.md]")
    write(repo, "accounts/nordvik.md", "# Strategy\n\nThe [offer](offer.pdf) and [the web](https://example.no).\n")
    result = validate()
    assert result.stdout == "" and result.exit_code == 0


def test_a_reference_to_a_missing_document_is_an_error_at_its_line(repo):
    write(repo, "accounts/nordvik/minutes-2026-10.md", "# Minutes\n")
    with_review_documents(repo, "[minutes-2026-01.md]")
    result = validate()
    assert lines(result) == ["accounts/nordvik.yaml:44:17: error: document 'minutes-2026-01.md' is not in "
                             "accounts/nordvik/ (did you mean 'minutes-2026-10.md'?) [missing-document]",
                             "accounts/nordvik/minutes-2026-10.md:1:1: warning: no entry of the plan names this "
                             "document: add 'minutes-2026-10.md' to the `documents` of the review, proposal or "
                             "action it belongs to, or link it from accounts/nordvik.md [unreferenced-document]"]
    assert result.exit_code == 1


def test_a_document_nobody_names_is_a_warning(repo):
    write(repo, "accounts/nordvik/slides.pptx", b"PK\x03\x04")
    result = validate()
    assert lines(result) == [line for line in lines(result) if "unreferenced-document" in line] and lines(result)
    assert result.exit_code == 0
    assert validate("--strict").exit_code == 1


@pytest.mark.parametrize("path", ["../nordvik.yaml", "/etc/passwd", "..\\\\x.txt", "a/../../b.txt"])
def test_a_document_path_cannot_leave_the_account_folder(repo, path):
    write(repo, "accounts/nordvik/a.txt", "x")
    with_review_documents(repo, f"['{path}']")
    result = validate()
    assert any("must name a file inside accounts/nordvik/" in line and "[missing-document]" in line
               for line in lines(result)), result.stdout
    assert result.exit_code == 1


def test_notes_links_and_headings_are_checked_at_their_line(repo):
    write(repo, "accounts/nordvik/offer.pdf", b"%PDF-1.4\n")
    write(repo, "accounts/nordvik.md", "# Strategy\n\nSee the [offer](offer.pdf) and [minutes](minutes.md).\n\n"
                                       "### Skipped a level\n\n#### Four\n\n##### Five\n")
    result = validate()
    assert lines(result) == [
        "accounts/nordvik.md:3:42: error: document 'minutes.md' is not in accounts/nordvik/ [broken-link]",
        "accounts/nordvik.md:5:1: warning: heading 'Skipped a level' skips a level (### after #): use ## so the "
        "notes' sections nest [notes-heading]",
        "accounts/nordvik.md:9:1: warning: heading level 5 is deeper than the page allows (at most ####): it is "
        "shown as level 4 [notes-heading]",
    ]
    assert result.exit_code == 1


def test_notes_over_the_size_cap_are_an_error_and_not_read(repo):
    write(repo, "accounts/nordvik.md", "x" * (NOTES_MAX_BYTES + 1))
    result = validate()
    assert len(lines(result)) == 1 and lines(result)[0].startswith("accounts/nordvik.md:1:1: error: the notes are ")
    assert "[notes-size]" in lines(result)[0] and result.exit_code == 1


def test_notes_that_are_not_utf8_are_an_error_at_their_line(repo):
    write(repo, "accounts/nordvik.md", "# Notes\n\nK\xe4yt\xe4 UTF-8\n".encode("latin-1"))
    result = validate()
    assert [line.split(": error:")[0] for line in lines(result)] == ["accounts/nordvik.md:3:1"]


def test_a_link_in_a_plan_field_to_a_missing_document_is_an_error(repo):
    plan = repo / "accounts" / "nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        'language: "no"\n', 'language: "no"\nsummary: "See the [offer](tilbud.pdf)."\n'), encoding="utf-8")
    result = validate()
    assert lines(result) == ["accounts/nordvik.yaml:8:10: error: document 'tilbud.pdf' is not in accounts/nordvik/ "
                             "[broken-link]"]


def test_a_web_page_or_script_is_not_published(repo):
    write(repo, "accounts/nordvik/page.html", "<script>alert(1)</script>")
    with_review_documents(repo, "[page.html]")
    result = validate()
    assert lines(result) == ["accounts/nordvik/page.html:1:1: warning: this file is not published: only documents, "
                             "spreadsheets, presentations, PDF, text and pictures are: a web page or a script would "
                             "run in the reader's browser [document-not-published]"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_links_out_of_the_repository_do_not_count_as_documents(repo, tmp_path):
    secret = write(tmp_path, "outside/secret.txt", "not for the site")
    os.makedirs(repo / "accounts" / "nordvik")
    os.symlink(secret, repo / "accounts" / "nordvik" / "secret.txt")
    os.symlink(secret.parent, repo / "accounts" / "nordvik" / "folder")
    with_review_documents(repo, "[secret.txt]")
    result = validate()
    assert [line.split(": ", 1)[0] + " " + line.rsplit(" ", 1)[1] for line in lines(result)] == [
        "accounts/nordvik.yaml:44:17 [missing-document]",
        "accounts/nordvik/folder:1:1 [document-link]",
        "accounts/nordvik/secret.txt:1:1 [document-link]",
    ]


def test_notes_and_document_folders_are_not_taken_for_plans(repo):
    write(repo, "accounts/nordvik.md", "# Notes\n")
    write(repo, "accounts/nordvik/export.yaml", "not: [a plan\n")
    result = validate()
    assert result.exit_code == 0
    assert "1 file" not in result.output and "3 files checked" in result.output


def test_a_changed_notes_file_is_checked_again(repo):
    write(repo, "accounts/nordvik.md", "# Notes\n")
    assert validate().exit_code == 0
    write(repo, "accounts/nordvik.md", "# Notes\n\n[gone](gone.pdf)\n")
    assert validate().exit_code == 1


def test_notes_or_documents_of_no_plan_are_a_warning(repo):
    write(repo, "accounts/nordvik-old.md", "# Notes\n")
    write(repo, "accounts/nordvik-old/offer.pdf", b"%PDF-1.4\n")
    result = validate()
    assert [line.split(": warning:")[0] for line in lines(result)] == ["accounts/nordvik-old:1:1", "accounts/nordvik-old.md:1:1"]
    assert all("[no-plan]" in line and "there is no accounts/nordvik-old.yaml" in line for line in lines(result))
    assert result.exit_code == 0


def test_naming_the_notes_file_validates_its_plan(repo):
    write(repo, "accounts/nordvik.md", "[gone](gone.pdf)\n")
    result = validate("accounts/nordvik.md")
    assert lines(result) == ["accounts/nordvik.md:1:8: error: document 'gone.pdf' is not in accounts/nordvik/ "
                             "[broken-link]"]


def test_a_file_name_that_is_not_text_is_reported_not_published(repo):
    write(repo, "accounts/nordvik/a\\b.txt", "x")
    write(repo, "accounts/nordvik/tab\there.txt", "x")
    result = validate()
    assert [line.rsplit(" ", 1)[1] for line in lines(result)] == ["[document-name]", "[document-name]"]
    assert result.exit_code == 0
