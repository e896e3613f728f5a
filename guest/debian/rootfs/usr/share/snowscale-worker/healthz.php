<?php
/* GET /healthz for the snowscale guest agent: 200 once PHP answers (nginx alone is not ready). */
header('Content-Type: text/plain');
echo "ok\n";
