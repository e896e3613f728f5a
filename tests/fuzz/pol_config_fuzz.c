/* libFuzzer target for the snowscale.yaml loader: any bytes in, diagnostics or a config out,
 * never a crash, a leak or undefined behaviour. Build: make pol-fuzz (clang). Seed corpus:
 * tests/data/config and etc/snowscale.yaml. Each accepted config also drives one decision, so
 * the engine sees every policy shape the loader lets through. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pol.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct pol_diags d = { 0 };
        struct pol_config *c = NULL;
        FILE *devnull;

        /* a name in a directory that exists, so relative paths resolve as in real use */
        if (pol_config_load_string("/tmp/fuzz.yaml", (const char *)data, size, &c, &d) == 0) {
                struct pol_state *s = pol_state_new();
                struct pol_stats st = { 0 };
                struct pol_clones cl = { .serving = 3, .pending = 1 };
                struct pol_decision dec;

                st.stable.window_us = c->policy.stable_window_us;
                st.panic.window_us = c->policy.panic_window_us;
                st.stable.count = st.panic.count = 100;
                st.stable.p95_us = st.panic.p95_us = 400000;
                st.stable.rps = st.panic.rps = 500;
                for (int i = 0; s && i < 3; i++)
                        pol_decide(&c->policy, s, &st, &cl, (uint64_t)i * 1000000, 1704067200 + (uint64_t)i * 3600,
                                   &dec);
                pol_state_free(s);
                if (d.n)
                        __builtin_trap();       /* success must come with no diagnostics */
        } else if (d.n == 0) {
                __builtin_trap();               /* a failure must say why */
        }
        devnull = fopen("/dev/null", "w");
        if (devnull) {
                pol_diags_print(&d, devnull);
                fclose(devnull);
        }
        pol_config_free(c);
        pol_diags_free(&d);
        return 0;
}
