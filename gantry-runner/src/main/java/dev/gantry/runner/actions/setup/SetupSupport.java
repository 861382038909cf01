package dev.gantry.runner.actions.setup;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the setup actions share: reading version files, the runner's OS name, putting a toolchain in place. */
final class SetupSupport {

    private SetupSupport() {
    }

    /** The content of a version file named relative to the workspace; {@link InputError} when it is missing. */
    static String readVersionFile(ActionContext context, String inputName, String file) throws InputError {
        Path path = context.workspace().resolve(file).normalize();
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new InputError("The specified " + inputName + " file at: " + path + " does not exist");
        }
    }

    /** RUNNER_OS as the hosted runners spell it: Linux, macOS or Windows. */
    static String runnerOs(ActionContext context) {
        String os = context.env().get("RUNNER_OS");
        if (os != null && !os.isBlank()) {
            return os;
        }
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return name.contains("mac") ? "macOS" : name.contains("win") ? "Windows" : "Linux";
    }

    /** Puts the toolchain's folder in front of PATH for later steps. */
    static void addToPath(ActionContext context, Toolchain toolchain) {
        context.addPath(toolchain.bin().toString());
    }

    /** A spec from a version input; {@link InputError} when it cannot be read. */
    static VersionSpec spec(String text, String tool) throws InputError {
        return VersionSpec.parse(text).orElseThrow(() -> new InputError("'" + text + "' is not a version or range of "
                + tool + " versions gantry understands"));
    }
}
