#!/usr/bin/env bash
# Creates the application class-data sharing (AppCDS) archive of a Linux app image and makes
# its launcher use it.
#
# Usage: create-cds-archive.sh APP_IMAGE_DIR LAUNCHER_NAME
#
# A training run of the packaged launcher opens the window, connects once to the embedded demo
# frontend and is stopped with SIGTERM. On exit the JVM writes every class it loaded from the
# app's jars and from the JavaFX modules into lib/app/LAUNCHER_NAME.jsa (-XX:ArchiveClassesAtExit).
# The launcher's configuration gets -XX:SharedArchiveFile for it, so later starts map those
# classes instead of loading and verifying them again. The archive is valid only with the exact
# runtime and jars of this image, and the JVM ignores it after any change to them.
#
# The window needs a display: the script uses DISPLAY when set, otherwise xvfb-run (Debian
# package xvfb). Without either, it trains on the headless command serve, checked once with the
# sample credentials in ./sample-credentials, which leaves the JavaFX classes out of the archive.
set -euo pipefail

# Without a display, run this script again under a virtual X server when one is installed.
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    exec xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24 -nolisten tcp" "$0" "$@"
fi

image="${1:?usage: create-cds-archive.sh APP_IMAGE_DIR LAUNCHER_NAME}"
name="${2:?usage: create-cds-archive.sh APP_IMAGE_DIR LAUNCHER_NAME}"
image="$(cd "$image" && pwd)"
launcher="$image/bin/$name"
config="$image/lib/app/$name.cfg"
archive="$image/lib/app/$name.jsa"
[ -x "$launcher" ] || { echo "error: launcher $launcher not found; build the app image first" >&2; exit 1; }
[ -f "$config" ] || { echo "error: launcher configuration $config not found" >&2; exit 1; }
if grep -q 'SharedArchiveFile' "$config"; then
    echo "error: $config already names a shared archive; rebuild the app image before training again" >&2
    exit 1
fi

# The archive records each jar's modification time. A fixed time lets the .deb's postinst
# restore it after installation, because jpackage does not keep file times in the package.
touch -c -m -d @946684800 "$image"/lib/app/*.jar

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -f "$archive"

# The window run: the sample credentials and the embedded demo frontend are the window's
# defaults, and mtls.studio.autoConnect presses Connect once the form is ready.
train_window() {
    JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive -Dmtls.studio.autoConnect=true" \
        "$launcher" >"$work/window.log" 2>&1 &
    local pid=$!
    # Window, connection and Health call take a few seconds (docs/benchmarks.md); 12 s leaves
    # room for a loaded build machine.
    sleep "${CDS_TRAINING_SECONDS:-12}"
    if ! kill -TERM "$pid" 2>/dev/null; then
        wait "$pid" || true
        if grep -q "this build has no window" "$work/window.log"; then
            echo "warning: $launcher has no window; training on the headless commands only" >&2
            rm -f "$archive"
            train_headless
            return
        fi
        echo "error: the training run of $launcher ended early:" >&2
        cat "$work/window.log" >&2
        return 1
    fi
    wait "$pid" || true
}

train_headless() {
    local port
    port="$(free_port)"
    JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive" \
        "$launcher" serve --port "$port" >"$work/serve.log" 2>&1 &
    local pid=$!
    wait_for_line "$work/serve.log" "listening on" 30
    # Only the server's JVM writes the archive; the check gives it one full mutual TLS handshake.
    local samples="$PWD/sample-credentials"
    "$launcher" check --cert "$samples/client.crt" --key "$samples/client.key" --ca "$samples/ca.crt" \
        "127.0.0.1:$port" >"$work/check.log" 2>&1 || true
    kill -TERM "$pid"
    wait "$pid" || true
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_line() { # FILE TEXT SECONDS
    local deadline=$((SECONDS + $3))
    until grep -q "$2" "$1" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "error: no \"$2\" in $1 after $3 s:" >&2
            cat "$1" >&2
            return 1
        fi
        sleep 0.2
    done
}

if [ -n "${DISPLAY:-}" ]; then
    train_window
else
    echo "warning: no DISPLAY and no xvfb-run; training on the headless commands only" >&2
    train_headless
fi

if [ ! -s "$archive" ]; then
    echo "error: the training run wrote no archive $archive; its output:" >&2
    cat "$work"/*.log >&2
    exit 1
fi
# The launcher expands $APPDIR to lib/app of the installed image. When the archive no longer
# matches (a jar replaced, a time changed), the JVM runs without it. -Xlog:cds*=off keeps the
# JVM's report of that off standard output, where it would corrupt the output of check --json.
sed -i '/^\[JavaOptions\]$/a java-options=-Xlog:cds*=off' "$config"
sed -i '/^\[JavaOptions\]$/a java-options=-XX:SharedArchiveFile=$APPDIR/'"$name"'.jsa' "$config"
echo "Created $archive ($(du -k "$archive" | cut -f1) KiB) and added it to $config"
