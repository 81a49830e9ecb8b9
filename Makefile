# Two commands on a fresh machine: `make demo` and `make test`.
# Each builds .venv itself and is quick once it exists.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean messages catalogs

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The toolkit's own messages: compile i18n/messages/*.po into the package
# (an editable install may skip the build hook; the .mo files are not in git).
catalogs: $(STAMP)
	$(BIN)/python -m translator._i18n >/dev/null

# Re-extract the marked strings and merge them into ru.po and kk.po (then translate).
messages: $(STAMP)
	$(BIN)/pybabel extract -F i18n/babel.cfg -k N_ --project translator --version 0.1.0 \
	  --copyright-holder "translator developers" --msgid-bugs-address "" --sort-output \
	  -o i18n/messages/translator.pot .
	for lang in ru kk; do \
	  $(BIN)/pybabel update -i i18n/messages/translator.pot -o i18n/messages/$$lang.po -l $$lang \
	    -D translator --no-fuzzy-matching --ignore-obsolete; done
	$(BIN)/pybabel compile -D translator --statistics -i i18n/messages/ru.po -l ru -o /dev/null
	$(BIN)/pybabel compile -D translator --statistics -i i18n/messages/kk.po -l kk -o /dev/null

demo: catalogs
	$(BIN)/translator run

test: catalogs
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) build dist src/*.egg-info src/translator/locale
