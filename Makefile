# The two commands a user needs: `make site` and `make test`.
# Each sets up .venv and the system tools it needs on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: install site serve test test-newest bench lock messages graphviz chromium clean

# Exact versions, with hashes: requirements/site.lock for the site, requirements/test.lock
# (the site's, plus the test tools) for the tests. Each install is remembered by a stamp
# named after the lock's and pyproject.toml's checksums, so a changed lock installs again.
stamp = $(VENV)/.installed-$(1)-$(shell cat requirements/$(1).lock pyproject.toml | cksum | cut -d' ' -f1)
SITE_STAMP := $(call stamp,site)
TEST_STAMP := $(call stamp,test)

define install_lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "kam needs Python 3.11 or newer ($(PYTHON) is $$($(PYTHON) --version 2>&1))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/$(1).lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-$(1)-*; touch $@
endef

$(SITE_STAMP): requirements/site.lock pyproject.toml
	$(call install_lock,site)

$(TEST_STAMP): requirements/test.lock pyproject.toml
	$(call install_lock,test)

# Refresh both locks to today's newest releases that pyproject.toml allows (uv resolves for
# every platform and Python >= 3.11 at once, with hashes; it trusts the system's certificates,
# as pip does); then run make test.
UV_VERSION := 0.13.9
UV_COMPILE := .venv-lock/bin/uv pip compile --quiet --system-certs --universal --python-version 3.11 --generate-hashes

lock:
	@test -x .venv-lock/bin/uv && .venv-lock/bin/uv --version | grep -q ' $(UV_VERSION) ' || \
	  { $(PYTHON) -m venv .venv-lock && .venv-lock/bin/python -m pip install --quiet uv==$(UV_VERSION); }
	$(UV_COMPILE) --upgrade pyproject.toml requirements/build.in --extra test -o requirements/test.lock
	$(UV_COMPILE) pyproject.toml requirements/build.in --extra site -c requirements/test.lock -o requirements/site.lock

# The messages kam writes, extracted from the code into generator/locale/kam.pot, and merged into
# each language's catalog (generator/locale/<code>/LC_MESSAGES/kam.po): new messages arrive empty
# (or fuzzy, with the old translation of a similar one), gone ones are dropped. Translators then
# fill them in; `make test` fails while a catalog lacks one (tests/test_catalogs.py).
LOCALES := et fi nb lv lt pl ru
PYBABEL_EXTRACT := extract --project kam --no-wrap --sort-by-file --add-location file \
  --add-comments Translators: --keyword check:2 --mapping generator/locale/babel.cfg

messages: $(TEST_STAMP)
	$(BIN)/pybabel -q $(PYBABEL_EXTRACT) --output generator/locale/kam.pot generator schema
	@for code in $(LOCALES); do \
	  if [ -f generator/locale/$$code/LC_MESSAGES/kam.po ]; then \
	    $(BIN)/pybabel -q update --no-wrap --ignore-obsolete --input-file generator/locale/kam.pot \
	      --output-dir generator/locale --domain kam --locale $$code; \
	  else $(BIN)/pybabel -q init --no-wrap --input-file generator/locale/kam.pot \
	      --output-dir generator/locale --domain kam --locale $$code; fi; done

# System packages come from Debian: installed when missing and we are root,
# otherwise one line says what to install.
define need_debian_package
	@command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing $(2) from the system's packages"; \
	    (apt-get install -y -qq $(2) >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null)) \
	    || { echo "could not install $(2): install it with your package manager"; exit 1; }; \
	  else echo "'$(1)' is missing: install the '$(2)' package (sudo apt-get install $(2)), then run make again"; exit 1; fi; }
endef

graphviz:
	$(call need_debian_package,dot,graphviz)

chromium:
	$(call need_debian_package,chromium,chromium)

# kam and the site builder at the locked versions, without building anything (for the workflows).
install: $(SITE_STAMP)

site: $(SITE_STAMP) graphviz
	$(BIN)/mkdocs build --strict

serve: $(SITE_STAMP) graphviz
	$(BIN)/kam serve

# A benchmark, not a test: N = 100 and 1,000 demo accounts against plain mkdocs
# and PyYAML's C loader (several minutes; see README, "Performance").
bench: $(TEST_STAMP) graphviz
	$(BIN)/python -m generator.bench

test: $(TEST_STAMP) graphviz chromium
	$(BIN)/python -m pytest

# The tests against today's newest releases that pyproject.toml allows, without the lock, in a
# venv of their own: what the weekly workflow runs to warn before a user meets a breaking release.
test-newest: graphviz
	@rm -rf .venv-newest && $(PYTHON) -m venv .venv-newest
	.venv-newest/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	.venv-newest/bin/python -m pip install --quiet --disable-pip-version-check --upgrade -e '.[test]'
	.venv-newest/bin/python -m pip list --format=freeze --exclude-editable
	.venv-newest/bin/python -m pytest

clean:
	rm -rf site .cache .venv-lock .venv-newest
