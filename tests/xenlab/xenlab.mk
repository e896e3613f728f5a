# tests/xenlab: `make check-xen` runs the Xen driver on a real Xen 4.17 host nested in QEMU (TCG).
# Needs the worker image (make guest); downloads Xen packages into build/xenlab once (cached).
.PHONY: check-xen
check-xen: $(GUEST_KERNEL) $(GUEST_INITRD)
	$(Q)tests/xenlab/run.sh
