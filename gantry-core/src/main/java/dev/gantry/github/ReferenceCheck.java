package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.expr.github.ContextAvailability;
import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.ContextReference;
import dev.gantry.model.EventTrigger;
import dev.gantry.model.Input;
import dev.gantry.model.Job;
import dev.gantry.model.Matrix;
import dev.gantry.model.Need;
import dev.gantry.model.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the names expressions read from the {@code steps}, {@code needs}, {@code matrix},
 * {@code jobs} and {@code inputs} contexts ("Contexts reference", docs.github.com), in the dotted
 * form ({@code steps.build.outputs.x}) and the index form ({@code steps['build']}) alike:
 *
 * <ul>
 *   <li>{@code steps.<id>} must name a step of the job;</li>
 *   <li>{@code needs.<id>} a job in the job's {@code needs};</li>
 *   <li>{@code matrix.<key>} a key of the job's matrix (axes and {@code include} keys; only when
 *       the matrix is written out, not an expression);</li>
 *   <li>{@code jobs.<id>}, in a {@code workflow_call} output, a job of the workflow;</li>
 *   <li>{@code inputs.<name>} an input of {@code workflow_dispatch} or {@code workflow_call}, when
 *       the workflow declares any ("Contexts reference#inputs-context": the context holds the
 *       inputs of a reusable or manually triggered workflow, and is empty for other events, so
 *       that without declared inputs every name reads null and is no mistake).</li>
 * </ul>
 *
 * A reference is checked only where its context is available (else {@link ExpressionCheck} has
 * already reported it). Names compare case-insensitively, as property access does.
 */
final class ReferenceCheck {

    private final Diagnostics diagnostics;
    private final Map<String, JobFacts> jobs = new HashMap<>();
    private final Set<String> jobIds = new HashSet<>();
    private final List<String> jobIdList = new ArrayList<>();
    /** Declared input names, lower-cased; null when the workflow declares none. */
    private final Set<String> inputs;
    private final List<String> inputList = new ArrayList<>();

    ReferenceCheck(List<Job> jobs, List<EventTrigger> events, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        for (Job job : jobs) {
            this.jobs.put(job.id(), new JobFacts(job));
            jobIds.add(lower(job.id()));
            jobIdList.add(job.id());
        }
        Set<String> declared = new HashSet<>();
        for (EventTrigger event : events) {
            for (Input input : event.inputs()) {
                if (declared.add(lower(input.name()))) {
                    inputList.add(input.name());
                }
            }
        }
        this.inputs = declared.isEmpty() ? null : declared;
    }

    /** Checks every reference of every use. */
    void check(List<ExpressionUse> uses) {
        for (ExpressionUse use : uses) {
            for (ContextReference ref : use.expression().contextReferences()) {
                if (!ref.path().isEmpty() && !ref.path().getFirst().equals("*") && available(use, ref.context())) {
                    reference(use, ref, ref.path().getFirst());
                }
            }
        }
    }

    private static boolean available(ExpressionUse use, ContextName context) {
        return ContextAvailability.forKey(use.keyPath()).map(e -> e.contexts().contains(context)).orElse(true);
    }

    private void reference(ExpressionUse use, ContextReference ref, String name) {
        JobFacts job = use.job() == null ? null : jobs.get(use.job());
        String where = "job '" + use.job() + "'";
        switch (ref.context()) {
            case STEPS -> {
                if (job != null && !job.stepIds.contains(lower(name))) {
                    diagnostics.error(use.at(ref.start()), Rules.UNKNOWN_STEP, where + " has no step with id '" + name
                            + "'" + Keywords.hint(name, job.stepIdList));
                }
            }
            case NEEDS -> {
                if (job != null && !job.needs.contains(lower(name))) {
                    diagnostics.error(use.at(ref.start()), Rules.UNDECLARED_NEED, where + " reads 'needs." + name
                            + "' but does not need '" + name + "'; add it to 'needs'");
                }
            }
            case MATRIX -> {
                if (job != null) {
                    matrixKey(use, ref, name, job, where);
                }
            }
            case JOBS -> {
                if (!jobIds.contains(lower(name))) {
                    diagnostics.error(use.at(ref.start()), Rules.UNKNOWN_JOB, "output '" + output(use)
                            + "' of 'workflow_call' reads 'jobs." + name + "', but there is no job '" + name + "'"
                            + Keywords.hint(name, jobIdList));
                }
            }
            case INPUTS -> {
                if (inputs != null && !inputs.contains(lower(name))) {
                    diagnostics.error(use.at(ref.start()), Rules.UNKNOWN_INPUT, "'inputs." + name
                            + "' names no input of 'workflow_dispatch' or 'workflow_call'"
                            + Keywords.hint(name, inputList));
                }
            }
            default -> {
            }
        }
    }

    private void matrixKey(ExpressionUse use, ContextReference ref, String key, JobFacts job, String where) {
        Matrix matrix = job.job.matrix();
        if (matrix == null) {
            diagnostics.error(use.at(ref.start()), Rules.UNKNOWN_MATRIX_KEY, where + " reads 'matrix." + key
                    + "' but has no matrix");
        } else if (job.matrixKeys != null && !job.matrixKeys.contains(lower(key))) {
            diagnostics.error(use.at(ref.start()), Rules.UNKNOWN_MATRIX_KEY, where + " reads 'matrix." + key
                    + "', which is no key of its matrix" + Keywords.hint(key, job.matrixKeyList));
        }
    }

    /** The output name of a use at {@code on.workflow_call.outputs.<name>.value}. */
    private static String output(ExpressionUse use) {
        List<String> path = use.path();
        return path.size() > 3 ? path.get(3) : "";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** What a job's references may name, lower-cased for GitHub's case-insensitive property access. */
    private static final class JobFacts {
        final Job job;
        final Set<String> stepIds = new HashSet<>();
        final List<String> stepIdList = new ArrayList<>();
        final Set<String> needs = new HashSet<>();
        /** null when the matrix is not written out (an expression decides its keys). */
        final Set<String> matrixKeys;
        final List<String> matrixKeyList = new ArrayList<>();

        JobFacts(Job job) {
            this.job = job;
            for (Step step : job.steps()) {
                if (step.id() != null) {
                    stepIds.add(lower(step.id()));
                    stepIdList.add(step.id());
                }
            }
            for (Need need : job.needs()) {
                needs.add(lower(need.job()));
            }
            Matrix matrix = job.matrix();
            if (matrix == null || matrix.expression() != null || matrix.includeExpression() != null) {
                matrixKeys = null;
                return;
            }
            Set<String> keys = new LinkedHashSet<>();
            matrix.axisSets().forEach(axes -> keys.addAll(axes.keySet()));
            matrix.include().forEach(entry -> keys.addAll(entry.keySet()));
            matrixKeyList.addAll(keys);
            matrixKeys = new HashSet<>();
            keys.forEach(k -> matrixKeys.add(lower(k)));
        }
    }
}
