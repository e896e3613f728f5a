<?php
/* GET /stats for the snowscale guest agent: key=value lines, numbers only (docs/guest-image.md). */
header('Content-Type: text/plain');
$s = function_exists('opcache_get_status') ? opcache_get_status(false) : false;
if ($s) {
	$st = $s['opcache_statistics'];
	printf("opcache.hits=%d\nopcache.misses=%d\nopcache.cached_scripts=%d\nopcache.used_bytes=%d\n",
	       $st['hits'], $st['misses'], $st['num_cached_scripts'], $s['memory_usage']['used_memory']);
}
printf("php.memory_peak_bytes=%d\n", memory_get_peak_usage());
