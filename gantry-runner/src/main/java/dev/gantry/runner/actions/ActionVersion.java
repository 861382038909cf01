package dev.gantry.runner.actions;

/** The major version a {@code uses:} ref names: {@code v4}, {@code v4.1.2} and {@code 4} are 4. */
public final class ActionVersion {

    /** What a branch, a SHA or an unreadable ref counts as: the newest major. */
    public static final int LATEST = Integer.MAX_VALUE;

    private ActionVersion() {
    }

    public static int major(String ref) {
        String digits = ref.startsWith("v") || ref.startsWith("V") ? ref.substring(1) : ref;
        int end = 0;
        while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 4 || (end < digits.length() && digits.charAt(end) != '.')) {
            return LATEST;
        }
        return Integer.parseInt(digits.substring(0, end));
    }
}
