package dev.gantry.runner.actions.docker;

import dev.gantry.runner.container.ContainerException;
import dev.gantry.runner.container.ContainerRuntime;
import dev.gantry.runner.container.PullPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes a docker action's image present. An image reference is pulled by the run's policy. A
 * Dockerfile is built through the engine (as GitHub's runner builds it in "Set up job", docs.github.com
 * "Creating a Docker container action") and tagged {@code gantry-action/NAME:HASH}, where NAME comes
 * from the action's key and HASH from the content of the build folder; when that tag exists the
 * build is skipped, so an action is built once per version and content, and a local action that was
 * edited is built again. Images stay on the engine as a cache shared by runs.
 */
final class ActionImages {

    /** The repository part of the tags of built action images. */
    static final String REPOSITORY = "gantry-action/";

    private ActionImages() {
    }

    /** The reference of the ready image. */
    static String prepare(DockerImageSource source, ContainerRuntime runtime, PullPolicy policy, Consumer<String> log)
            throws ContainerException {
        return switch (source) {
            case DockerImageSource.Image image -> {
                runtime.pull(image.reference(), policy);
                yield image.reference();
            }
            case DockerImageSource.Dockerfile dockerfile -> build(dockerfile, runtime, log);
        };
    }

    private static String build(DockerImageSource.Dockerfile source, ContainerRuntime runtime, Consumer<String> log)
            throws ContainerException {
        Path dockerfile = source.dockerfile();
        if (!Files.isRegularFile(dockerfile)) {
            throw new ContainerException("the action's Dockerfile " + dockerfile + " does not exist");
        }
        if (!dockerfile.getFileName().toString().equals("Dockerfile")) {
            throw new ContainerException("cannot build " + dockerfile + ": gantry builds docker actions from a file"
                    + " named Dockerfile only");
        }
        Path context = dockerfile.getParent();
        String tag = REPOSITORY + name(source.actionKey()) + ":" + contentHash(context);
        if (runtime.imageExists(tag)) {
            log.accept("Using the image built before for " + source.actionKey() + " (" + tag + ")");
            return tag;
        }
        log.accept("Building the image of " + source.actionKey() + " (" + tag + ")");
        runtime.build(context, tag, log);
        return tag;
    }

    /**
     * A repository name the engine accepts: lower-case letters and digits, single dashes between
     * them ({@code ./.github/actions/Lint} becomes {@code github-actions-lint}).
     */
    static String name(String actionKey) {
        String s = actionKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 100) {
            s = s.substring(0, 100).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "action" : s;
    }

    /**
     * The first 16 hex digits of a SHA-256 over the folder's files in path order: each file's
     * relative path, whether it is executable, and its bytes (a symbolic link: its target). The
     * {@code .git} folder does not count.
     */
    static String contentHash(Path folder) throws ContainerException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !folder.relativize(p).toString().startsWith(".git/"))
                    .sorted().toList();
            for (Path file : files) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                digest.update(relative.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (Files.isSymbolicLink(file)) {
                    digest.update(("link:" + Files.readSymbolicLink(file)).getBytes(StandardCharsets.UTF_8));
                } else {
                    digest.update((byte) (Files.isExecutable(file) ? 1 : 0));
                    try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
                digest.update((byte) 0);
            }
        } catch (IOException e) {
            throw new ContainerException("cannot read the action's folder " + folder + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
