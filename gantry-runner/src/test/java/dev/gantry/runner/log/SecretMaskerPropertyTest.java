package dev.gantry.runner.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A thousand random secrets printed in assorted ways: none may survive masking. Secrets never
 * contain '*', since the mask itself is made of it and would count as a false leak.
 */
class SecretMaskerPropertyTest {

    private static final String META = ".^$|?+()[]{}\\/-=:,;'\"`~!@#%&<>";

    private final Random random = new Random(20240611);

    @Test
    void noSecretEverAppearsInMaskedOutput() {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(secret(i));
        }
        SecretMasker masker = new SecretMasker();
        secrets.forEach(masker::add);

        Set<String> forbidden = new LinkedHashSet<>();
        for (String s : secrets) {
            for (String line : s.split("\n")) {
                if (!line.strip().isEmpty()) {
                    forbidden.add(line.strip());
                }
            }
        }

        List<String> printed = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String s = secrets.get(i);
            String other = secrets.get(random.nextInt(secrets.size()));
            printed.add(s);
            printed.add(filler() + s + filler());
            printed.add(s + s + s);
            printed.add(s + other);
            printed.add(filler() + s + " " + other + filler() + s);
        }
        int lines = 0;
        for (String text : printed) {
            // The process layer splits output into lines before masking.
            for (String line : text.split("\n", -1)) {
                line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                String masked = masker.mask(line);
                lines++;
                for (String secret : forbidden) {
                    if (secret.length() <= masked.length() && masked.contains(secret)) {
                        throw new AssertionError("secret #" + secrets.indexOf(secret) + " of length "
                                + secret.length() + " leaked on line " + lines);
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(5000);
    }

    private String secret(int i) {
        String body = switch (i % 8) {
            case 0 -> chars(META + "abcXYZ019", 2 + random.nextInt(40));
            case 1 -> unicode(1 + random.nextInt(20));
            case 2 -> multiLine();
            case 3 -> chars("abcdefghijklmnopqrstuvwxyz0123456789", 2);
            case 4 -> i % 40 == 4 ? chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/", 10_240) : unicode(40);
            case 5 -> "  " + chars(META + "pq", 8) + "\t ";
            case 6 -> Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            default -> chars(META, 3) + unicode(3) + chars("0123456789", 3);
        };
        return body.strip().isEmpty() ? "fallback-" + i : body;
    }

    private String multiLine() {
        StringBuilder b = new StringBuilder();
        int lines = 2 + random.nextInt(4);
        for (int l = 0; l < lines; l++) {
            if (l > 0) {
                b.append(random.nextBoolean() ? "\n" : "\r\n");
            }
            b.append(random.nextInt(5) == 0 ? "" : chars(META + "lmnop", 3 + random.nextInt(30)));
        }
        return b.toString();
    }

    private String unicode(int codePoints) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int cp = switch (random.nextInt(5)) {
                case 0 -> 0x1F300 + random.nextInt(0x300);   // emoji: surrogate pairs
                case 1 -> 0x20000 + random.nextInt(0x1000);  // CJK extension B: surrogate pairs
                case 2 -> 0x0400 + random.nextInt(0x100);    // Cyrillic
                case 3 -> 0x4E00 + random.nextInt(0x1000);   // CJK
                default -> 0x00C0 + random.nextInt(0x100);   // Latin-1 supplement and beyond
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private String chars(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private String filler() {
        return chars(" abcdefghij0123456789.:-_", random.nextInt(30));
    }
}
