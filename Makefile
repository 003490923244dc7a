# The two commands a user needs: `make site` and `make test`.
# Each sets up .venv and the system tools it needs on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test bench graphviz chromium clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "kam needs Python 3.11 or newer ($(PYTHON) is $$($(PYTHON) --version 2>&1))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@rm -f $(VENV)/.installed-*; touch $@

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

site: $(STAMP) graphviz
	$(BIN)/mkdocs build --strict

serve: $(STAMP) graphviz
	$(BIN)/mkdocs serve

# A benchmark, not a test: N = 100 and 1,000 demo accounts against plain mkdocs
# and PyYAML's C loader (several minutes; see README, "Performance").
bench: $(STAMP) graphviz
	$(BIN)/python -m generator.bench

test: $(STAMP) graphviz chromium
	$(BIN)/python -m pytest

clean:
	rm -rf site .cache
