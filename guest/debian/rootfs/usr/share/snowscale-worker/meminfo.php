<?php
/* BENCHMARK ONLY (bench/e2e_realapp.sh): the guest's /proc/meminfo, to verify how much of its
 * RAM the warm-up filled. */
header('Content-Type: text/plain');
readfile('/proc/meminfo');
