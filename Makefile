# PackDesk: `make run` opens the app on the demo shop; `make test` runs the whole suite headless.
# Both create .venv and install everything first (system packages included, where the machine allows).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QM := resources/translations/packdesk_zh_CN.qm

.PHONY: run test setup translations package bench lint clean

$(STAMP): pyproject.toml packaging/bootstrap.sh
	PYTHON=$(PYTHON) sh packaging/bootstrap.sh $(VENV)
	touch $(STAMP)

setup: $(STAMP) $(QM)

$(QM): resources/translations/packdesk_zh_CN.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete ui app printers -ts resources/translations/packdesk_zh_CN.ts

run: setup
	$(VENV)/bin/packdesk gui --demo

test: setup
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider --durations=25

bench: setup
	$(VENV)/bin/packdesk bench

lint: setup
	$(VENV)/bin/ruff check app printers ui tests bench

package: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/packdesk.spec

clean:
	rm -rf $(VENV) build dist $(QM)
