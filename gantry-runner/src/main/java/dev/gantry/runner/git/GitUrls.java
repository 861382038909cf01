package dev.gantry.runner.git;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a repository named {@code owner/name} lives on a git server whose base URL is given (by
 * default {@code https://github.com}): {@code <server>/<owner>/<name>}. A {@code file:} server
 * serves local repositories, as working copies ({@code <owner>/<name>}) or bare ones
 * ({@code <owner>/<name>.git}), so that tests and offline mirrors need no network.
 */
public final class GitUrls {

    private GitUrls() {
    }

    /** The clone URL of {@code repository} ({@code owner/name}) on {@code server} (no trailing slash). */
    public static String repository(String server, String repository) {
        String url = server + "/" + repository;
        if (server.startsWith("file:")) {
            try {
                Path path = Path.of(URI.create(url));
                if (!Files.exists(path) && Files.exists(Path.of(path + ".git"))) {
                    return url + ".git";
                }
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
        return url;
    }
}
