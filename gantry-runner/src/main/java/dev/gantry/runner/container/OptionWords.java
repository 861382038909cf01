package dev.gantry.runner.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits an {@code options:} string, or the {@code args} of a docker step, into words as a POSIX
 * shell would, without expansions:
 * blanks separate words; {@code '...'} keeps everything literally; {@code "..."} keeps everything
 * but lets a backslash escape {@code " \ $ `}; outside quotes a backslash escapes the next
 * character. So {@code --health-cmd "redis-cli ping"} is two words.
 *
 * @param words the words, quotes removed
 * @param error why the string could not be split ({@code an unterminated double quote}), or empty
 */
public record OptionWords(List<String> words, Optional<String> error) {

    public OptionWords {
        words = List.copyOf(words);
    }

    /** The words of {@code text}; never throws. */
    public static OptionWords split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            return new OptionWords(words, Optional.of("an unterminated " + (quote == '"' ? "double" : "single")
                    + " quote"));
        }
        if (inWord) {
            words.add(word.toString());
        }
        return new OptionWords(words, Optional.empty());
    }
}
