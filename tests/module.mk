# tests/: the runner (tests/run), shared shell helpers (tests/lib.sh), integration/browser scripts.
# Unit tests are declared by each module's fragment with UNIT_TEST.
