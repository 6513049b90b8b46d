#!/bin/sh
# Before removal (not an upgrade: deb says "remove", rpm 0): stop and
# disable the service if the admin had started or enabled it.
set -e
case "$1" in
remove | 0)
	if command -v systemctl >/dev/null 2>&1; then
		systemctl disable --now httpstatus.service >/dev/null 2>&1 || true
	fi
	;;
esac
