#!/usr/bin/env bash
# Makes a Docker engine answer on this machine, for the container integration tests.
#
# Idempotent: installs Debian's docker.io only when dockerd is missing, starts dockerd only when
# no engine answers (on DOCKER_HOST, else /var/run/docker.sock), then waits until `docker info`
# works. Exits non-zero with the tail of the daemon's log when the engine does not come up.
#
# The flags are the ones that work on these build machines (docs: /work/shared/DESIGN.md,
# "Running things here"): no iptables, no default bridge, and the vfs storage driver, because
# the machine has no overlay support for nested containers. Tests use user-defined networks only.
#
# Usage: bash .ci/docker-up.sh          (as root; about 30-60 s when docker.io must be installed,
#                                        about 2 s when it is installed, 0 s when already running)
set -euo pipefail

LOG=${GANTRY_DOCKERD_LOG:-/var/log/gantry-dockerd.log}
WAIT_SECONDS=${GANTRY_DOCKERD_WAIT:-60}

engine_answers() {
    docker info >/dev/null 2>&1
}

if engine_answers; then
    echo "docker-up: engine already answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
    exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
    echo "docker-up: installing Debian's docker.io"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # The package's own service scripts cannot start it here (no systemd); we start it below.
    apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi
command -v dockerd >/dev/null 2>&1 || { echo "docker-up: dockerd is still missing after installing docker.io" >&2; exit 1; }

if [[ -n "${DOCKER_HOST:-}" && "${DOCKER_HOST}" != unix:///var/run/docker.sock ]]; then
    echo "docker-up: DOCKER_HOST=${DOCKER_HOST} does not answer and is not the local default socket;" \
         "start that engine yourself or unset DOCKER_HOST" >&2
    exit 1
fi

# A stale pid file or socket of a dead daemon would stop the new one from starting; a live one
# is only slow to answer, and a second daemon would fail on its pid file. A daemon that was killed
# may linger as a zombie (nobody reaps it in these sandboxes): kill -0 still succeeds on it, so
# look at its state and its command line instead.
daemon_alive() {
    local pid=$1 state
    [[ -r /proc/$pid/stat ]] || return 1
    state=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat")
    [[ $state != Z && $state != X ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q dockerd
}
if [[ -f /var/run/docker.pid ]] && ! daemon_alive "$(cat /var/run/docker.pid)"; then
    rm -f /var/run/docker.pid
fi
if [[ ! -f /var/run/docker.pid ]]; then
    echo "docker-up: starting dockerd (log: ${LOG})"
    rm -f /var/run/docker.sock
    mkdir -p "$(dirname "$LOG")"
    # setsid + nohup: the daemon must outlive this script and the shell that called it.
    setsid nohup dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
        >>"$LOG" 2>&1 </dev/null &
fi

started=$SECONDS
while ((SECONDS - started < WAIT_SECONDS)); do
    if engine_answers; then
        echo "docker-up: engine answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null)) after $((SECONDS - started)) s"
        exit 0
    fi
    sleep 0.25
done

echo "docker-up: FAILED: no Docker engine answered within ${WAIT_SECONDS} s; last lines of ${LOG}:" >&2
tail -n 40 "$LOG" >&2 || true
exit 1
