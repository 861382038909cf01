package dev.gantry.runner.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The base64 text a secret leaves inside any base64 encoding of data that holds it, so that a
 * secret printed base64-encoded (a basic-auth header, a decoded-then-encoded token) is masked too:
 * docs.github.com "Security hardening for GitHub Actions#Using secrets" says the runner masks
 * "common encodings of the values, such as Base64".
 *
 * <p>Base64 encodes groups of 3 bytes as 4 characters, so the encoding of the secret depends on
 * where it starts within a group: there are three forms. Each keeps only the characters that
 * depend on the secret's bytes alone; the characters it shares with the bytes before or after it
 * are left out, since they differ from one text to the next.
 */
final class Base64Forms {

    /** Forms shorter than this are not masked: they would hide unrelated text. */
    static final int MIN_LENGTH = 6;

    private Base64Forms() {
    }

    /** The forms of {@code value}'s UTF-8 bytes at the three offsets, each at least {@link #MIN_LENGTH} long. */
    static List<String> of(String value) {
        byte[] secret = value.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + secret.length];
            System.arraycopy(secret, 0, shifted, offset, secret.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // One leading byte shares the group's second character, two share its third.
            int from = offset == 0 ? 0 : offset + 1;
            // An incomplete last group's last character also holds bits of what follows.
            int to = encoded.length() - ((offset + secret.length) % 3 == 0 ? 0 : 1);
            if (to - from >= MIN_LENGTH) {
                forms.add(encoded.substring(from, to));
            }
        }
        return forms;
    }
}
