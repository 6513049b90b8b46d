# Varnish 7.1 (Debian) on 26040 in front of the Go origin (26001), a dead port
# (26009) and a backend without a status line (26002). Anything not below is
# the built-in VCL (including its synth(405) for PRI and Retry-After: 5).
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "26001";
    .first_byte_timeout = 1s;
}
backend dead {
    .host = "127.0.0.1";
    .port = "26009";
}
backend garbage {
    .host = "127.0.0.1";
    .port = "26002";
}

sub vcl_recv {
    if (req.url ~ "^/dead") {
        set req.backend_hint = dead;
    } else if (req.url ~ "^/garbage") {
        set req.backend_hint = garbage;
    }
    if (req.url ~ "^/admin") {
        return (synth(403, "Forbidden"));
    }
}
