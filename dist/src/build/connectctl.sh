#!/bin/sh
# connectctl @VERSION@ — the launcher of the self-contained download. It runs the CLI on the Java runtime
# bundled beside it (../runtime), found relative to this script's own location (symlinks followed), so it needs
# no Java on the machine, and ignores JAVA_HOME and the java on the PATH.
set -eu

# This script's real path: $0, or the PATH entry it was found in, with every symlink resolved.
self=$0
case $self in
  */*) ;;
  *) self=$(command -v -- "$self") ;;
esac
while [ -h "$self" ]; do
  link=$(ls -ld -- "$self")
  target=${link#*" -> "}
  case $target in
    /*) self=$target ;;
    *) self=${self%/*}/$target ;;
  esac
done
home=$(cd -P -- "${self%/*}/.." && pwd)
java=$home/runtime/bin/java

cp=
for jar in "$home"/lib/*.jar; do
  cp=${cp:+$cp:}$jar
done

# C1 only, the serial collector and no hsperfdata file: what a short-lived JVM needs (bench/README.md).
fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"

# A class-data sharing archive of the JDK's and the CLI's classes starts the CLI faster. JDK 17's archives are not
# byte-reproducible (they hold addresses and times), so the download does not carry one: the first run records
# it, once per install directory, into the user's cache (a base archive of the JDK's classes, then one of what a
# training run of typical commands against a loopback server loads), and every later run maps it.
# CONNECTCTL_CACHE_DIR overrides the directory; a cache that cannot be written only costs the faster start.
cache=${CONNECTCTL_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/connectctl}
key=$(printf '%s' "$home" | cksum)
key=${key%% *}
base=$cache/cds-@VERSION@-$key-base.jsa
top=$cache/cds-@VERSION@-$key.jsa
if [ ! -f "$top" ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
  if [ -t 2 ]; then echo "connectctl: recording the start-up archive (first run only)" >&2; fi
  tmp=$cache/.cds-$$
  # shellcheck disable=SC2086
  if { [ -f "$base" ] || { "$java" -Xshare:dump -XX:SharedArchiveFile="$tmp-base.jsa" -Xlog:cds=off \
      >/dev/null 2>&1 && mv -f "$tmp-base.jsa" "$base"; }; } &&
    "$java" $fast -XX:SharedArchiveFile="$base" -XX:ArchiveClassesAtExit="$tmp.jsa" -Xlog:cds=off \
      -Xlog:cds+dynamic=off -cp "$cp" io.connectctl.cli.Training >/dev/null 2>&1 && [ -f "$tmp.jsa" ]; then
    mv -f "$tmp.jsa" "$top"
  fi
  rm -f "$tmp-base.jsa" "$tmp.jsa"
fi

if [ -f "$top" ]; then
  set -- -Xshare:auto -XX:SharedArchiveFile="$base:$top" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$cp" io.connectctl.cli.ConnectCtl "$@"
else
  set -- -cp "$cp" io.connectctl.cli.ConnectCtl "$@"
fi
# shellcheck disable=SC2086
exec "$java" $fast -Dconnectctl.home="$home" -Dconnectctl.kafka.lib="$home/kafka-lib" \
  -Dconnectctl.gateways.lib="$home/gateways-lib" "$@"
