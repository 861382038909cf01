package dev.gantry.expr.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a parsed tree and computes its value ("Evaluate expressions in workflows and actions").
 * Operands are evaluated left to right; {@code &&}, {@code ||} and {@code case} stop as soon as the
 * result is known, and {@code format} evaluates only the arguments its format string uses — so an
 * argument that would fail is harmless when it is not needed, as in the runner.
 *
 * <p>Errors are thrown as {@link Parser.Failure} and caught by {@link Expression#evaluate}.
 */
final class Evaluator {

    /** Marks a property that an object does not have, as opposed to one whose value is null. */
    private static final Object MISSING = new Object();

    private final EvalContext ctx;

    Evaluator(EvalContext ctx) {
        this.ctx = ctx;
    }

    Object eval(Node node) {
        return switch (node) {
            case Node.Literal l -> l.value();
            case Node.NamedContext c -> ctx.context(c.context());
            case Node.Member m -> index(eval(m.target()), m.name());
            case Node.Index i -> index(eval(i.target()), eval(i.key()));
            case Node.Filter f -> filter(eval(f.target()));
            case Node.Not n -> !Values.isTruthy(eval(n.operand()));
            case Node.Comparison c -> compare(c.operator(), eval(c.left()), eval(c.right()));
            case Node.And a -> and(a.operands());
            case Node.Or o -> or(o.operands());
            case Node.Call c -> call(c);
        };
    }

    private static boolean compare(Node.Operator op, Object left, Object right) {
        return switch (op) {
            case EQ -> Values.looseEquals(left, right);
            case NE -> !Values.looseEquals(left, right);
            case LT -> Values.less(left, right);
            case LE -> Values.looseEquals(left, right) || Values.less(left, right);
            case GT -> Values.greater(left, right);
            case GE -> Values.looseEquals(left, right) || Values.greater(left, right);
        };
    }

    private Object and(List<Node> operands) {
        Object v = null;
        for (Node operand : operands) {
            v = eval(operand);
            if (!Values.isTruthy(v)) {
                return v;
            }
        }
        return v;
    }

    private Object or(List<Node> operands) {
        Object v = null;
        for (Node operand : operands) {
            v = eval(operand);
            if (Values.isTruthy(v)) {
                return v;
            }
        }
        return v;
    }

    /**
     * {@code target[key]} and {@code target.key} ("Contexts reference": index and property dereference
     * syntax). Objects take the key as a string and ignore letter case; arrays take it as a number,
     * rounded down; anything else, or a key that is not there, gives null. On the result of a filter
     * the key applies to each element, and elements without it are dropped.
     */
    static Object index(Object target, Object key) {
        if (target instanceof FilteredArray filtered) {
            FilteredArray out = new FilteredArray();
            for (Object item : filtered) {
                Object v = element(item, key);
                if (v != MISSING) {
                    out.append(v);
                }
            }
            return out;
        }
        Object v = element(target, key);
        return v == MISSING ? null : v;
    }

    private static Object element(Object target, Object key) {
        if (target instanceof Map<?, ?> map) {
            if (!Values.isPrimitive(key)) {
                return MISSING;
            }
            String name = Values.toStr(key);
            Object exact = map.get(name);
            if (exact != null || map.containsKey(name)) {
                return exact;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() instanceof String k && k.equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return MISSING;
        }
        if (target instanceof List<?> list) {
            double d = Values.toNumber(key);
            if (Double.isNaN(d) || d < 0) {
                return MISSING;
            }
            d = Math.floor(d);
            return d < list.size() ? list.get((int) d) : MISSING;
        }
        return MISSING;
    }

    /** {@code target.*}: the elements of an array or the property values of an object, one level down for filters. */
    static FilteredArray filter(Object target) {
        FilteredArray out = new FilteredArray();
        if (target instanceof FilteredArray filtered) {
            for (Object item : filtered) {
                addAll(out, item);
            }
        } else {
            addAll(out, target);
        }
        return out;
    }

    private static void addAll(FilteredArray out, Object collection) {
        if (collection instanceof Map<?, ?> map) {
            map.values().forEach(out::append);
        } else if (collection instanceof List<?> list) {
            list.forEach(out::append);
        }
    }

    private Object call(Node.Call c) {
        List<Node> args = c.args();
        return switch (c.function()) {
            case CONTAINS -> contains(args);
            case STARTS_WITH -> affix(args, true);
            case ENDS_WITH -> affix(args, false);
            case FORMAT -> format(c);
            case JOIN -> join(args);
            case TO_JSON -> toJson(c);
            case FROM_JSON -> fromJson(c);
            case HASH_FILES -> hashFiles(c);
            case CASE -> caseOf(c);
            case SUCCESS -> ctx.status().success();
            case ALWAYS -> true;
            case CANCELLED -> ctx.status().cancelled();
            case FAILURE -> ctx.status().failure();
        };
    }

    /** "#contains": a case-insensitive substring test on strings, a loose-equality search in arrays. */
    private boolean contains(List<Node> args) {
        Object search = eval(args.get(0));
        if (Values.isPrimitive(search)) {
            Object item = eval(args.get(1));
            return Values.isPrimitive(item) && containsIgnoreCase(Values.toStr(search), Values.toStr(item));
        }
        if (search instanceof List<?> list && !list.isEmpty()) {
            Object item = eval(args.get(1));
            for (Object element : list) {
                if (Values.looseEquals(item, element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String haystack, String needle) {
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    /** "#startswith" and "#endswith": case-insensitive, on primitives converted to strings; false otherwise. */
    private boolean affix(List<Node> args, boolean start) {
        Object subject = eval(args.get(0));
        if (!Values.isPrimitive(subject)) {
            return false;
        }
        Object affix = eval(args.get(1));
        if (!Values.isPrimitive(affix)) {
            return false;
        }
        String s = Values.toStr(subject);
        String a = Values.toStr(affix);
        int from = start ? 0 : s.length() - a.length();
        return from >= 0 && s.regionMatches(true, from, a, 0, a.length());
    }

    private String format(Node.Call c) {
        String format = Values.toStr(eval(c.args().get(0)));
        List<Object> pieces;
        try {
            pieces = FormatString.parse(format, c.args().size() - 1);
        } catch (FormatString.Problem p) {
            throw failure(c, p.getMessage());
        }
        String[] values = new String[c.args().size() - 1];
        StringBuilder sb = new StringBuilder();
        for (Object piece : pieces) {
            if (piece instanceof Integer index) {
                if (values[index] == null) {
                    values[index] = Values.toStr(eval(c.args().get(index + 1)));
                }
                sb.append(values[index]);
            } else {
                sb.append((String) piece);
            }
        }
        return sb.toString();
    }

    /** "#join": array elements as strings with the separator (',' by default); a primitive as a string; else ''. */
    private String join(List<Node> args) {
        Object items = eval(args.get(0));
        if (items instanceof List<?> list && !list.isEmpty()) {
            String separator = ",";
            if (list.size() > 1 && args.size() > 1) {
                Object s = eval(args.get(1));
                if (Values.isPrimitive(s)) {
                    separator = Values.toStr(s);
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(separator);
                }
                sb.append(Values.toStr(list.get(i)));
            }
            return sb.toString();
        }
        return Values.isPrimitive(items) ? Values.toStr(items) : "";
    }

    private String toJson(Node.Call c) {
        String json = Json.write(eval(c.args().get(0)));
        if (json == null) {
            throw failure(c, "toJSON: the value is nested too deeply to write");
        }
        return json;
    }

    private Object fromJson(Node.Call c) {
        String text = Values.toStr(eval(c.args().get(0)));
        try {
            return Json.parse(text);
        } catch (Json.SyntaxError e) {
            throw failure(c, "fromJSON: " + e.getMessage() + " at position " + e.position);
        }
    }

    private String hashFiles(Node.Call c) {
        WorkspaceFiles ws = ctx.workspace();
        if (ws == null) {
            throw failure(c, "hashFiles needs a workspace, and none is available here");
        }
        List<String> patterns = new ArrayList<>(c.args().size());
        for (Node arg : c.args()) {
            patterns.add(Values.toStr(eval(arg)));
        }
        try {
            return HashFiles.hash(ws, patterns);
        } catch (HashFiles.Problem p) {
            throw failure(c, "hashFiles: " + p.getMessage());
        }
    }

    /** "#case": the value after the first predicate that is true, else the last argument; predicates must be booleans. */
    private Object caseOf(Node.Call c) {
        List<Node> args = c.args();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            Object predicate = eval(args.get(i));
            if (!(predicate instanceof Boolean b)) {
                throw failure(args.get(i), "case: predicate " + (i / 2 + 1) + " must evaluate to a boolean, but it is "
                        + Values.kind(predicate).name().toLowerCase(java.util.Locale.ROOT));
            }
            if (b) {
                return eval(args.get(i + 1));
            }
        }
        return eval(args.getLast());
    }

    private static Parser.Failure failure(Node at, String message) {
        return new Parser.Failure(new ExpressionError(message, at.start(), at.end() - at.start()));
    }
}
