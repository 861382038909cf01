package dev.gantry.runner.actions.setup;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.ActionVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * actions/setup-java (github.com/actions/setup-java, README, docs/advanced-usage.md and action.yml):
 * chooses an installed JDK ({@link JavaToolchains}) for {@code java-version} (a version or range, one
 * per line for several: the last becomes the default) or {@code java-version-file}
 * ({@code .java-version}, {@code .tool-versions}, {@code .sdkmanrc}); exports {@code JAVA_HOME},
 * {@code JAVA_HOME_<major>_<ARCH>} and PATH; outputs {@code distribution}, {@code version},
 * {@code path} and, with {@code cache:}, {@code cache-hit}.
 *
 * <p>From v5 on (README, "V5" and "Inputs"): {@code set-default: false} exports only
 * {@code JAVA_HOME_<major>_<ARCH>} (not {@code JAVA_HOME} nor PATH; this also holds for the
 * earlier majors here, which do not have the input); {@code MAVEN_ARGS} gets {@code -ntp} unless
 * {@code show-download-progress: true}; with {@code cache:}, output {@code cache-primary-key}.
 * {@code jdkFile} is the deprecated name of {@code jdk-file}.
 *
 * <p>{@code distribution} is required as in the original (from v5, a {@code .sdkmanrc} or
 * {@code .tool-versions} naming the vendor supplies it) but any installed JDK may serve it: a
 * warning says when its vendor differs. {@code cache: maven|gradle|sbt} restores and saves the
 * original's paths under the original's key ({@code setup-java-<OS>-<arch>-<manager>-<hash>}).
 * Not done locally: writing {@code ~/.m2/settings.xml} and {@code toolchains.xml} (they would
 * overwrite the user's own), GPG key import, downloads ({@code check-latest}, {@code jdk-file}).
 */
public final class SetupJava implements CachingSetupAction {

    private static final Pattern TOOL_VERSIONS = Pattern.compile("(?m)^java\\s+(?:([a-z]+)-)?(\\S+)");
    private static final Pattern SDKMANRC = Pattern.compile("(?m)^java\\s*=\\s*([^-\\s]+)");
    private static final Pattern SDKMAN_VENDOR = Pattern.compile("(?m)^java\\s*=\\s*[^-\\s]+-(\\S+)");
    /** SDKMAN's vendor identifiers and the distribution names setup-java gives them. */
    private static final Map<String, String> SDKMAN_VENDORS = Map.ofEntries(Map.entry("tem", "temurin"),
            Map.entry("sem", "semeru"), Map.entry("albba", "dragonwell"), Map.entry("zulu", "zulu"),
            Map.entry("amzn", "corretto"), Map.entry("graal", "graalvm"), Map.entry("graalce", "graalvm"),
            Map.entry("librca", "liberica"), Map.entry("ms", "microsoft"), Map.entry("oracle", "oracle"),
            Map.entry("sapmchn", "sapmachine"), Map.entry("jbr", "jetbrains"), Map.entry("dragonwell", "dragonwell"),
            Map.entry("kona", "kona"));
    /** asdf-java's vendor prefixes and the distribution names setup-java gives them. */
    private static final Map<String, String> ASDF_VENDORS = Map.ofEntries(Map.entry("temurin", "temurin"),
            Map.entry("adoptopenjdk", "temurin"), Map.entry("ibm", "semeru"),
            Map.entry("zulu", "zulu"), Map.entry("corretto", "corretto"), Map.entry("liberica", "liberica"),
            Map.entry("microsoft", "microsoft"), Map.entry("semeru", "semeru"), Map.entry("dragonwell", "dragonwell"),
            Map.entry("graalvm", "graalvm"), Map.entry("oracle", "oracle"), Map.entry("sapmachine", "sapmachine"),
            Map.entry("kona", "kona"), Map.entry("jetbrains", "jetbrains"));
    private static final Pattern PLAIN = Pattern.compile("(?:^|\\s|-)(\\d+\\S*)");

    private final CommandProbe probe;
    private final int major;

    /** setup-java at its newest major version. */
    public SetupJava(CommandProbe probe) {
        this(probe, ActionVersion.LATEST);
    }

    /** @param major the major version the workflow names (see {@link ActionVersion}) */
    public SetupJava(CommandProbe probe, int major) {
        this.probe = probe;
        this.major = major;
    }

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String distribution = in.string("distribution", "");
            if (distribution.equalsIgnoreCase("jdkfile") || !in.string("jdk-file", in.string("jdkFile", "")).isEmpty()) {
                return ActionResult.failure("setup-java: installing a JDK from a file (jdk-file) is not supported by"
                        + " gantry, which uses the JDKs installed on this machine");
            }
            String pkg = in.string("java-package", "jdk");
            if (!pkg.startsWith("jdk") && !pkg.startsWith("jre")) {
                throw new InputError("java-package should be 'jdk', 'jre', 'jdk+fx' or 'jre+fx', not '" + pkg + "'");
            }
            List<String> versions = in.lines("java-version");
            if (versions.isEmpty()) {
                String file = in.string("java-version-file", "");
                if (file.isEmpty()) {
                    if (distribution.isEmpty()) {
                        throw new InputError("Input required and not supplied: distribution");
                    }
                    throw new InputError("java-version or java-version-file input expected");
                }
                String content = SetupSupport.readVersionFile(context, "java-version-file", file);
                versions = List.of(versionFromFile(content, file));
                Optional<String> named = major >= 5 ? distributionFromFile(content, file) : Optional.empty();
                if (named.isPresent()) {
                    context.log("Using distribution '" + named.get() + "' from " + file);
                    distribution = named.get();
                } else if (distribution.isEmpty()) {
                    throw new InputError(major >= 5 ? "distribution input is required when not specified in the"
                            + " version file" : "Input required and not supplied: distribution");
                }
            } else if (distribution.isEmpty()) {
                throw new InputError("Input required and not supplied: distribution");
            }
            String arch = in.string("architecture", Toolchains.machineArch());
            Toolchains where = new Toolchains(context.env(), context.toolCache(), context.workspace(), probe, arch);
            List<Toolchain> installed = JavaToolchains.find(where);
            List<Toolchain> chosen = new ArrayList<>();
            for (String version : versions) {
                Optional<Toolchain> jdk = Toolchains.pick(installed, SetupSupport.spec(version, "Java"), false);
                if (jdk.isEmpty()) {
                    return ActionResult.failure(Toolchains.notInstalled("Java", version, installed,
                            context.toolCache().resolve("Java_Temurin-Hotspot_jdk/<version>/" + arch).toString()));
                }
                chosen.add(jdk.get());
            }
            for (Toolchain jdk : chosen) {
                context.exportVariable("JAVA_HOME_" + jdk.version().major() + "_" + arch.toUpperCase(Locale.ROOT),
                        jdk.home().toString());
                String vendor = JavaToolchains.distribution(jdk.vendor());
                if (!vendor.equalsIgnoreCase(distribution)) {
                    context.warning("setup-java: distribution '" + distribution + "' was asked for; gantry uses the"
                            + " installed JDK " + jdk.describe() + (jdk.vendor().isEmpty() ? "" : " by " + jdk.vendor()));
                }
                context.log("Java " + jdk.version().text() + " was found at " + jdk.home());
            }
            Toolchain jdk = chosen.getLast();
            if (in.bool("set-default", true)) {
                context.exportVariable("JAVA_HOME", jdk.home().toString());
                SetupSupport.addToPath(context, jdk);
            }
            context.setOutput("distribution", distribution);
            context.setOutput("path", jdk.home().toString());
            context.setOutput("version", jdk.version().text());
            context.debug("setup-java: ~/.m2/settings.xml and toolchains.xml are left as they are");
            if (major >= 5 && !in.bool("show-download-progress", false)) {
                quietMaven(context);
            }
            String cache = in.string("cache", "");
            if (!cache.isEmpty()) {
                restoreCache(context, in, cache);
            }
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("setup-java: the cache could not be restored: " + e.getMessage());
        }
    }

    private void restoreCache(ActionContext context, ActionInputs in, String manager) throws InputError, IOException {
        String home = ActionInputs.home(context.env()).toString();
        List<String> paths;
        List<String> patterns;
        switch (manager) {
            case "maven" -> {
                paths = List.of(home + "/.m2/repository");
                patterns = List.of("**/pom.xml", "**/.mvn/wrapper/maven-wrapper.properties", "**/.mvn/extensions.xml");
            }
            case "gradle" -> {
                paths = List.of(home + "/.gradle/caches", home + "/.gradle/wrapper");
                patterns = List.of("**/*.gradle*", "**/gradle-wrapper.properties", "buildSrc/**/Versions.kt",
                        "buildSrc/**/Dependencies.kt", "gradle/*.versions.toml", "**/versions.properties");
            }
            case "sbt" -> {
                paths = List.of(home + "/.ivy2/cache", home + "/.sbt", home + "/.cache/coursier",
                        "!" + home + "/.sbt/*.lock", "!" + home + "/**/ivydata-*.properties");
                patterns = List.of("**/*.sbt", "**/project/build.properties", "**/project/**.scala", "**/project/**.sbt");
            }
            default -> throw new InputError("unknown package manager specified: " + manager);
        }
        List<String> custom = in.lines("cache-dependency-path");
        List<String> hashed = custom.isEmpty() ? patterns : custom;
        String hash = DependencyCache.hashFiles(context.workspace(), hashed);
        if (hash.isEmpty()) {
            throw new InputError("No file in " + context.workspace() + " matched to [" + String.join(",", hashed)
                    + "], make sure you have checked out the target repository");
        }
        String key = "setup-java-" + SetupSupport.runnerOs(context) + "-" + Toolchains.machineArch() + "-" + manager
                + "-" + hash;
        if (major >= 5) {
            context.setOutput("cache-primary-key", key);
        }
        DependencyCache.restore(context, key, paths);
    }

    /**
     * Adds {@code -ntp} to {@code MAVEN_ARGS} unless it already holds {@code -ntp} or
     * {@code --no-transfer-progress} (README, "Inputs": {@code show-download-progress}, from v5).
     */
    private static void quietMaven(ActionContext context) {
        String existing = context.env().getOrDefault("MAVEN_ARGS", "").strip();
        List<String> args = List.of(existing.split("\\s+"));
        if (args.contains("-ntp") || args.contains("--no-transfer-progress")) {
            return;
        }
        context.exportVariable("MAVEN_ARGS", existing.isEmpty() ? "-ntp" : existing + " -ntp");
        context.log("Configured MAVEN_ARGS to include -ntp to suppress Maven transfer progress logs."
                + " Set 'show-download-progress: true' to keep the download progress output.");
    }

    /**
     * The distribution a version file names from v5 on (README, "V5": "automatic distribution
     * detection from SDKMAN and asdf vendor identifiers"): the vendor suffix of {@code .sdkmanrc}'s
     * {@code java=21.0.1-tem}, the vendor prefix of {@code .tool-versions}' {@code java temurin-21.0.1};
     * empty for other files and unknown vendors.
     */
    static Optional<String> distributionFromFile(String content, String file) {
        String name = file.replaceFirst(".*/", "");
        if (name.equals(".sdkmanrc")) {
            Matcher m = SDKMAN_VENDOR.matcher(content);
            return m.find() ? Optional.ofNullable(SDKMAN_VENDORS.get(m.group(1).toLowerCase(Locale.ROOT)))
                    : Optional.empty();
        }
        if (name.equals(".tool-versions")) {
            Matcher m = TOOL_VERSIONS.matcher(content);
            if (m.find() && m.group(1) != null) {
                return Optional.ofNullable(ASDF_VENDORS.get(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    /** The version a version file names, as setup-java reads {@code .java-version}, {@code .tool-versions}, {@code .sdkmanrc}. */
    static String versionFromFile(String content, String file) throws InputError {
        String name = file.replaceFirst(".*/", "");
        Matcher m = name.equals(".tool-versions") ? TOOL_VERSIONS.matcher(content)
                : name.equals(".sdkmanrc") ? SDKMANRC.matcher(content) : PLAIN.matcher(content);
        if (!m.find()) {
            throw new InputError("No supported version was found in file " + file);
        }
        String version = name.equals(".tool-versions") ? m.group(2) : m.group(1);
        // setup-java keeps the numbers only: "17.0.2+8-LTS" asks for 17.0.2.
        return version.replaceFirst("^(\\d+(?:\\.\\d+)*).*$", "$1");
    }
}
