#!/bin/sh
# Makes the certificate that encrypts the data-protection keys (the keys that sign cookies and
# tokens, stored in the database), once. An existing certificate is always kept: keys written
# under it can only be read back with it, so replacing it would sign everybody out.
#   KEYS_DIR                  where the .pfx goes (a volume the web instances mount read-only)
#   DP_CERTIFICATE_PASSWORD   the .pfx password; the web instances are given the same one
#   APP_UID                   the web app's user, made the file's owner (it runs as non-root)
set -eu

dir="${KEYS_DIR:-/keys}"
pfx="$dir/dataprotection.pfx"
if [ -s "$pfx" ]; then
  echo "Keeping the data-protection certificate in $pfx"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes \
  -subj "/CN=GvcMatch data protection" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
# Written beside the target, then renamed: an instance never sees a half-written file.
partial="$dir/.dataprotection.pfx.partial"
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$partial" \
  -passout env:DP_CERTIFICATE_PASSWORD
if [ -n "${APP_UID:-}" ]; then chown "$APP_UID" "$partial"; fi
chmod 0400 "$partial"
mv "$partial" "$pfx"
echo "Made a data-protection certificate in $pfx"
