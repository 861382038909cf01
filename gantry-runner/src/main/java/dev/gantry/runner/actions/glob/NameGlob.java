package dev.gantry.runner.actions.glob;

import java.util.regex.Pattern;

/**
 * A glob over one name (no {@code /}): {@code *} any characters, {@code ?} one, {@code [abc]},
 * {@code [a-z]} and {@code [!a]} or {@code [^a]} sets, {@code {a,b}} alternatives, as minimatch
 * reads them (download-artifact's {@code pattern:} and the segments of {@link FileGlob} patterns).
 * Anything else is literal.
 */
public final class NameGlob {

    private final Pattern pattern;

    private NameGlob(Pattern pattern) {
        this.pattern = pattern;
    }

    public static NameGlob of(String glob) {
        return new NameGlob(compile(glob, true));
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    /** The regular expression of {@code glob}; {@code braces} false keeps braces literal (the toolkit's glob module). */
    static Pattern compile(String glob, boolean braces) {
        StringBuilder re = new StringBuilder();
        int open = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '{' -> {
                    if (braces && glob.indexOf('}', i) > 0) {
                        open++;
                        re.append("(?:");
                    } else {
                        re.append("\\{");
                    }
                }
                case '}' -> {
                    if (open > 0) {
                        open--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(open > 0 ? "|" : ",");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        boolean not = set.startsWith("!") || set.startsWith("^");
                        re.append('[').append(not ? "^" : "")
                                .append(set.substring(not ? 1 : 0).replace("\\", "\\\\").replace("[", "\\[")
                                        .replace("&&", "\\&\\&"))
                                .append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        while (open-- > 0) {
            re.append(')');
        }
        return Pattern.compile(re.toString());
    }
}
