package dev.gantry.runner.actions.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.FakeContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup actions against fake installations in a tool cache and in the places the finders look,
 * with a probe that answers nothing, so that only the test's toolchains count (besides the JDKs of
 * /usr/lib/jvm, which the Java tests step around).
 */
class SetupActionsTest {

    private static final CommandProbe SILENT = (argv, env, dir) -> Optional.empty();

    @TempDir
    Path dir;

    private FakeContext context() throws IOException {
        FakeContext c = new FakeContext(dir);
        Files.createDirectories(c.workspace());
        Files.createDirectories(c.temp());
        return c;
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path fakeJdk(Path home, String version, String runtime, String vendor) throws IOException {
        executable(home.resolve("bin/java"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"" + vendor + "\"\nJAVA_RUNTIME_VERSION=\"" + runtime
                + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void setupJavaFindsJdksThroughJavaHomeVariablesAndTheToolCache() throws IOException {
        FakeContext c = context();
        Path jdk11 = fakeJdk(dir.resolve("jdks/eleven"), "11.0.22", "11.0.22+7", "Eclipse Adoptium");
        fakeJdk(c.toolCache().resolve("Java_Zulu_jdk/21.0.1-12/x64"), "21.0.1", "21.0.1+12", "Azul Systems, Inc.");
        c.env.put("JAVA_HOME_11_X64", jdk11.toString());

        ActionResult eleven = new SetupJava(SILENT).main(c.with("distribution", "temurin").with("java-version", "11"));

        assertThat(eleven.ok()).isTrue();
        assertThat(c.exported).containsEntry("JAVA_HOME", jdk11.toRealPath().toString())
                .containsEntry("JAVA_HOME_11_" + Toolchains.machineArch().toUpperCase(), jdk11.toRealPath().toString());
        assertThat(c.paths).containsExactly(jdk11.toRealPath().resolve("bin").toString());
        assertThat(c.outputs).containsEntry("version", "11.0.22+7").containsEntry("distribution", "temurin");
        assertThat(c.warnings).isEmpty();

        FakeContext other = context();
        other.env.put("JAVA_HOME_11_X64", jdk11.toString());
        assertThat(new SetupJava(SILENT).main(other.with("distribution", "temurin").with("java-version", "21")).ok())
                .isTrue();
        assertThat(other.outputs.get("version")).isEqualTo("21.0.1+12");
        assertThat(other.warnings).singleElement().asString().contains("distribution 'temurin'", "Azul");
    }

    @Test
    void setupJavaNeedsADistributionAndAVersion() throws IOException {
        assertThat(new SetupJava(SILENT).main(context().with("java-version", "17")).message())
                .isEqualTo("Input required and not supplied: distribution");
        assertThat(new SetupJava(SILENT).main(context().with("distribution", "zulu")).message())
                .isEqualTo("java-version or java-version-file input expected");
    }

    @Test
    void javaVersionFilesAreReadLikeTheOriginal() throws InputError {
        assertThat(SetupJava.versionFromFile("17.0.2+8\n", ".java-version")).isEqualTo("17.0.2");
        assertThat(SetupJava.versionFromFile("nodejs 20\njava temurin-21.0.1+12\n", ".tool-versions")).isEqualTo("21.0.1");
        assertThat(SetupJava.versionFromFile("# sdk\njava=21.0.1-tem\n", ".sdkmanrc")).isEqualTo("21.0.1");
        assertThatThrownBy(() -> SetupJava.versionFromFile("nothing", ".java-version")).isInstanceOf(InputError.class);
    }

    @Test
    void setupNodeResolvesLtsAliasesAmongInstalledVersions() throws IOException, InputError {
        FakeContext c = context();
        for (String v : List.of("18.19.0", "20.11.1", "21.6.0", "22.1.0")) {
            executable(c.toolCache().resolve("node/" + v + "/" + Toolchains.machineArch() + "/bin/node"));
        }
        List<Toolchain> installed = NodeToolchains.find(new Toolchains(c.env, c.toolCache(), c.workspace(), SILENT,
                Toolchains.machineArch()));

        assertThat(SetupNode.pick(installed, "lts/*")).map(t -> t.version().text()).contains("22.1.0");
        assertThat(SetupNode.pick(installed, "lts/-1")).map(t -> t.version().text()).contains("20.11.1");
        assertThat(SetupNode.pick(installed, "lts/hydrogen")).map(t -> t.version().text()).contains("18.19.0");
        assertThat(SetupNode.pick(installed, "lts/gallium")).isEmpty();
        assertThat(SetupNode.pick(installed, "21")).map(t -> t.version().text()).contains("21.6.0");
        assertThatThrownBy(() -> SetupNode.pick(installed, "lts/nonsense")).isInstanceOf(InputError.class);

        assertThat(new SetupNode(SILENT).main(c.with("node-version", "20")).ok()).isTrue();
        assertThat(c.outputs).containsEntry("node-version", "v20.11.1");
        assertThat(new SetupNode(SILENT).main(context().with("node-version", "16")).message())
                .contains("Node.js '16' is not installed", "18.19.0", "22.1.0");
    }

    @Test
    void nodeVersionFilesAreReadLikeTheOriginal() throws InputError {
        assertThat(SetupNode.versionFromFile("v20.11.1\n", ".nvmrc")).isEqualTo("20.11.1");
        assertThat(SetupNode.versionFromFile("# comment\nlts/iron\n", ".nvmrc")).isEqualTo("lts/iron");
        assertThat(SetupNode.versionFromFile("nodejs 18.19.0\n", ".tool-versions")).isEqualTo("18.19.0");
        assertThat(SetupNode.versionFromFile("{\"engines\": {\"node\": \">=18\"}, \"volta\": {\"node\": \"20.1.0\"}}",
                "package.json")).isEqualTo("20.1.0");
        assertThat(SetupNode.versionFromFile("{\"engines\": {\"node\": \">=18\"}}", "package.json")).isEqualTo(">=18");
    }

    @Test
    void setupPythonExportsTheOriginalsVariables() throws IOException {
        FakeContext c = context();
        Path prefix = c.toolCache().resolve("Python/3.12.1/" + Toolchains.machineArch());
        executable(prefix.resolve("bin/python3"));
        executable(Path.of(c.env.get("HOME")).resolve(".pyenv/versions/3.11.7/bin/python3"));
        Files.writeString(c.workspace().resolve(".python-version"), "3.11\n");

        assertThat(new SetupPython(SILENT).main(c).ok()).isTrue();

        Path pyenv = Path.of(c.env.get("HOME")).resolve(".pyenv/versions/3.11.7");
        assertThat(c.outputs).containsEntry("python-version", "3.11.7")
                .containsEntry("python-path", pyenv.resolve("bin/python3").toString());
        assertThat(c.exported).containsEntry("pythonLocation", pyenv.toString())
                .containsEntry("Python3_ROOT_DIR", pyenv.toString())
                .containsEntry("PKG_CONFIG_PATH", pyenv + "/lib/pkgconfig")
                .containsEntry("LD_LIBRARY_PATH", pyenv + "/lib");

        FakeContext ranged = context().with("python-version", ">=3.12");
        assertThat(new SetupPython(SILENT).main(ranged).ok()).isTrue();
        assertThat(ranged.outputs).containsEntry("python-version", "3.12.1");
    }

    @Test
    void goVersionFilesPreferTheToolchainLine() throws InputError {
        assertThat(SetupGo.versionFromFile("module x\n\ngo 1.21\n\ntoolchain go1.22.3\n", "go.mod")).isEqualTo("1.22.3");
        assertThat(SetupGo.versionFromFile("module x\ngo 1.21.5\n", "go.mod")).isEqualTo("1.21.5");
        assertThat(SetupGo.versionFromFile("1.22\n", ".go-version")).isEqualTo("1.22");
    }

    @Test
    void setupGoFindsAGorootByItsVersionFileAndWarnsWithoutGoSum() throws IOException {
        FakeContext c = context();
        Path root = c.toolCache().resolve("go/1.22.3/" + Toolchains.machineArch());
        executable(root.resolve("bin/go"));
        Files.writeString(root.resolve("VERSION"), "go1.22.3\ntime 2024-05-01\n");

        assertThat(new SetupGo(SILENT, 5).main(c.with("go-version", "1.22")).ok()).isTrue();

        assertThat(c.outputs).containsEntry("go-version", "1.22.3");
        assertThat(c.paths).contains(root.resolve("bin").toString());
        assertThat(c.warnings).anyMatch(w -> w.contains("Supported file pattern: go.sum"));
    }

    @Test
    void setupJavaWithoutSetDefaultLeavesJavaHomeAndPathAlone() throws IOException {
        FakeContext c = context();
        Path jdk = fakeJdk(dir.resolve("jdks/eleven"), "11.0.22", "11.0.22+7", "Eclipse Adoptium");
        c.env.put("JAVA_HOME_11_X64", jdk.toString());

        assertThat(new SetupJava(SILENT).main(c.with("distribution", "temurin").with("java-version", "11")
                .with("set-default", "false")).ok()).isTrue();

        assertThat(c.exported).doesNotContainKey("JAVA_HOME")
                .containsEntry("JAVA_HOME_11_" + Toolchains.machineArch().toUpperCase(), jdk.toRealPath().toString());
        assertThat(c.paths).isEmpty();
        assertThat(c.outputs).containsEntry("path", jdk.toRealPath().toString());
    }

    @Test
    void setupJava5QuietsMavenDownloadsUnlessShowDownloadProgress() throws IOException {
        Path jdk = fakeJdk(dir.resolve("jdks/eleven"), "11.0.22", "11.0.22+7", "Eclipse Adoptium");
        FakeContext v5 = context().with("distribution", "temurin").with("java-version", "11");
        v5.env.put("JAVA_HOME_11_X64", jdk.toString());
        v5.env.put("MAVEN_ARGS", "-B");
        assertThat(new SetupJava(SILENT, 5).main(v5).ok()).isTrue();
        assertThat(v5.exported).containsEntry("MAVEN_ARGS", "-B -ntp");

        FakeContext already = context().with("distribution", "temurin").with("java-version", "11");
        already.env.put("JAVA_HOME_11_X64", jdk.toString());
        already.env.put("MAVEN_ARGS", "--no-transfer-progress");
        new SetupJava(SILENT, 5).main(already);
        assertThat(already.exported).doesNotContainKey("MAVEN_ARGS");

        FakeContext shown = context().with("distribution", "temurin").with("java-version", "11")
                .with("show-download-progress", "true");
        shown.env.put("JAVA_HOME_11_X64", jdk.toString());
        new SetupJava(SILENT, 5).main(shown);
        assertThat(shown.exported).doesNotContainKey("MAVEN_ARGS");

        FakeContext v4 = context().with("distribution", "temurin").with("java-version", "11");
        v4.env.put("JAVA_HOME_11_X64", jdk.toString());
        new SetupJava(SILENT, 4).main(v4);
        assertThat(v4.exported).doesNotContainKey("MAVEN_ARGS");
    }

    @Test
    void setupJavaRefusesTheDeprecatedJdkFileInputLikeJdkFile() throws IOException {
        assertThat(new SetupJava(SILENT).main(context().with("distribution", "temurin").with("java-version", "11")
                .with("jdkFile", "jdk.tar.gz")).message()).contains("jdk-file", "not supported");
    }

    @Test
    void setupJavaSetsTheCachePrimaryKeyOutput() throws IOException {
        Path jdk = fakeJdk(dir.resolve("jdks/eleven"), "11.0.22", "11.0.22+7", "Eclipse Adoptium");
        FakeContext c = context().with("distribution", "temurin").with("java-version", "11").with("cache", "maven");
        c.env.put("JAVA_HOME_11_X64", jdk.toString());
        Files.writeString(c.workspace().resolve("pom.xml"), "<project/>");
        assertThat(new SetupJava(SILENT).main(c).ok()).isTrue();
        assertThat(c.outputs.get("cache-primary-key")).startsWith("setup-java-").contains("-maven-");
        assertThat(c.outputs).containsEntry("cache-hit", "false");
    }

    private FakeContext goContext() throws IOException {
        FakeContext c = context();
        Path root = c.toolCache().resolve("go/1.22.3/" + Toolchains.machineArch());
        executable(root.resolve("bin/go"));
        Files.writeString(root.resolve("VERSION"), "go1.22.3\n");
        return c.with("go-version", "1.22");
    }

    @Test
    void setupGo6KeepsTheLocalToolchainAndHashesGoModByDefault() throws IOException {
        FakeContext v6 = goContext();
        assertThat(new SetupGo(SILENT, 6).main(v6).ok()).isTrue();
        assertThat(v6.exported).containsEntry("GOTOOLCHAIN", "local");
        assertThat(v6.warnings).anyMatch(w -> w.endsWith("Supported file pattern: go.mod"));

        FakeContext v5 = goContext();
        assertThat(new SetupGo(SILENT, 5).main(v5).ok()).isTrue();
        assertThat(v5.exported).doesNotContainKey("GOTOOLCHAIN");
        assertThat(v5.warnings).anyMatch(w -> w.endsWith("Supported file pattern: go.sum"));
    }

    private FakeContext nodeContext() throws IOException {
        FakeContext c = context();
        executable(c.toolCache().resolve("node/20.11.1/" + Toolchains.machineArch() + "/bin/node"));
        return c.with("node-version", "20");
    }

    @Test
    void setupNodeSetsTheCacheKeyOutputs() throws IOException {
        FakeContext c = nodeContext().with("cache", "npm");
        Files.writeString(c.workspace().resolve("package-lock.json"), "{}");
        assertThat(new SetupNode(SILENT).main(c).ok()).isTrue();
        assertThat(c.outputs.get("cache-primary-key")).startsWith("node-cache-").endsWith(
                c.outputs.get("cache-primary-key").substring(c.outputs.get("cache-primary-key").lastIndexOf('-')));
        assertThat(c.outputs).containsEntry("cache-hit", "false").containsEntry("cache-matched-key", "");
    }

    @Test
    void setupNode5CachesNpmWhenPackageJsonNamesIt() throws IOException {
        FakeContext auto = nodeContext();
        Files.writeString(auto.workspace().resolve("package.json"), "{\"packageManager\": \"npm@10.8.1\"}");
        Files.writeString(auto.workspace().resolve("package-lock.json"), "{}");
        assertThat(new SetupNode(SILENT, 5).main(auto).ok()).isTrue();
        assertThat(auto.outputs).containsKey("cache-primary-key");

        FakeContext off = nodeContext().with("package-manager-cache", "false");
        Files.writeString(off.workspace().resolve("package.json"), "{\"packageManager\": \"npm@10.8.1\"}");
        assertThat(new SetupNode(SILENT, 5).main(off).ok()).isTrue();
        assertThat(off.outputs).doesNotContainKey("cache-primary-key");

        FakeContext v4 = nodeContext();
        Files.writeString(v4.workspace().resolve("package.json"), "{\"packageManager\": \"npm@10.8.1\"}");
        assertThat(new SetupNode(SILENT, 4).main(v4).ok()).isTrue();
        assertThat(v4.outputs).doesNotContainKey("cache-primary-key");

        assertThat(SetupNode.npmIsThePackageManager(write("{\"devEngines\": {\"packageManager\": [{\"name\": \"npm\"}]}}")))
                .isTrue();
        assertThat(SetupNode.npmIsThePackageManager(write("{\"packageManager\": \"pnpm@9.0.0\"}"))).isFalse();
        assertThat(SetupNode.npmIsThePackageManager(dir.resolve("missing.json"))).isFalse();
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "package", ".json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void setupPythonWithoutUpdateEnvironmentChangesNeitherPathNorVariables() throws IOException {
        FakeContext c = context().with("python-version", "3.12").with("update-environment", "false");
        Path prefix = c.toolCache().resolve("Python/3.12.1/" + Toolchains.machineArch());
        executable(prefix.resolve("bin/python3"));
        executable(prefix.resolve("bin/python"));

        assertThat(new SetupPython(SILENT).main(c).ok()).isTrue();

        assertThat(c.paths).isEmpty();
        assertThat(c.exported).isEmpty();
        assertThat(c.outputs).containsEntry("python-version", "3.12.1")
                .containsEntry("python-path", prefix.resolve("bin/python").toString());
    }

    @Test
    void setupPythonWarnsAboutWhatNeedsADownload() throws IOException {
        FakeContext c = context().with("python-version", "3.12").with("freethreaded", "true");
        executable(c.toolCache().resolve("Python/3.12.1/" + Toolchains.machineArch() + "/bin/python3"));
        assertThat(new SetupPython(SILENT).main(c).ok()).isTrue();
        assertThat(c.warnings).anyMatch(w -> w.startsWith("setup-python: freethreaded:"));
    }

    /** A python3 in the tool cache that prints its arguments and fails when one of them is "missing". */
    private Path fakePython(FakeContext c) throws IOException {
        Path python = executable(c.toolCache().resolve("Python/3.12.1/" + Toolchains.machineArch() + "/bin/python3"));
        Files.writeString(python, """
                #!/bin/sh
                echo "pip called with: $*"
                case " $* " in *" missing "*) echo "ERROR: No matching distribution found for missing"; exit 1;; esac
                """);
        return python;
    }

    @Test
    void setupPythonRunsPipForPipVersionAndPipInstall() throws IOException {
        FakeContext c = context().with("python-version", "3.12").with("pip-version", "24.0")
                .with("pip-install", "flake8  -r requirements.txt");
        fakePython(c);

        assertThat(new SetupPython(SILENT).main(c).ok()).isTrue();

        assertThat(c.lines).containsSubsequence("pip called with: -m pip install pip==24.0",
                "pip called with: -m pip install flake8 -r requirements.txt", "Successfully installed pip packages");
        assertThat(c.warnings).noneMatch(w -> w.contains("pip"));
    }

    @Test
    void setupPythonFailsWhenPipInstallFails() throws IOException {
        FakeContext c = context().with("python-version", "3.12").with("pip-install", "missing");
        fakePython(c);

        ActionResult result = new SetupPython(SILENT).main(c);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("failed to install pip packages from \"missing\"");
        assertThat(c.lines).contains("ERROR: No matching distribution found for missing");
    }

    /** A context with a uv in the tool cache. */
    private FakeContext uvContext() throws IOException {
        FakeContext c = context();
        executable(c.toolCache().resolve("uv/0.5.11/" + Toolchains.machineArch() + "/uv"));
        return c;
    }

    /** A probe answering as uv and its Python would; records what it was asked in {@code asked}. */
    private static CommandProbe uvProbe(List<List<String>> asked) {
        return (argv, env, dir) -> {
            asked.add(argv);
            if (argv.size() == 2 && argv.get(1).equals("--version")) {
                return Optional.of(argv.getFirst().endsWith("uv") ? "uv 0.5.11 (abc 2024-12-01)" : "Python 3.12.8");
            }
            if (argv.contains("find")) {
                return Optional.of("/opt/py/bin/python3\n");
            }
            return argv.contains("venv") ? Optional.of("") : Optional.empty();
        };
    }

    @Test
    void setupUvCreatesTheVenvAtVenvPathAndReportsThePythonVersion() throws IOException {
        List<List<String>> asked = new java.util.ArrayList<>();
        FakeContext c = uvContext().with("activate-environment", "true").with("venv-path", "envs/main")
                .with("working-directory", "app").with("no-project", "true");

        assertThat(new SetupUv(uvProbe(asked)).main(c).ok()).isTrue();

        Path venv = c.workspace().resolve("app/envs/main");
        assertThat(asked).anyMatch(argv -> argv.subList(1, argv.size()).equals(List.of("venv", venv.toString(),
                "--directory", c.workspace().resolve("app").toString(), "--clear", "--no-project")));
        assertThat(c.exported).containsEntry("VIRTUAL_ENV", venv.toString());
        assertThat(c.outputs).containsEntry("venv", venv.toString()).containsEntry("python-version", "3.12.8");

        FakeContext given = uvContext().with("python-version", "3.11").with("venv-path", "x");
        assertThat(new SetupUv(uvProbe(asked)).main(given).ok()).isTrue();
        assertThat(given.outputs).containsEntry("python-version", "3.11");
        assertThat(given.warnings).contains("venv-path is only used when activate-environment is true");
    }

    @Test
    void setupUvSetsTheCacheKeyOutputAndHonoursSaveCache() throws IOException {
        List<List<String>> asked = new java.util.ArrayList<>();
        FakeContext c = uvContext().with("enable-cache", "true").with("save-cache", "false");
        assertThat(new SetupUv(uvProbe(asked)).main(c).ok()).isTrue();
        assertThat(c.outputs.get("cache-key")).startsWith("setup-uv-1-");
        assertThat(c.state.get(DependencyCache.STATE_PRIMARY_KEY)).isEmpty();
    }

    @Test
    void setupGoWithoutAVersionUsesTheGoOnPath() throws IOException {
        FakeContext c = context();
        for (String v : List.of("1.21.9", "1.23.1")) {
            Path root = c.toolCache().resolve("go/" + v + "/" + Toolchains.machineArch());
            executable(root.resolve("bin/go"));
            Files.writeString(root.resolve("VERSION"), "go" + v + "\n");
        }
        c.env.put("PATH", c.toolCache().resolve("go/1.21.9/" + Toolchains.machineArch() + "/bin").toString());

        assertThat(new SetupGo(SILENT).main(c).ok()).isTrue();

        assertThat(c.outputs).containsEntry("go-version", "1.21.9");
    }

    @Test
    void setupJava5TakesTheDistributionFromSdkmanAndAsdfVersionFiles() throws IOException {
        assertThat(SetupJava.distributionFromFile("java=21.0.1-tem\n", ".sdkmanrc")).contains("temurin");
        assertThat(SetupJava.distributionFromFile("java zulu-21.0.1\n", ".tool-versions")).contains("zulu");
        assertThat(SetupJava.distributionFromFile("21\n", ".java-version")).isEmpty();

        Path jdk = fakeJdk(dir.resolve("jdks/eleven"), "11.0.22", "11.0.22+7", "Eclipse Adoptium");
        FakeContext c = context().with("java-version-file", ".sdkmanrc");
        c.env.put("JAVA_HOME_11_X64", jdk.toString());
        Files.writeString(c.workspace().resolve(".sdkmanrc"), "java=11.0.22-tem\n");
        assertThat(new SetupJava(SILENT, 5).main(c).ok()).isTrue();
        assertThat(c.outputs).containsEntry("distribution", "temurin");

        FakeContext plain = context().with("java-version-file", ".java-version");
        Files.writeString(plain.workspace().resolve(".java-version"), "11\n");
        assertThat(new SetupJava(SILENT, 5).main(plain).message())
                .isEqualTo("distribution input is required when not specified in the version file");
        assertThat(new SetupJava(SILENT, 4).main(c).message()).isEqualTo("Input required and not supplied: distribution");
    }

    @Test
    void setupNodeWarnsThatAnArchitectureWithoutAVersionChangesNothing() throws IOException {
        FakeContext c = context().with("architecture", "x86");
        new SetupNode(SILENT).main(c);
        assertThat(c.warnings).anyMatch(w -> w.startsWith("`architecture` is provided but `node-version` is missing."));
    }
}
