package dev.gantry.diag;

/**
 * Where something came from in a YAML file: 1-based line and column of its first character and
 * of the character just after it (end positions are exclusive, as in most editors' ranges).
 *
 * @param file       the file as the user named it (relative or absolute), never null
 * @param line       first line, 1-based
 * @param column     first column, 1-based, counted in UTF-16 code units as the YAML parser reports them
 * @param endLine    line just after the element, 1-based
 * @param endColumn  column just after the element, 1-based
 */
public record SourceRange(String file, int line, int column, int endLine, int endColumn) {

    /** A range that covers one point, for elements the parser reports no end for. */
    public static SourceRange at(String file, int line, int column) {
        return new SourceRange(file, line, column, line, column);
    }

    /** The start of a file, for problems that belong to the file as a whole. */
    public static SourceRange startOf(String file) {
        return at(file, 1, 1);
    }

    /** {@code file:line:col}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
