#!/bin/sh
# make_tls.sh OUTDIR: a throwaway certificate authority and a server certificate for the HTTPS
# tests (feedserver.py DIR --tls OUTDIR/server.pem OUTDIR/server.key).
#
# Writes into OUTDIR (created if missing):
#   ca.pem, ca.key          self-signed CA "mentionwatch test CA" (give clients --cacert ca.pem)
#   server.pem, server.key  server certificate for 127.0.0.1 and localhost
#                           (subjectAltName IP:127.0.0.1, DNS:localhost), signed by the CA
# Keys are EC P-256, certificates valid for 30 days; nothing outside OUTDIR is touched.
# Quiet on success; exits 69 when openssl is missing and 1 when openssl fails (its output shown).
set -eu

if [ $# -ne 1 ]; then
    echo "usage: make_tls.sh OUTDIR" >&2
    exit 64
fi
if ! command -v openssl >/dev/null 2>&1; then
    echo "make_tls.sh: openssl not found; install it (Debian: apt-get install openssl)" >&2
    exit 69
fi

out=$1
mkdir -p "$out"
log=$(mktemp)
trap 'rm -f "$log" "$out/server.csr" "$out/server.ext" "$out/ca.srl"' EXIT

run() {  # run openssl quietly; on failure show what it said and stop
    if ! openssl "$@" >"$log" 2>&1; then
        echo "make_tls.sh: openssl $1 failed:" >&2
        cat "$log" >&2
        exit 1
    fi
}

umask 077  # private keys readable by the owner only
run ecparam -name prime256v1 -genkey -noout -out "$out/ca.key"
run ecparam -name prime256v1 -genkey -noout -out "$out/server.key"
umask 022

# The CA: self-signed, allowed to sign certificates only.
run req -new -x509 -key "$out/ca.key" -out "$out/ca.pem" -days 30 -sha256 \
    -subj "/CN=mentionwatch test CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"

# The server certificate: 127.0.0.1 and localhost, for TLS servers only.
run req -new -key "$out/server.key" -out "$out/server.csr" -subj "/CN=127.0.0.1"
cat >"$out/server.ext" <<'EOF'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EOF
run x509 -req -in "$out/server.csr" -CA "$out/ca.pem" -CAkey "$out/ca.key" -CAcreateserial \
    -out "$out/server.pem" -days 30 -sha256 -extfile "$out/server.ext"
