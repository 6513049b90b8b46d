package accesslog

import "bytes"

// AWS load balancers write space-separated fields, some quoted. The
// status the client got is elb_status_code; target_status_code is the
// target's, "-" when no target answered. A 502 with target "-" is the
// load balancer's own (it could not connect, or the target closed or
// reset the connection); a 502 with target 502 is the application's.

// albFormat is the Application Load Balancer's entry:
//
//	type time elb client:port target:port request_processing_time
//	target_processing_time response_processing_time elb_status_code
//	target_status_code received_bytes sent_bytes "request" "user_agent"
//	ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name"
//	"chosen_cert_arn" matched_rule_priority request_creation_time
//	"actions_executed" "redirect_url" "error_reason" "target:port_list"
//	"target_status_code_list" "classification" "classification_reason"
//	conn_trace_id
var albFormat = Format{
	Name:   "alb",
	Label:  "AWS Application Load Balancer",
	Vendor: "AWS ELB",
	Doc:    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html#access-log-entry-syntax",
	flags:  flagALB,
	parse: func(line []byte, r *Record, _ *parseState) bool {
		var f [25][]byte
		n := awsFields(line, f[:])
		if n < 14 {
			return false
		}
		switch string(f[0]) {
		case "http", "https", "h2", "grpcs", "ws", "wss":
		default:
			return false
		}
		return readAWS(f[1:n], r, true)
	},
}

// elbFormat is the Classic Load Balancer's entry:
//
//	timestamp elb client:port backend:port request_processing_time
//	backend_processing_time response_processing_time elb_status_code
//	backend_status_code received_bytes sent_bytes "request" "user_agent"
//	ssl_cipher ssl_protocol
var elbFormat = Format{
	Name:   "elb",
	Label:  "AWS Classic Load Balancer",
	Vendor: "AWS ELB",
	Doc:    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/access-log-collection.html#access-log-entry-format",
	flags:  flagALB,
	parse: func(line []byte, r *Record, _ *parseState) bool {
		var f [16][]byte
		n := awsFields(line, f[:])
		if n < 13 {
			return false
		}
		return readAWS(f[:n], r, false)
	},
}

// readAWS reads the fields the two share, from the timestamp on.
func readAWS(f [][]byte, r *Record, alb bool) bool {
	t, ok := isoTime(f[0])
	if !ok || bytes.IndexByte(f[2], ':') < 0 {
		return false
	}
	for _, timing := range f[4:7] {
		if !numeric(timing) && string(timing) != "-1" {
			return false
		}
	}
	code, ok := num(f[7])
	if !ok || len(f[7]) != 3 {
		return false // "-": a TCP listener's entry, no HTTP status
	}
	target := f[8]
	if string(target) != "-" {
		if _, ok := num(target); !ok {
			return false
		}
	}
	r.Code, r.Time = code, t
	switch {
	case string(target) == "-":
		r.Made = Own
	case string(target) == string(f[7]):
		r.Made = Passed
	}
	if code >= 400 || code == 0 || string(target) != "-" && string(target) != string(f[7]) {
		r.addFlagf("target ", target)
	}
	if alb && len(f) > 23 {
		r.addFlag(f[23]) // error_reason
	}
	_, tgt, _ := splitRequest(f[11])
	r.Path = cleanPath(tgt)
	return true
}

// awsFields splits a line at spaces, a quoted field being one field
// without its quotes, and returns how many it found (at most len(f)).
func awsFields(line []byte, f [][]byte) int {
	n := 0
	for len(line) > 0 && n < len(f) {
		if line[0] == '"' {
			val, rest, ok := quoted(line)
			if !ok {
				return n
			}
			f[n] = val
			n++
			line = bytes.TrimLeft(rest, " ")
			continue
		}
		sp := bytes.IndexByte(line, ' ')
		if sp < 0 {
			sp = len(line)
		}
		f[n] = line[:sp]
		n++
		line = bytes.TrimLeft(line[sp:], " ")
	}
	return n
}
