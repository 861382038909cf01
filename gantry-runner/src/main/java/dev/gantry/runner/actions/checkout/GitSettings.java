package dev.gantry.runner.actions.checkout;

import dev.gantry.runner.actions.ActionContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The git configuration a checkout leaves behind, as actions/checkout does: in the checked-out
 * folder's own {@code .git/config}, a remote {@code origin} (when it has none, named after the
 * repository on the server, as the original's) fetching every branch, and {@code gc.auto = 0};
 * the folder as a {@code safe.directory} for the job's later git commands, exported as
 * {@code GIT_CONFIG_COUNT}/{@code GIT_CONFIG_KEY_n}/{@code GIT_CONFIG_VALUE_n} (git 2.31 and later
 * read those as command-line configuration, where {@code safe.directory} counts) and appended after
 * any the job already has. The user's global configuration is never written.
 */
final class GitSettings {

    private GitSettings() {
    }

    static void leaveBehind(ActionContext context, CheckoutRequest request, boolean safeDirectory) throws IOException {
        Path folder = request.target();
        if (!java.nio.file.Files.isDirectory(folder.resolve(".git"))) {
            context.debug("checkout: " + folder + " has no .git (a folder inside a repository runs as plain files)");
            return;
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(folder.resolve(".git").toFile()).setMustExist(true)
                .build()) {
            StoredConfig config = repo.getConfig();
            if (config.getString("remote", "origin", "url") == null) {
                config.setString("remote", "origin", "url", request.serverUrl() + "/" + request.repository());
                config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            }
            config.setInt("gc", null, "auto", 0);
            config.save();
        }
        if (safeDirectory) {
            Map<String, String> env = context.env();
            int count;
            try {
                count = Integer.parseInt(env.getOrDefault("GIT_CONFIG_COUNT", "0").strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
            for (int i = 0; i < count; i++) {
                if ("safe.directory".equals(env.get("GIT_CONFIG_KEY_" + i))
                        && folder.toString().equals(env.get("GIT_CONFIG_VALUE_" + i))) {
                    return;
                }
            }
            context.exportVariable("GIT_CONFIG_KEY_" + count, "safe.directory");
            context.exportVariable("GIT_CONFIG_VALUE_" + count, folder.toString());
            context.exportVariable("GIT_CONFIG_COUNT", Integer.toString(count + 1));
        }
    }
}
