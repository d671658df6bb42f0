# The two commands of the README:
#   make run    set up, then start the bot (Slack when tokens are set, else the local chat harness)
#   make test   set up (system packages, virtualenv), then run the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup system-deps

$(BIN)/python:
	$(PY) -m venv $(VENV)

setup: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'

# PostgreSQL (question-log tests) and Chromium (HTML report test) come from Debian's packages.
system-deps:
	@command -v chromium >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql chromium >/dev/null; }

run: setup
	$(BIN)/python -m bot facts check >/dev/null
	@if [ -n "$$SLACK_BOT_TOKEN$$(grep -s '^SLACK_BOT_TOKEN=' .env)" ]; then \
	  if [ -n "$$SLACK_APP_TOKEN$$(grep -s '^SLACK_APP_TOKEN=' .env)" ]; then $(BIN)/python -m bot serve; \
	  else $(BIN)/python -m bot serve --http; fi; \
	else echo "No SLACK_BOT_TOKEN: starting the local harness."; $(BIN)/python -m bot chat; fi

test: system-deps setup
	$(BIN)/python -m pytest
