package dev.gantry.expr.github;

import java.util.Map;

/**
 * Everything an evaluation can see: the contexts by name, what the status check functions return,
 * and the workspace {@code hashFiles} reads. Immutable; the {@code with...} methods return copies.
 *
 * <p>Contexts are JSON-like values of the {@link Values} model, usually maps built by the engine
 * ("Contexts reference"). A context that is not given evaluates to null, like a missing property.
 */
public final class EvalContext {

    private static final Object[] NONE = new Object[ContextName.values().length];

    private final Object[] contexts;
    private final StatusCheck status;
    private final WorkspaceFiles workspace;

    private EvalContext(Object[] contexts, StatusCheck status, WorkspaceFiles workspace) {
        this.contexts = contexts;
        this.status = status;
        this.workspace = workspace;
    }

    /** No contexts, status {@link StatusCheck#SUCCESS}, no workspace. */
    public static EvalContext empty() {
        return new EvalContext(NONE, StatusCheck.SUCCESS, null);
    }

    /**
     * Contexts by name ({@code github}, {@code env}, ... in any letter case). Keys that name no
     * context are ignored. Status {@link StatusCheck#SUCCESS}, no workspace.
     */
    public static EvalContext of(Map<String, ?> contexts) {
        Object[] byName = new Object[ContextName.values().length];
        for (Map.Entry<String, ?> e : contexts.entrySet()) {
            ContextName name = ContextName.find(e.getKey());
            if (name != null) {
                byName[name.ordinal()] = e.getValue();
            }
        }
        return new EvalContext(byName, StatusCheck.SUCCESS, null);
    }

    /** A copy with one context replaced. */
    public EvalContext with(ContextName name, Object value) {
        Object[] copy = contexts.clone();
        copy[name.ordinal()] = value;
        return new EvalContext(copy, status, workspace);
    }

    /** A copy whose status check functions return {@code status}. */
    public EvalContext withStatus(StatusCheck status) {
        return new EvalContext(contexts, status, workspace);
    }

    /** A copy whose {@code hashFiles} reads {@code workspace}. */
    public EvalContext withWorkspace(WorkspaceFiles workspace) {
        return new EvalContext(contexts, status, workspace);
    }

    /** The context's value, or null when it was not given. */
    public Object context(ContextName name) {
        return contexts[name.ordinal()];
    }

    public StatusCheck status() {
        return status;
    }

    /** The workspace for {@code hashFiles}, or null when none was given (then {@code hashFiles} is an error). */
    public WorkspaceFiles workspace() {
        return workspace;
    }
}
