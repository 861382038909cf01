package dev.gantry.runner.actions.setup;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.LoggedCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * setup-python's {@code pip-version} and {@code pip-install} inputs (github.com/actions/setup-python,
 * README "Usage" and docs/advanced-usage.md "Installing pip packages"): after the Python is chosen,
 * {@code python -m pip install pip==VERSION}, then {@code python -m pip install} with the words of
 * {@code pip-install} (package names, or {@code -r requirements.txt}), in the workspace, with the
 * step's environment. pip's output goes to the step's log; a pip that fails fails the step.
 *
 * <p>On this machine pip installs into the chosen installation (as on a self-hosted runner), from
 * whatever index pip is configured with.
 */
final class PipInstall {

    private PipInstall() {
    }

    /** Runs what the inputs ask for; returns the step's failure message, or empty when pip succeeded. */
    static Optional<String> apply(ActionContext context, Toolchain python, String pipVersion, String packages) {
        if (!pipVersion.isBlank()) {
            context.log("Installing pip " + pipVersion.strip());
            if (!pip(context, python, List.of("pip==" + pipVersion.strip()))) {
                return Optional.of("setup-python: pip " + pipVersion.strip() + " could not be installed (see pip's"
                        + " output above)");
            }
        }
        if (!packages.isBlank()) {
            context.log("Installing pip packages: " + packages.strip());
            if (!pip(context, python, List.of(packages.strip().split("\\s+")))) {
                return Optional.of("setup-python: failed to install pip packages from \"" + packages.strip()
                        + "\"; check the package names, versions or requirements files (see pip's output above)");
            }
            context.log("Successfully installed pip packages");
        }
        return Optional.empty();
    }

    private static boolean pip(ActionContext context, Toolchain python, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(python.executable().toString(), "-m", "pip", "install"));
        argv.addAll(args);
        try {
            return LoggedCommand.run(context, argv, context.workspace()) == 0;
        } catch (IOException e) {
            context.log(python.executable() + " could not be started: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
