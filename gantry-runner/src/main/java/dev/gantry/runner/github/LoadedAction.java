package dev.gantry.runner.github;

import dev.gantry.github.action.ActionMetadata;
import dev.gantry.github.action.ActionRef;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action whose metadata was read: where its files are and what its {@code action.yml} says.
 *
 * @param ref      how the step named it
 * @param folder   the folder holding its {@code action.yml} (GITHUB_ACTION_PATH)
 * @param metadata its metadata, without errors
 */
record LoadedAction(ActionRef ref, Path folder, ActionMetadata metadata) {

    /**
     * The variables every step of the action sees ("Variables reference#default environment
     * variables"): GITHUB_ACTION_PATH, and for a repository's action GITHUB_ACTION_REPOSITORY and
     * GITHUB_ACTION_REF.
     */
    Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GITHUB_ACTION_PATH", folder.toString());
        if (ref instanceof ActionRef.Remote remote) {
            env.put("GITHUB_ACTION_REPOSITORY", remote.repository());
            env.put("GITHUB_ACTION_REF", remote.ref());
        }
        return env;
    }

    /** The {@code github} context inside the action: {@code action_path}, {@code action_repository}, {@code action_ref}. */
    Map<String, Object> github(Map<String, Object> jobGithub) {
        Map<String, Object> github = new LinkedHashMap<>(jobGithub);
        github.put("action_path", folder.toString());
        if (ref instanceof ActionRef.Remote remote) {
            github.put("action_repository", remote.repository());
            github.put("action_ref", remote.ref());
        }
        return github;
    }

    /** The action's display name: its {@code name:}, else the reference. */
    String name() {
        return metadata.name() != null ? metadata.name() : ref.text();
    }
}
