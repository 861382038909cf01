#!/usr/bin/env bash
# Builds the local images the container integration tests (and offline examples) use. No image
# registry is reachable from the build machines, so every image is made here from Debian packages
# installed on the host and loaded with `docker import`:
#
#   gantry-test/busybox:latest   busybox-static with its applet links, /tmp, /etc/passwd...
#                                (also tagged busybox:latest)
#   gantry-test/redis:latest     busybox plus the host's redis-server and redis-cli with the shared
#                                libraries ldd lists; CMD redis-server --protected-mode no, and a
#                                HEALTHCHECK (redis-cli ping) so waiting for "healthy" is exercised
#                                (also tagged redis:7 and redis:7-alpine)
#
# Idempotent: an image is rebuilt only when its tag is missing or carries an older recipe version
# (label dev.gantry.test-image). Needs a running engine (.ci/docker-up.sh) and root for apt-get.
# Usage: bash .ci/test-images.sh     (about 10-20 s on a fresh machine, <1 s when the images exist)
set -euo pipefail

RECIPE=2
LABEL=dev.gantry.test-image
PATH_ENV=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

current() { # tag -> 0 when the tag exists with this recipe version
    [[ "$(docker image inspect --format "{{index .Config.Labels \"$LABEL\"}}" "$1" 2>/dev/null)" == "$RECIPE" ]]
}

ensure_packages() { # package... -> installs the missing ones
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "test-images: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

busybox_rootfs() { # dir -> a minimal busybox userland in dir
    local root=$1
    mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,home,var/tmp,proc,sys,dev,data}
    chmod 1777 "$root/tmp" "$root/var/tmp"
    cp /bin/busybox "$root/bin/busybox"
    local applet
    for applet in $(/bin/busybox --list); do
        [[ -e "$root/bin/$applet" ]] || ln -s busybox "$root/bin/$applet"
    done
    cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/home:/bin/false
EOF
    cat >"$root/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
    echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
}

import() { # dir tag change... -> imports dir as tag with the given --change lines
    local root=$1 tag=$2
    shift 2
    local changes=(--change "ENV PATH=$PATH_ENV" --change "LABEL $LABEL=$RECIPE")
    for c in "$@"; do changes+=(--change "$c"); done
    tar -C "$root" -c . | docker import "${changes[@]}" - "$tag" >/dev/null
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if ! current gantry-test/busybox:latest; then
    ensure_packages busybox-static
    busybox_rootfs "$WORK/busybox"
    import "$WORK/busybox" gantry-test/busybox:latest 'CMD ["sh"]'
    echo "test-images: built gantry-test/busybox:latest"
fi
docker tag gantry-test/busybox:latest busybox:latest

if ! current gantry-test/redis:latest; then
    ensure_packages busybox-static redis-server
    root="$WORK/redis"
    busybox_rootfs "$root"
    for program in /usr/bin/redis-server /usr/bin/redis-cli; do
        cp -L "$program" "$root/usr/bin/"
        # Every library ldd resolves, plus the dynamic loader (the line without "=>").
        for lib in $(ldd "$program" | awk '/=> \//{print $3} $1 ~ /^\/.*ld-linux/ {print $1}'); do
            mkdir -p "$root$(dirname "$lib")"
            cp -L "$lib" "$root$lib"
        done
    done
    import "$root" gantry-test/redis:latest \
        'WORKDIR /data' \
        'EXPOSE 6379' \
        'CMD ["redis-server", "--protected-mode", "no"]' \
        'HEALTHCHECK --interval=1s --timeout=3s --retries=30 CMD redis-cli ping | grep -q PONG'
    echo "test-images: built gantry-test/redis:latest"
fi
docker tag gantry-test/redis:latest redis:7
docker tag gantry-test/redis:latest redis:7-alpine

docker image prune -f --filter "label=$LABEL" >/dev/null  # earlier recipes, now untagged
echo "test-images: ready: gantry-test/busybox:latest (busybox:latest), gantry-test/redis:latest (redis:7, redis:7-alpine)"
