package dev.gantry.runner.actions.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDKs installed here: {@code JAVA_HOME} and {@code JAVA_HOME_<major>_<ARCH>} variables (the
 * hosted runners' convention), {@code /usr/lib/jvm}, {@code /opt/java}, {@code /opt/jdk*},
 * {@code /usr/java}, SDKMAN's and IntelliJ's folders, macOS's {@code JavaVirtualMachines}, the tool
 * cache ({@code Java_<Distribution>_jdk/<version>/<arch>}) and the {@code java} on PATH. A JDK is
 * read from its {@code release} file without starting it: the version from
 * {@code JAVA_RUNTIME_VERSION} (as setup-java reports it: {@code 17.0.15+6}), the vendor from
 * {@code IMPLEMENTOR}.
 */
final class JavaToolchains {

    private static final Pattern JAVA_HOME_VARIABLE = Pattern.compile("JAVA_HOME_\\d+_[A-Z0-9]+");
    private static final Pattern RUNTIME_VERSION = Pattern.compile("^(\\d+(?:\\.\\d+)*)(?:\\+(\\d+))?");

    private JavaToolchains() {
    }

    static List<Toolchain> find(Toolchains where) {
        List<Path> homes = new ArrayList<>();
        for (Map.Entry<String, String> e : where.env().entrySet()) {
            if ((e.getKey().equals("JAVA_HOME") || JAVA_HOME_VARIABLE.matcher(e.getKey()).matches())
                    && !e.getValue().isBlank()) {
                homes.add(Path.of(e.getValue()));
            }
        }
        Path home = where.home();
        for (Path parent : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/usr/java"),
                Path.of("/usr/local/java"), home.resolve(".sdkman/candidates/java"), home.resolve(".jdks"))) {
            homes.addAll(Toolchains.children(parent));
        }
        for (Path p : Toolchains.children(Path.of("/opt"))) {
            if (p.getFileName().toString().startsWith("jdk")) {
                homes.add(p);
            }
        }
        for (Path p : Toolchains.children(Path.of("/Library/Java/JavaVirtualMachines"))) {
            homes.add(p.resolve("Contents/Home"));
        }
        where.inToolCache(name -> name.startsWith("java_")).forEach(e -> homes.add(e.getValue()));
        for (Path java : where.onPath("java")) {
            try {
                Path real = java.toRealPath();
                if (real.getParent() != null && real.getParent().getParent() != null) {
                    homes.add(real.getParent().getParent());
                }
            } catch (IOException e) {
                // a broken link on PATH
            }
        }
        List<Toolchain> found = new ArrayList<>();
        for (Path h : homes) {
            Toolchain t = read(h);
            if (t != null) {
                found.add(t);
            }
        }
        return Toolchains.distinct(found);
    }

    /** The JDK in {@code home}, or null when it is not one (no {@code bin/java} or no {@code release}). */
    static Toolchain read(Path home) {
        Path java = home.resolve("bin/java");
        Path release = home.resolve("release");
        if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
            return null;
        }
        String version = null;
        String runtime = null;
        String vendor = "";
        try {
            for (String line : Files.readAllLines(release)) {
                String value = line.replaceFirst("^[A-Z_]+=\"?", "").replaceFirst("\"$", "");
                if (line.startsWith("JAVA_VERSION=")) {
                    version = value;
                } else if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                    runtime = value;
                } else if (line.startsWith("IMPLEMENTOR=")) {
                    vendor = value;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String shown = version;
        if (runtime != null) {
            Matcher m = RUNTIME_VERSION.matcher(runtime);
            if (m.find()) {
                shown = m.group(1) + (m.group(2) != null ? "+" + m.group(2) : "");
            }
        }
        ToolVersion parsed = shown == null ? null : ToolVersion.parse(shown);
        if (parsed == null) {
            return null;
        }
        Path real;
        try {
            real = home.toRealPath(); // /usr/lib/jvm has aliases (java-1.17.0-openjdk-amd64): name the JDK itself
        } catch (IOException e) {
            return null;
        }
        return new Toolchain(parsed, real, real.resolve("bin/java"), vendor);
    }

    /** The setup-java distribution a JDK's IMPLEMENTOR corresponds to, or "" when none does. */
    static String distribution(String implementor) {
        String v = implementor.toLowerCase(Locale.ROOT);
        if (v.contains("adoptium") || v.contains("adoptopenjdk")) {
            return "temurin";
        }
        if (v.contains("amazon")) {
            return "corretto";
        }
        if (v.contains("azul")) {
            return "zulu";
        }
        if (v.contains("bellsoft")) {
            return "liberica";
        }
        if (v.contains("microsoft")) {
            return "microsoft";
        }
        if (v.contains("sap")) {
            return "sapmachine";
        }
        if (v.contains("alibaba")) {
            return "dragonwell";
        }
        if (v.contains("graalvm")) {
            return "graalvm";
        }
        if (v.contains("jetbrains")) {
            return "jetbrains";
        }
        if (v.contains("tencent")) {
            return "kona";
        }
        if (v.contains("oracle")) {
            return "oracle";
        }
        return "";
    }
}
