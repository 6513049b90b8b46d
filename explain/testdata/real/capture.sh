#!/usr/bin/env bash
# capture.sh reruns the real-program captures listed in manifest.tsv.
#
#   bash explain/testdata/real/capture.sh            capture every row
#   bash explain/testdata/real/capture.sh nginx-     only rows whose file starts so
#   bash explain/testdata/real/capture.sh check      check manifest.tsv against captures/
#   bash explain/testdata/real/capture.sh serve      start everything and wait (ctrl+c stops)
#
# It starts the programs installed from Debian (nginx, apache2, haproxy,
# varnishd, squid, caddy, lighttpd, tomcat10, python3-flask), Python's
# http.server, Express (installed with npm into a temp dir) and the Go origin in
# origin/, each on loopback ports 26001-26099 with the configs in conf/, runs
# each row's command (column 2) and saves what it prints (stdout; commands
# that want stderr say 2>&1) as captures/FILE. A row whose programs are not
# installed is skipped, saying why. Everything it starts is stopped on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CONF=$HERE/conf
OUT=$HERE/captures
MANIFEST=$HERE/manifest.tsv
REPO=$(cd "$HERE/../../.." && pwd)

# check: every row has 12 fields and names a capture that exists and whose
# statuses match column 5; every capture has a row; every meaning (column 6)
# is an entry of the catalog.
check() {
	local bad=0
	awk -F'\t' 'NR > 1 && NF != 12 { printf "manifest.tsv:%d: %d fields, want 12\n", NR, NF; bad = 1 } END { exit bad }' "$MANIFEST" || bad=1
	while IFS=$'\t' read -r file _ _ _ want _; do
		[[ $file == file ]] && continue
		if [[ ! -s $OUT/$file ]]; then
			echo "$file: listed but not captured"
			bad=1
			continue
		fi
		got=$(statuses "$OUT/$file")
		if [[ $got != "$want" ]]; then
			echo "$file: statuses \"$got\", manifest says \"$want\""
			bad=1
		fi
	done <"$MANIFEST"
	for f in "$OUT"/*.txt; do
		grep -q "^$(basename "$f")	" "$MANIFEST" || { echo "$(basename "$f"): not in manifest.tsv"; bad=1; }
	done
	# Every meaning names an entry of the catalog: "SOURCE CODE".
	local hs meaning
	hs=$(mktemp)
	(cd "$REPO" && go build -o "$hs" .)
	while read -r meaning; do
		if ! "$hs" --json "${meaning##* }" | grep -q "\"source\": \"${meaning% *}\""; then
			echo "manifest.tsv: meaning \"$meaning\" is not an entry of the catalog"
			bad=1
		fi
	done < <(cut -f6 "$MANIFEST" | tail -n +2 | sort -u)
	rm -f "$hs"
	((bad == 0)) && echo "manifest.tsv: $(($(wc -l <"$MANIFEST") - 1)) rows, all captured"
	return $bad
}

# statuses prints the status codes of the responses in a capture, in order
# (curl -v's "< " lines and HTTPie's heads included), or 000 for none.
statuses() {
	local s
	s=$(sed -n -E 's/^(< )?HTTP\/[0-9.]+ ([0-9]{3}).*/\2/p' "$1" | tr '\n' ' ')
	s=${s% }
	echo "${s:-000}"
}

if [[ ${1:-} == check ]]; then
	check
	exit
fi
FILTER=${1:-}

RUN=$(mktemp -d /tmp/httpstatus-real.XXXXXX)
chmod 755 "$RUN"
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# render copies conf/NAME to $RUN/NAME with @RUN@ and @CONF@ filled in.
render() {
	sed -e "s#@RUN@#$RUN#g" -e "s#@CONF@#$CONF#g" "$CONF/$1" >"$RUN/$1"
}

wait_port() {
	local i
	for i in $(seq 300); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
	done
	echo "capture: port $1 never opened; see $RUN/$2.log" >&2
	tail -20 "$RUN/$2.log" >&2 || true
	return 1
}

# start NAME PORT CMD...: runs CMD in the background, logs to $RUN/NAME.log.
start() {
	local name=$1 port=$2
	shift 2
	"$@" >"$RUN/$name.log" 2>&1 </dev/null &
	PIDS+=($!)
	wait_port "$port" "$name"
	UP+=("$name")
}

have() { command -v "$1" >/dev/null 2>&1; }
UP=()
MISSING=()
missing() { MISSING+=("$1"); echo "capture: skipping $1: $2" >&2; }

cp -r "$CONF/www" "$RUN/www"
cp "$CONF/htpasswd" "$RUN/htpasswd"
# A fixed mtime keeps Last-Modified, ETag and listings the same run to run.
find "$RUN/www" -exec touch -d '2026-01-02 03:04:05 UTC' {} +
chmod -R a+rX "$RUN/www" "$RUN/htpasswd"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
	-keyout "$RUN/tls.key" -out "$RUN/tls.crt" 2>/dev/null

# The Go origin and the two broken backends.
(cd "$REPO" && go build -o "$RUN/origin" ./explain/testdata/real/origin)
start go 26001 "$RUN/origin"
wait_port 26002 go
wait_port 26003 go

if have nginx; then
	render nginx.conf
	start nginx 26010 nginx -c "$RUN/nginx.conf" -e "$RUN/nginx-error.log"
else missing nginx "nginx is not installed (apt-get install nginx)"; fi

if have apache2; then
	render apache2.conf
	start apache2 26020 apache2 -f "$RUN/apache2.conf" -DFOREGROUND
else missing apache2 "apache2 is not installed (apt-get install apache2)"; fi

if have haproxy; then
	render haproxy.cfg
	start haproxy 26030 haproxy -db -f "$RUN/haproxy.cfg"
	sleep 1 # let the health check mark backend "down" DOWN
else missing haproxy "haproxy is not installed (apt-get install haproxy)"; fi

if have varnishd && have cc; then
	render varnish.vcl
	start varnish 26040 varnishd -F -j none -n "$RUN/varnish" -a 127.0.0.1:26040 \
		-T 127.0.0.1:26041 -s malloc,16m -f "$RUN/varnish.vcl"
else missing varnish "varnishd or a C compiler is not installed (apt-get install varnish gcc)"; fi

if have squid; then
	render squid.conf
	chmod 777 "$RUN"
	start squid 26050 squid -N -f "$RUN/squid.conf"
	wait_port 26051 squid
	wait_port 26052 squid
else missing squid "squid is not installed (apt-get install squid)"; fi

if have caddy; then
	render Caddyfile
	start caddy 26060 env HOME="$RUN" XDG_CONFIG_HOME="$RUN" XDG_DATA_HOME="$RUN" \
		caddy run --adapter caddyfile --config "$RUN/Caddyfile"
else missing caddy "caddy is not installed (apt-get install caddy)"; fi

if have lighttpd; then
	render lighttpd.conf
	start lighttpd 26070 lighttpd -D -f "$RUN/lighttpd.conf"
else missing lighttpd "lighttpd is not installed (apt-get install lighttpd)"; fi

if [[ -x /usr/share/tomcat10/bin/catalina.sh ]] && have java; then
	base=$RUN/tomcat
	mkdir -p "$base"/{conf,logs,temp,work,webapps}
	cp "$CONF/tomcat/server.xml" /usr/share/tomcat10/etc/web.xml "$base/conf/"
	cp -rp "$RUN/www" "$base/webapps/ROOT"
	start tomcat10 26080 env CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE="$base" \
		CATALINA_TMPDIR="$base/temp" /usr/share/tomcat10/bin/catalina.sh run
else missing tomcat10 "tomcat10 or java is not installed (apt-get install tomcat10)"; fi

# Debian's python3 has python3-flask; a pyenv python3 earlier on PATH may not.
PY=/usr/bin/python3
if [[ -x $PY ]] && "$PY" -c 'import flask' 2>/dev/null; then
	start flask 26090 "$PY" "$CONF/flask_app.py"
else missing flask "python3-flask is not installed (apt-get install python3-flask)"; fi
if [[ -x $PY ]]; then
	start http.server 26091 "$PY" -m http.server 26091 --bind 127.0.0.1 --directory "$RUN/www"
else missing http.server "python3 is not installed"; fi

if have node && have npm && (cd "$RUN" && npm install --silent --no-audit --no-fund express@5.3.0 >"$RUN/npm.log" 2>&1); then
	start express 26092 env NODE_ENV=production NODE_PATH="$RUN/node_modules" node "$CONF/express_app.js"
else missing express "node, npm or the npm registry is not available"; fi

if [[ $FILTER == serve ]]; then
	echo "capture: serving (${UP[*]}) from $RUN; ctrl+c stops" >&2
	wait
	exit
fi

# Run the rows. A row's programs (column 3, comma-separated) must all be up.
n=0
skipped=0
while IFS=$'\t' read -r file cmd programs _; do
	[[ $file == file || $file != "$FILTER"* ]] && continue
	skip=
	for p in ${programs//,/ }; do
		[[ " ${MISSING[*]} " == *" $p "* ]] && skip=$p
	done
	if [[ -n $skip ]]; then
		skipped=$((skipped + 1))
		continue
	fi
	(cd "$RUN" && timeout 30 bash -c "$cmd" >"$OUT/$file" 2>>"$RUN/commands.log" </dev/null) || true
	n=$((n + 1))
done <"$MANIFEST"
echo "capture: $n captured, $skipped skipped (programs missing: ${MISSING[*]:-none})" >&2
