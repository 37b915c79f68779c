#!/usr/bin/env bash
# Debian packages the unit tests need: python3-avro is the Avro oracle (it agrees with Avro
# Java 1.12's schema parsing and compatibility verdicts). Idempotent: skips what is there.
set -euo pipefail
if ! /usr/bin/python3 -c 'import avro.schema' >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-avro >/dev/null
fi
/usr/bin/python3 -c 'import avro; print("python3-avro", avro.__version__)'
