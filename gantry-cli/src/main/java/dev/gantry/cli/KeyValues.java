package dev.gantry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** {@code NAME=VALUE} options and dotenv files, as {@code --secret}, {@code --var} and {@code --secret-file} take them. */
final class KeyValues {

    private KeyValues() {
    }

    /**
     * @param option the option's name for messages
     * @throws CommandLine.ParameterException (exit 2) when an item has no {@code =} or an empty name
     */
    static Map<String, String> parse(List<String> items, String option, CommandLine cli) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cli, option + " takes NAME=VALUE, not '" + redact(item) + "'");
            }
            out.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return out;
    }

    /**
     * Reads a dotenv file: {@code NAME=VALUE} lines, {@code #} comments, optional {@code export },
     * values in single quotes (literal) or double quotes (with {@code \n} escapes, may span lines).
     */
    static Map<String, String> dotenv(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IOException(file + ":" + (i + 1) + ": expected NAME=VALUE");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.startsWith("\"")) {
                StringBuilder text = new StringBuilder(value.substring(1));
                int close;
                while ((close = closingQuote(text)) < 0 && i + 1 < lines.size()) {
                    text.append('\n').append(lines.get(++i));
                }
                if (close < 0) {
                    throw new IOException(file + ":" + (i + 1) + ": unterminated double-quoted value of " + name);
                }
                value = unescape(text.substring(0, close));
            } else if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1);
            } else {
                int hash = value.indexOf(" #");
                if (hash >= 0) {
                    value = value.substring(0, hash).strip();
                }
            }
            out.put(name, value);
        }
        return out;
    }

    /** The index of the first double quote not escaped by a backslash, or -1. */
    private static int closingQuote(CharSequence s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '"') {
                return k;
            }
        }
        return -1;
    }

    /** Resolves {@code \n}, {@code \"} and {@code \\} in a double-quoted value; other backslashes stay. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length()) {
                char next = s.charAt(++k);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case '"', '\\' -> out.append(next);
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Never echo what may be a secret value back in an error. */
    private static String redact(String item) {
        return item.length() <= 3 ? item : item.substring(0, 3) + "...";
    }
}
