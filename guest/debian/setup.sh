#!/bin/sh
# guest/debian/setup.sh: runs inside the new root (chroot) after guest/debian/rootfs/ was copied
# in; configures what package defaults get wrong for a snowscale worker. Run by build.sh only.
set -eu
echo snowscale-worker >/etc/hostname
printf '127.0.0.1\tlocalhost\n127.0.1.1\tsnowscale-worker\n::1\tlocalhost ip6-localhost ip6-loopback\n' >/etc/hosts
# No fsck pass: every boot starts from the pristine image (a clone's writes go to its overlay).
printf '/dev/vda\t/\text4\trw,noatime,errors=remount-ro\t0\t0\n' >/etc/fstab

# nginx serves DokuWiki (Debian's dokuwiki package configures Apache only)
rm -f /etc/nginx/sites-enabled/default
ln -sf ../sites-available/dokuwiki /etc/nginx/sites-enabled/dokuwiki
# php-fpm: the workers exist from boot on, so a warm clone inherits them and their OPcache
sed -i -e 's/^pm = .*/pm = static/' -e 's/^pm.max_children = .*/pm.max_children = 4/' \
	/etc/php/8.2/fpm/pool.d/www.conf

# the generated wiki (synced to /tmp/wiki-pages) replaces the package's sample pages
rm -rf /var/lib/dokuwiki/data/pages
mv /tmp/wiki-pages /var/lib/dokuwiki/data/pages
chown -R www-data:www-data /var/lib/dokuwiki/data

# DNS of QEMU user-mode networking; a clone's agent rewrites it with the clone's own
rm -f /etc/resolv.conf
echo 'nameserver 10.0.2.3' >/etc/resolv.conf
# Nothing here waits for "online", and timers would spend a TCG worker's CPU on maintenance.
systemctl mask systemd-networkd-wait-online.service ifupdown-wait-online.service apt-daily.timer apt-daily-upgrade.timer \
	fstrim.timer e2scrub_all.timer e2scrub_reap.service dpkg-db-backup.timer 2>/dev/null || true

dpkg -i /tmp/snowscale-guest-agent.deb
# sf.media_mib=N on the kernel command line: an in-memory media cache (benchmarks)
systemctl enable snowscale-media-cache.service
rm -f /tmp/snowscale-guest-agent.deb /tmp/setup.sh

# every boot (and so every cold-booted worker) gets its own machine id
: >/etc/machine-id
rm -f /var/lib/dbus/machine-id
apt-get clean
