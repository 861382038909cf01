package dev.gantry.cli;

import dev.gantry.runner.git.JGitSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gantry} command. Exit status follows DESIGN.md: 0 success, 1 a job failed or lint
 * found errors, 2 bad input or usage.
 */
@Command(name = "gantry", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs GitHub Actions workflows and GitLab CI pipelines unchanged.")
public final class Main {

    /**
     * The subcommands by name. picocli builds its model of a command from annotations by
     * reflection, about 0.1 s for all of them in a cold JVM; a run needs only the one it names.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand::new);
        SUBCOMMANDS.put("lint", LintCommand::new);
        SUBCOMMANDS.put("list", ListCommand::new);
        SUBCOMMANDS.put("eval", EvalCommand::new);
        SUBCOMMANDS.put("__train", TrainCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status, for tests that call it in-process. */
    public static int execute(String... args) {
        String first = args.length == 0 ? null : args[0];
        if ("run".equals(first)) {
            // JGit's static set-up overlaps with picocli's model building on another core.
            Thread.ofPlatform().daemon().name("gantry-jgit-prepare").start(JGitSettings::prepare);
        }
        CommandLine cli = new CommandLine(new Main());
        if (first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cli.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            // Help, a mistake or no subcommand at all: the usage message lists every subcommand.
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
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
