package dev.gantry.github.action;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The action a step's {@code uses:} names ("Workflow syntax for GitHub Actions#jobs.&lt;job_id&gt;.steps[*].uses"):
 * {@code ./path} in the workspace, {@code $/path} in the workflow's own repository at the running
 * commit, {@code {owner}/{repo}[/{path}]@{ref}} in a repository, or {@code docker://{image}}.
 */
public sealed interface ActionRef {

    /** The reference as the workflow writes it. */
    String text();

    /**
     * An action in the workspace ("#example-using-an-action-in-the-same-repository-as-the-workflow").
     *
     * @param path the folder, relative to the workspace, as written (starting with {@code ./})
     */
    record Local(String path) implements ActionRef {
        @Override
        public String text() {
            return path;
        }
    }

    /**
     * An action of the workflow's own repository at the running commit, which needs no checkout: the
     * self repository reference ("Using pre-written building blocks in your workflow#Adding an action
     * from the same repository"; GitHub changelog 2026-07-30).
     *
     * @param path the folder, relative to the repository root, without the leading {@code $/}
     */
    record Self(String path) implements ActionRef {
        @Override
        public String text() {
            return "$/" + path;
        }
    }

    /**
     * An action in a repository ("#example-using-a-public-action-in-a-subdirectory").
     *
     * @param owner the repository's owner
     * @param repo  the repository's name
     * @param path  the folder inside the repository, without slashes around it; "" for its root
     * @param ref   a tag, a branch or a commit SHA
     */
    record Remote(String owner, String repo, String path, String ref) implements ActionRef {
        @Override
        public String text() {
            return owner + "/" + repo + (path.isEmpty() ? "" : "/" + path) + "@" + ref;
        }

        /** {@code owner/repo}. */
        public String repository() {
            return owner + "/" + repo;
        }
    }

    /**
     * A published container image ("#example-using-a-docker-hub-action").
     *
     * @param image the image, for example {@code alpine:3.20}
     */
    record DockerImage(String image) implements ActionRef {
        @Override
        public String text() {
            return "docker://" + image;
        }
    }

    /** {@code owner/repo[/path]@ref}; the path keeps inner slashes. */
    Pattern REMOTE = Pattern.compile("([^/@\\s]+)/([^/@\\s]+)(?:/([^@\\s]*?))?/*@([^@\\s]+)");

    /** The reference in {@code uses}, or empty when it is none of the four forms. */
    static Optional<ActionRef> parse(String uses) {
        if (uses == null) {
            return Optional.empty();
        }
        if (uses.startsWith("./")) {
            return Optional.of(new Local(uses));
        }
        if (uses.startsWith("$/")) {
            String path = uses.substring(2).replaceAll("^/+|/+$", "");
            return path.isEmpty() || path.contains("@") ? Optional.empty() : Optional.of(new Self(path));
        }
        if (uses.startsWith("docker://")) {
            String image = uses.substring("docker://".length());
            return image.isBlank() ? Optional.empty() : Optional.of(new DockerImage(image));
        }
        Matcher m = REMOTE.matcher(uses);
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(3) == null ? "" : m.group(3).replaceAll("^/+|/+$", "");
        return Optional.of(new Remote(m.group(1), m.group(2), path, m.group(4)));
    }
}
