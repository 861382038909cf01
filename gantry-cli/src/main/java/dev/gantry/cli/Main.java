package dev.gantry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gantry} command. Exit status follows DESIGN.md: 0 success, 1 a job failed or lint
 * found errors, 2 bad input or usage.
 */
@Command(name = "gantry", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs GitHub Actions workflows and GitLab CI pipelines unchanged.",
        subcommands = {RunCommand.class, LintCommand.class, ListCommand.class, EvalCommand.class, TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status, for tests that call it in-process. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("gantry: internal error: " + e);
            e.printStackTrace(cmd.getErr());
            return 70;
        });
        return cli.execute(args);
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gantry " + (v == null ? "dev" : v)};
        }
    }
}
