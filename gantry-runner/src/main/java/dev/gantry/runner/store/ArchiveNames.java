package dev.gantry.runner.store;

/** The rule for names inside archives: relative, '/'-separated, never escaping the extraction root. */
final class ArchiveNames {

    private ArchiveNames() {
    }

    /** True for a non-empty relative name without empty, {@code .} or {@code ..} segments or backslashes. */
    static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
