package dev.gantry.runner.actions;

import dev.gantry.runner.actions.artifact.DownloadArtifact;
import dev.gantry.runner.actions.artifact.UploadArtifact;
import dev.gantry.runner.actions.cache.CacheAction;
import dev.gantry.runner.actions.cache.CacheRestoreAction;
import dev.gantry.runner.actions.cache.CacheSaveAction;
import dev.gantry.runner.actions.checkout.Checkout;
import dev.gantry.runner.actions.setup.CommandProbe;
import dev.gantry.runner.actions.setup.SetupGo;
import dev.gantry.runner.actions.setup.SetupJava;
import dev.gantry.runner.actions.setup.SetupNode;
import dev.gantry.runner.actions.setup.SetupPython;
import dev.gantry.runner.actions.setup.SetupUv;

/**
 * The built-in actions gantry ships: actions/checkout, the setup actions (Java, Node.js, Python, Go,
 * uv), actions/cache with its restore and save halves, and upload-artifact and download-artifact.
 */
public final class StandardActions {

    private StandardActions() {
    }

    /** A registry of all of them; setup actions ask installed tools about themselves with real processes. */
    public static BuiltinActions registry() {
        return registry(CommandProbe.processes());
    }

    /** A registry whose setup actions use {@code probe} to ask installed tools about themselves. */
    public static BuiltinActions registry(CommandProbe probe) {
        return new BuiltinActions()
                .register("actions/checkout", CHECKOUT, ref -> new Checkout())
                .register("actions/setup-java", SETUP_JAVA, ref -> new SetupJava(probe, ActionVersion.major(ref)))
                .register("actions/setup-node", SETUP_NODE, ref -> new SetupNode(probe, ActionVersion.major(ref)))
                .register("actions/setup-python", SETUP_PYTHON, ref -> new SetupPython(probe))
                .register("actions/setup-go", SETUP_GO, ref -> new SetupGo(probe, ActionVersion.major(ref)))
                .register("astral-sh/setup-uv", SETUP_UV, ref -> new SetupUv(probe))
                .register("actions/cache", CACHE, ref -> new CacheAction())
                .register("actions/cache/restore", CACHE_RESTORE, ref -> new CacheRestoreAction())
                .register("actions/cache/save", CACHE_SAVE, ref -> new CacheSaveAction())
                .register("actions/upload-artifact", UPLOAD_ARTIFACT, ref -> new UploadArtifact(ActionVersion.major(ref)))
                .register("actions/download-artifact", DOWNLOAD_ARTIFACT,
                        ref -> new DownloadArtifact(ActionVersion.major(ref)));
    }

    // The inputs of each original's action.yml, over the major versions from v3 on (setup-uv: v1 on).

    static final DeclaredInputs CHECKOUT = DeclaredInputs.of("repository", "ref", "token", "ssh-key",
            "ssh-known-hosts", "ssh-strict", "ssh-user", "persist-credentials", "path", "clean", "filter",
            "sparse-checkout", "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs",
            "submodules", "set-safe-directory", "github-server-url", "allow-unsafe-pr-checkout");
    static final DeclaredInputs SETUP_JAVA = DeclaredInputs.of("java-version", "java-version-file", "distribution",
            "java-package", "architecture", "jdk-file", "check-latest", "force-download", "set-default",
            "verify-signature", "verify-signature-public-key", "server-id", "server-username-env-var",
            "server-username", "server-password-env-var", "server-password", "mvn-server-credentials",
            "mvn-repositories", "mvn-repositories-include-central", "mvn-repositories-prioritize-central",
            "settings-path", "overwrite-settings", "gpg-private-key", "gpg-passphrase-env-var", "gpg-passphrase",
            "cache", "cache-jdk", "cache-dependency-path", "cache-path", "cache-read-only", "job-status", "token",
            "mvn-toolchain-id", "mvn-toolchain-vendor", "show-download-progress", "problem-matcher")
            .deprecated("jdkFile", "The `jdkFile` input is deprecated. Use `jdk-file` instead.");
    static final DeclaredInputs SETUP_NODE = DeclaredInputs.of("node-version", "node-version-file", "architecture",
            "check-latest", "registry-url", "scope", "token", "cache", "package-manager-cache",
            "cache-dependency-path", "mirror", "mirror-token", "always-auth");
    static final DeclaredInputs SETUP_PYTHON = DeclaredInputs.of("python-version", "python-version-file", "cache",
            "architecture", "check-latest", "token", "cache-dependency-path", "update-environment",
            "allow-prereleases", "freethreaded", "pip-version", "pip-install");
    static final DeclaredInputs SETUP_GO = DeclaredInputs.of("go-version", "go-version-file", "check-latest", "token",
            "cache", "cache-dependency-path", "architecture", "go-download-base-url");
    static final DeclaredInputs SETUP_UV = DeclaredInputs.of("version", "version-file", "python-version",
            "activate-environment", "venv-path", "no-project", "working-directory", "checksum", "github-token",
            "enable-cache", "cache-dependency-glob", "restore-cache", "save-cache", "cache-suffix", "cache-local-path",
            "prune-cache", "cache-python", "ignore-nothing-to-cache", "ignore-empty-workdir", "tool-dir",
            "tool-bin-dir", "manifest-file", "download-from-astral-mirror", "add-problem-matchers", "quiet",
            "resolution-strategy", "pyproject-file", "uv-file", "server-url");
    static final DeclaredInputs CACHE = DeclaredInputs.of("path", "key", "restore-keys", "upload-chunk-size",
            "enableCrossOsArchive", "fail-on-cache-miss", "lookup-only")
            .deprecated("save-always", "save-always does not work as intended and will be removed in a future release."
                    + " A separate `actions/cache/restore` step should be used instead.");
    static final DeclaredInputs CACHE_RESTORE = DeclaredInputs.of("path", "key", "restore-keys",
            "enableCrossOsArchive", "fail-on-cache-miss", "lookup-only");
    static final DeclaredInputs CACHE_SAVE = DeclaredInputs.of("path", "key", "upload-chunk-size",
            "enableCrossOsArchive");
    static final DeclaredInputs UPLOAD_ARTIFACT = DeclaredInputs.of("name", "path", "if-no-files-found",
            "retention-days", "compression-level", "overwrite", "include-hidden-files", "archive");
    static final DeclaredInputs DOWNLOAD_ARTIFACT = DeclaredInputs.of("name", "artifact-ids", "path", "pattern",
            "merge-multiple", "github-token", "repository", "run-id", "skip-decompress", "digest-mismatch");
}
