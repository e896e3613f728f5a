# tests/: the runner (tests/run), shared shell helpers (tests/lib.sh), integration/browser scripts.
# Unit tests are declared by each module's fragment with UNIT_TEST. The Xen lab brings its own
# fragment (check-xen).
-include tests/xenlab/xenlab.mk
