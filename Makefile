# Hallmark: `make demo` runs the platform, `make test` runs the tests. Both set up everything first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: demo test install db db-stop bench train reliability

demo: db
	$(PY) manage.py demo_setup
	$(PY) manage.py runstack 127.0.0.1:8000

test: db
	$(PY) -m pytest $(PYTEST_ARGS)

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch==2.13.0 is pinned in pyproject.toml: pip takes the CPU wheel that lies on disk.
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

# Starts (or reuses) the database — embedded PostgreSQL in .data/ unless DATABASE_URL is set — and migrates it.
db: install
	$(PY) manage.py migrate --noinput

db-stop: install
	$(PY) -c "import sys; sys.path.insert(0, 'platform'); from pathlib import Path; \
	from config.database import stop_embedded_server; \
	print('stopped' if stop_embedded_server(Path('.data').resolve()) else 'not running')"

bench: db
	$(PY) bench/audit_append.py
	$(PY) bench/generation.py

# Faults, hostile uploads, access, abuse, hardening and load, measured; writes bench/RELIABILITY.md (~20 min).
reliability: db
	$(PY) bench/reliability/run.py $(RELIABILITY_ARGS)

# Train the default model from scratch (resumes from .data/train if interrupted; delete it to start over).
train: install
	$(PY) -m generation train --work .data/train --out generation/weights $(TRAIN_ARGS)
