#!/usr/bin/env bash
# Builds the self-contained download (run by the dist module at `package`, after the CLI's jars are in
# target/lib, the man pages in target/man and the SBOM in target/):
#   target/connectctl-VERSION-linux-x86_64.tar.gz and .tar.gz.sha256
# Usage: assemble.sh JDK VERSION OUTPUT_TIMESTAMP TARGET_DIR CHECKOUT
# Reproducible: the same inputs give the same bytes (sorted entries, every time set to OUTPUT_TIMESTAMP, uid/gid 0,
# normalised modes, gzip without name or time; jlink's output is deterministic without its CDS plugin, which is
# why the start-up archive is recorded by bin/connectctl on first use instead).
set -euo pipefail
jdk=$1 version=$2 timestamp=$3 target=$4 checkout=$5
here="$(cd "$(dirname "$0")" && pwd)"
name="connectctl-$version-linux-x86_64"
stage="$target/dist/$name"
epoch="$(date -d "$timestamp" +%s)"

[[ -d "$jdk/jmods" ]] || {
  echo "dist: $jdk has no jmods/ to link a runtime from; set -Ddist.jdk to a JDK 17 with jmods" >&2
  exit 2
}
kafka_lib="$checkout/local-cluster/target/kafka-lib"
gateways_lib="$checkout/gateways/target/gateways-lib"
for dir in "$target/lib" "$target/man" "$kafka_lib" "$gateways_lib"; do
  [[ -d "$dir" ]] || { echo "dist: $dir is missing (build the reactor with -Pdist package)" >&2; exit 2; }
done

# What jdeps finds in the CLI's jars, for DistributionIT to compare with dist/jdk-modules.txt.
"$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --module-path "$target/lib" "$target"/lib/*.jar 2>/dev/null | grep -v "^Warning" | tr ',' '\n' >"$target/jdeps-modules.txt"
modules="$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/../../jdk-modules.txt" | paste -sd, -)"

rm -rf "$target/dist"
mkdir -p "$stage"
echo "dist: linking a runtime of $modules" >&2
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --strip-debug --no-header-files \
  --no-man-pages --output "$stage/runtime"

mkdir -p "$stage/bin" "$stage/lib" "$stage/kafka-lib" "$stage/completions" "$stage/man/man1" "$stage/legal" \
  "$stage/sbom"
cp "$target"/lib/*.jar "$stage/lib/"
cp "$kafka_lib"/*.jar "$stage/kafka-lib/"
cp -r "$gateways_lib" "$stage/gateways-lib"
sed "s/@VERSION@/$version/g" "$here/connectctl.sh" >"$stage/bin/connectctl"
chmod 755 "$stage/bin/connectctl"

# Completion scripts, from the CLI's own completion command.
for shell in bash zsh; do
  "$jdk/bin/java" -cp "$stage/lib/*" io.connectctl.cli.ConnectCtl completion "$shell" \
    >"$stage/completions/connectctl.$shell"
done
cp "$target"/man/*.1 "$stage/man/man1/"
cp "$target/$name.cdx.json" "$stage/sbom/"

# Licences and notices: each jar's own (META-INF), per jar; the JDK's are in runtime/legal.
for jar in "$stage"/lib/*.jar "$stage"/kafka-lib/*.jar "$stage"/gateways-lib/*.jar; do
  entries="$(unzip -Z1 "$jar" | grep -E '^META-INF/([^/]*/)?(LICEN[CS]E|NOTICE|COPYING)[^/]*$' | grep -v '/$' || true)"
  [[ -n "$entries" ]] || continue
  out="$stage/legal/$(basename "$jar" .jar)"
  mkdir -p "$out"
  # shellcheck disable=SC2086
  unzip -qo "$jar" $entries -d "$out"
done
cat >"$stage/legal/README" <<EOF
Licences and notices of what this download holds: one directory per jar (lib/, kafka-lib/, gateways-lib/) with
the files that jar carries under META-INF; the Java runtime's are in runtime/legal, one directory per JDK
module. Most jars carry no licence file; the SBOM (sbom/$name.cdx.json) names every library of lib/ with its
version and the licence its POM declares.
EOF

# Same bytes on every build: modes, times, owners and order fixed, no gzip header time or name.
chmod -R u+rwX,go+rX,go-w "$stage"
find "$stage" -exec touch -h -d "@$epoch" {} +
(cd "$target/dist" && tar --sort=name --format=gnu --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  -cf - "$name") | gzip -n -9 >"$target/$name.tar.gz"
(cd "$target" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "dist: $target/$name.tar.gz ($(du -m "$target/$name.tar.gz" | cut -f1) MB packed," \
  "$(du -sm "$stage" | cut -f1) MB unpacked)" >&2
