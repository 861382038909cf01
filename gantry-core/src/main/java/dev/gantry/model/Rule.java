package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;

/**
 * One entry of GitLab {@code rules:} or {@code workflow:rules:} ("CI/CD YAML syntax
 * reference#rules"). The first rule whose clauses all match decides.
 *
 * @param ifExpression  the {@code if:} variable expression, or null
 * @param changes       {@code changes:} (or {@code changes:paths:}) glob patterns, or null when absent
 * @param compareTo     {@code changes:compare_to:}, or null
 * @param exists        {@code exists:} glob patterns, or null when absent
 * @param when          {@code when:}, or null when the rule does not set it
 * @param allowFailure  {@code allow_failure:}, or null when the rule does not set it
 * @param variables     {@code variables:} the rule sets when it matches
 * @param needs         {@code needs:} the rule sets, or null when it does not set them
 * @param startIn       {@code start_in:} for {@code when: delayed}, or null
 * @param range         where the rule is written
 */
public record Rule(String ifExpression, List<String> changes, String compareTo, List<String> exists, When when,
                   AllowFailure allowFailure, List<Variable> variables, List<Need> needs, String startIn,
                   SourceRange range) {

    public Rule {
        changes = changes == null ? null : List.copyOf(changes);
        exists = exists == null ? null : List.copyOf(exists);
        variables = List.copyOf(variables);
        needs = needs == null ? null : List.copyOf(needs);
    }
}
