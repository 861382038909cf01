package dev.gantry.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds the picocli models of gantry's commands in code, and reads the parsed values back.
 *
 * <p>Why not picocli's annotations: reading them goes through Java reflection, which creates a
 * proxy class for every annotation type at run time (seven for gantry's commands). In a cold JVM
 * that cost about 55 ms of a 0.45 s {@code gantry run}, and the class-data archive cannot hold
 * those classes. A model built with picocli's programmatic API
 * (<a href="https://picocli.info/#_programmatic_api">picocli: programmatic API</a>) parses the same
 * command lines and prints the same help. See docs/PERFORMANCE.md.
 *
 * <p>Every command gets {@code -h/--help} and {@code -V/--version}, as picocli's
 * {@code mixinStandardHelpOptions} gives (which is itself read by reflection). Descriptions may use
 * picocli's {@code ${DEFAULT-VALUE}}; a literal {@code ${...}} is written {@code $${...}}.
 */
final class CommandSpecs {

    /**
     * What picocli instantiates by class: the lists of repeatable options, and anything else
     * through picocli's own factory. Not picocli's factory for everything: loading that class first
     * looks for Groovy's {@code Closure} class, a lookup that fails through the whole jar (about
     * 10 ms of a cold start).
     */
    static final IFactory FACTORY = new IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == List.class) {
                return type.cast(new ArrayList<>());
            }
            return CommandLine.defaultFactory().create(type);
        }
    };

    private CommandSpecs() {
    }

    /**
     * A command named {@code name} that runs {@code handler} (a {@code Callable<Integer>}, or any
     * object for a command that only holds subcommands).
     */
    static CommandSpec command(Object handler, String name, String description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(handler, FACTORY).name(name);
        spec.usageMessage().description(description);
        spec.versionProvider(new Main.Version());
        return spec;
    }

    /**
     * Adds {@code -h/--help} and {@code -V/--version}; call it after the command's own options,
     * where {@code mixinStandardHelpOptions} puts them in unsorted help.
     */
    static CommandSpec withStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** An option with one value of {@code type}; {@code defaultValue} may be null. */
    static OptionSpec option(Class<?> type, String label, String defaultValue, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .description(description).build();
    }

    /** A repeatable option whose values are strings, in command-line order. */
    static OptionSpec repeatable(String label, String description, String... names) {
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).build();
    }

    /** An option without a value: true when given. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description).build();
    }

    /** A positional parameter; {@code arity} as picocli writes it ({@code 1}, {@code 0..1}, {@code 0..*}). */
    static PositionalParamSpec positional(Class<?> type, String arity, String label, String defaultValue,
                                          String description) {
        PositionalParamSpec.Builder builder = PositionalParamSpec.builder().arity(arity).paramLabel(label)
                .defaultValue(defaultValue).description(description).required(!arity.startsWith("0"));
        if (arity.endsWith("*")) {
            builder.type(List.class).auxiliaryTypes(type);
        } else {
            builder.type(type);
        }
        return builder.build();
    }

    /** The parsed (or default) value of an option; null when it has neither. */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec spec, String name) {
        return (T) spec.findOption(name).getValue();
    }

    /** Whether a flag was given. */
    static boolean given(CommandSpec spec, String name) {
        return Boolean.TRUE.equals(spec.findOption(name).getValue());
    }

    /** The values of a repeatable option, empty when it was not given. */
    static List<String> values(CommandSpec spec, String name) {
        List<String> values = value(spec, name);
        return values == null ? List.of() : values;
    }

    /** The parsed (or default) value of the positional parameter at {@code index}. */
    @SuppressWarnings("unchecked")
    static <T> T positional(CommandSpec spec, int index) {
        return (T) spec.positionalParameters().get(index).getValue();
    }
}
