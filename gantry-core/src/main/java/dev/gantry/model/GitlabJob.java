package dev.gantry.model;

import java.util.List;
import java.util.Map;

/**
 * What only a GitLab job has ("CI/CD YAML syntax reference", job keywords). Plain values have the
 * JSON shape of {@link dev.gantry.yaml.YamlNode#toPlain()}.
 *
 * @param dependencies       {@code dependencies:}, or null when not written (all earlier stages' artifacts)
 * @param coverage           the {@code coverage:} regex as written ({@code /.../}), or null
 * @param interruptible      {@code interruptible:} (the job's own or {@code default:}'s), false when not written
 * @param trigger            {@code trigger:} as plain values (a downstream pipeline), or null
 * @param release            {@code release:} as plain values, or null
 * @param pages              {@code pages:} as plain values ({@code true}, {@code false} or a mapping with
 *                           {@code publish}, {@code path_prefix}, {@code expire_in}); {@code Boolean.TRUE} for a
 *                           job named {@code pages} that does not write it; null when the job is no Pages job
 * @param inheritDefault     {@code inherit:default}: {@code Boolean.TRUE} (the default), {@code Boolean.FALSE},
 *                           or the {@code List<String>} of default keywords to inherit
 * @param inheritVariables   {@code inherit:variables}: {@code Boolean.TRUE} (the default), {@code Boolean.FALSE},
 *                           or the {@code List<String>} of global variable names to inherit
 * @param hooks              {@code hooks:} (for example {@code pre_get_sources_script}) to their lines
 * @param secrets            {@code secrets:} variable name to its provider settings (plain values); empty when none
 * @param idTokens           {@code id_tokens:} token name to its settings ({@code aud}); empty when none
 * @param identity           {@code identity:} (for example {@code google_cloud}), or null
 * @param manualConfirmation {@code manual_confirmation:} message, or null
 * @param externalNeeds      {@code needs:} entries on other pipelines or projects ({@code needs:project},
 *                           {@code needs:pipeline}) as plain values; they are not edges of this pipeline
 */
public record GitlabJob(List<String> dependencies, String coverage, boolean interruptible, Object trigger,
                        Object release, Object pages, Object inheritDefault, Object inheritVariables,
                        Map<String, List<String>> hooks, Map<String, Object> secrets, Map<String, Object> idTokens,
                        String identity, String manualConfirmation, List<Map<String, Object>> externalNeeds)
        implements JobDetails {

    public GitlabJob {
        dependencies = dependencies == null ? null : List.copyOf(dependencies);
        hooks = Map.copyOf(hooks);
        secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
        idTokens = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(idTokens));
        externalNeeds = List.copyOf(externalNeeds);
    }
}
