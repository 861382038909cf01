package dev.gantry.cli;

import dev.gantry.runner.git.JGitSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The {@code gantry} command. Exit status follows DESIGN.md: 0 success, 1 a job failed or lint
 * found errors, 2 bad input or usage. The commands' models are built in code ({@link CommandSpecs}
 * says why).
 */
public final class Main {

    /** The subcommands by name; a run builds the model of the one it names only. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", () -> new RunCommand().spec());
        SUBCOMMANDS.put("lint", () -> new LintCommand().spec());
        SUBCOMMANDS.put("list", () -> new ListCommand().spec());
        SUBCOMMANDS.put("eval", () -> new EvalCommand().spec());
        SUBCOMMANDS.put("__train", () -> new TrainCommand().spec());
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    private Main() {
    }

    public static void main(String[] args) {
        // JGit logs through SLF4J, which otherwise finds its no-op binding by scanning the jar's
        // service files (about 12 ms of every start); SLF4J 2.0.9+ reads the binding from this,
        // and would say so on stderr at its default verbosity.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        int status = execute(args);
        // The command ran to its end: JGit holds no lock that its clean-up at exit would remove.
        JGitSettings.skipCleanupAtExit();
        System.exit(status);
    }

    /** Runs the command line and returns the exit status, for tests that call it in-process. */
    public static int execute(String... args) {
        String first = args.length == 0 ? null : args[0];
        if ("run".equals(first)) {
            // JGit's static set-up overlaps with building the command line on another core.
            Thread.ofPlatform().daemon().name("gantry-jgit-prepare").start(JGitSettings::prepare);
        }
        CommandLine cli = new CommandLine(CommandSpecs.withStandardHelp(CommandSpecs.command(new Main(), "gantry",
                "Runs GitHub Actions workflows and GitLab CI pipelines unchanged.")), CommandSpecs.FACTORY);
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
