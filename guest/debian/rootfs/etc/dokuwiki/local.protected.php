<?php
/* snowscale worker image: a read-mostly wiki behind a load balancer. Loaded after local.php, so
 * the package's debconf answers cannot undo it. */
$conf['title']       = 'snowscale wiki';
$conf['start']       = 'start';
$conf['useheading']  = 1;        /* the first heading is the page's title (HTML <title>, links) */
$conf['useacl']      = 0;        /* every worker serves the same public pages */
$conf['userewrite']  = 0;
$conf['updatecheck'] = 0;        /* workers do not call out */
$conf['cachetime']   = 86400;
