"""Progress lines of long site builds: about every 10 % of each stage, none for small sites or in CI."""

from __future__ import annotations

import logging

from generator.plugin import progress_logger


def test_a_large_build_logs_each_stage_about_every_tenth(caplog) -> None:
    report = progress_logger(1000, environ={})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.kam"):
        for done in range(0, 1001, 50):
            report("plans", done, 1000)
        for done in range(1, 2001):
            report("diagrams", done, 2000)
    lines = [r.getMessage() for r in caplog.records]
    assert lines[:2] == ["kam: plans 100/1000", "kam: plans 200/1000"]
    assert sum("plans" in line for line in lines) == 10 and lines[9] == "kam: plans 1000/1000"
    assert sum("diagrams" in line for line in lines) == 10 and lines[-1] == "kam: diagrams 2000/2000"


def test_small_builds_and_ci_are_quiet() -> None:
    assert progress_logger(100, environ={}) is None
    assert progress_logger(1000, environ={"CI": "true"}) is None
