<?php
/* TEST ONLY (tests/integration/guest_debian.sh): OPcache's state and counters as JSON. */
header('Content-Type: application/json');
$s = function_exists('opcache_get_status') ? opcache_get_status(false) : false;
echo json_encode([
	'enabled'        => $s ? (bool)$s['opcache_enabled'] : false,
	'cached_scripts' => $s ? $s['opcache_statistics']['num_cached_scripts'] : 0,
	'hits'           => $s ? $s['opcache_statistics']['hits'] : 0,
	'misses'         => $s ? $s['opcache_statistics']['misses'] : 0,
	'used_memory'    => $s ? $s['memory_usage']['used_memory'] : 0,
]), "\n";
