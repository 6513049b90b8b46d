#!/bin/sh
# After removal. Purging a .deb also removes the system user and the host
# key serve kept in /var/lib/httpstatus; rpm and apk keep both, as those
# distributions expect.
set -e
if [ -d /run/systemd/system ]; then
	systemctl daemon-reload || true
fi
if [ "$1" = purge ]; then
	if id httpstatus >/dev/null 2>&1; then
		userdel httpstatus || true
	fi
	if getent group httpstatus >/dev/null 2>&1; then
		groupdel httpstatus || true
	fi
	rm -rf /var/lib/httpstatus
fi
