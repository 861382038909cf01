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
                .register("actions/checkout", Checkout::new)
                .register("actions/setup-java", () -> new SetupJava(probe))
                .register("actions/setup-node", () -> new SetupNode(probe))
                .register("actions/setup-python", () -> new SetupPython(probe))
                .register("actions/setup-go", () -> new SetupGo(probe))
                .register("astral-sh/setup-uv", () -> new SetupUv(probe))
                .register("actions/cache", CacheAction::new)
                .register("actions/cache/restore", CacheRestoreAction::new)
                .register("actions/cache/save", CacheSaveAction::new)
                .register("actions/upload-artifact", ref -> new UploadArtifact(ActionVersion.major(ref)))
                .register("actions/download-artifact", ref -> new DownloadArtifact(ActionVersion.major(ref)));
    }
}
