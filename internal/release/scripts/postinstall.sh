#!/bin/sh
# After install or upgrade: the system user httpstatus.service runs
# `httpstatus serve` as. The unit stays disabled until the admin enables it.
set -e
if ! id httpstatus >/dev/null 2>&1; then
	if command -v useradd >/dev/null 2>&1; then
		useradd --system --user-group --no-create-home --home-dir /var/lib/httpstatus \
			--shell /usr/sbin/nologin --comment "httpstatus SSH service" httpstatus
	else # BusyBox (Alpine)
		addgroup -S httpstatus 2>/dev/null || true
		adduser -S -D -H -h /var/lib/httpstatus -s /sbin/nologin -G httpstatus -g "httpstatus SSH service" httpstatus
	fi
fi
if [ -d /run/systemd/system ]; then
	systemctl daemon-reload || true
fi
