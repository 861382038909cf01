package dev.gantry.model;

import java.util.List;
import java.util.Map;

/**
 * What only a GitLab job has.
 *
 * @param dependencies   {@code dependencies:}, or null when not written (all earlier stages' artifacts)
 * @param coverage       the {@code coverage:} regex as written ({@code /.../}), or null
 * @param interruptible  {@code interruptible:}
 * @param trigger        {@code trigger:} as plain values (a downstream pipeline), or null
 * @param release        {@code release:} as plain values, or null
 * @param pages          {@code pages:} as plain values, or null
 * @param inheritDefault {@code inherit:default}: true, false, or the list of keys to inherit (as a List)
 * @param inheritVariables {@code inherit:variables}: true, false, or the list of names (as a List)
 * @param hooks          {@code hooks:} (for example {@code pre_get_sources_script}) to their lines
 */
public record GitlabJob(List<String> dependencies, String coverage, boolean interruptible, Object trigger,
                        Object release, Object pages, Object inheritDefault, Object inheritVariables,
                        Map<String, List<String>> hooks) implements JobDetails {

    public GitlabJob {
        dependencies = dependencies == null ? null : List.copyOf(dependencies);
        hooks = Map.copyOf(hooks);
    }
}
