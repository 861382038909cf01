package dev.gantry.expr.github;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed GitHub Actions expression — the text between {@code ${{} and {@code }}} — ready to be
 * evaluated any number of times without parsing again. Immutable and safe to share.
 *
 * <p>Errors: {@link #parse} and {@link #evaluate} never throw on any input; they return a
 * {@link Result} whose {@link ExpressionError} carries the offset in {@link #text()}.
 *
 * <p>Source: docs.github.com "Evaluate expressions in workflows and actions" (literals, operators,
 * functions, object filters) and "Contexts reference" (the named contexts).
 */
public final class Expression {

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses an expression written without {@code ${{ }}}. Unknown functions and contexts, wrong
     * argument counts, double-quoted strings and syntax errors are errors here, before anything
     * runs.
     */
    public static Result<Expression> parse(String text) {
        return Parser.parse(text).map(root -> new Expression(text, root));
    }

    /** The text as given to {@link #parse}. */
    public String text() {
        return text;
    }

    /** The tree, for tools that inspect expressions. */
    public Node root() {
        return root;
    }

    /**
     * The value of the expression in {@code context}: null, {@link Boolean}, {@link Double},
     * {@link String}, or a list or map taken from the contexts or built by a function (see
     * {@link Values}). Errors are those the runner reports while evaluating: a bad format string,
     * invalid JSON for {@code fromJSON}, a {@code case} predicate that is not a boolean,
     * {@code hashFiles} without a workspace.
     */
    public Result<Object> evaluate(EvalContext context) {
        try {
            return Result.ok(new Evaluator(context).eval(root));
        } catch (Parser.Failure f) {
            return Result.error(f.error);
        }
    }

    /** Whether the expression calls {@code success}, {@code always}, {@code cancelled} or {@code failure} anywhere. */
    public boolean callsStatusFunction() {
        return functionCalls().stream().anyMatch(c -> c.function().isStatusCheck());
    }

    /** Every function call, in the order of the text. */
    public List<Node.Call> functionCalls() {
        List<Node.Call> calls = new ArrayList<>();
        root.walk(n -> {
            if (n instanceof Node.Call c) {
                calls.add(c);
            }
        });
        return Collections.unmodifiableList(calls);
    }

    /** Every use of a context with its longest literal property path, in the order of the text. */
    public List<ContextReference> contextReferences() {
        List<ContextReference> refs = new ArrayList<>();
        collect(root, refs);
        refs.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return Collections.unmodifiableList(refs);
    }

    /** Finds the outermost access chain at each context use; the keys inside computed indexes are searched too. */
    private static void collect(Node node, List<ContextReference> out) {
        ContextReference ref = reference(node);
        if (ref != null) {
            out.add(ref);
            // The chain's own nodes are covered; only computed index keys inside it may hold more references.
            for (Node n = node; !(n instanceof Node.NamedContext); n = n.children().getFirst()) {
                if (n instanceof Node.Index i) {
                    collect(i.key(), out);
                }
            }
            return;
        }
        for (Node child : node.children()) {
            collect(child, out);
        }
    }

    /** The reference a chain of accessors over a context forms, or null when {@code node} is not such a chain. */
    private static ContextReference reference(Node node) {
        List<Node> chain = new ArrayList<>();
        Node n = node;
        while (n instanceof Node.Member || n instanceof Node.Index || n instanceof Node.Filter) {
            chain.add(n);
            n = n.children().getFirst();
        }
        if (!(n instanceof Node.NamedContext context)) {
            return null;
        }
        List<String> path = new ArrayList<>();
        int end = context.end();
        boolean complete = true;
        for (int i = chain.size() - 1; i >= 0 && complete; i--) {
            String part = switch (chain.get(i)) {
                case Node.Member m -> m.name();
                case Node.Filter f -> "*";
                case Node.Index idx when idx.key() instanceof Node.Literal lit && Values.isPrimitive(lit.value())
                        -> Values.toStr(lit.value());
                default -> null;
            };
            if (part == null) {
                complete = false;
            } else {
                path.add(part);
                end = chain.get(i).end();
            }
        }
        return new ContextReference(context.context(), path, complete, context.start(), end);
    }

    @Override
    public String toString() {
        return text;
    }
}
