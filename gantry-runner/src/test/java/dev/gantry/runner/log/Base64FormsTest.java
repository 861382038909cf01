package dev.gantry.runner.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64FormsTest {

    @Test
    void aSecretIsMaskedInsideBase64OfAnyTextThatHoldsIt() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            String secret = randomText(random, 6 + random.nextInt(40));
            SecretMasker masker = new SecretMasker();
            masker.add(secret);
            String around = randomText(random, random.nextInt(5)) + secret + randomText(random, random.nextInt(4));
            String encoded = Base64.getEncoder().encodeToString(around.getBytes(StandardCharsets.UTF_8));
            String masked = masker.mask("Authorization: Basic " + encoded);
            assertThat(masked).as("base64 of %s", around).contains(SecretMasker.MASK);
            assertThat(masked).doesNotContain(Base64Forms.of(secret).get(0));
        }
    }

    @Test
    void theBasicAuthHeaderOfAUserAndPasswordHidesThePassword() {
        SecretMasker masker = new SecretMasker();
        masker.add("s3cr3t-passw0rd");
        String header = Base64.getEncoder().encodeToString("octo:s3cr3t-passw0rd".getBytes(StandardCharsets.UTF_8));
        assertThat(masker.mask(header)).startsWith("b2N0bzp").contains(SecretMasker.MASK);
    }

    @Test
    void shortSecretsGetNoBase64FormsThatWouldHideUnrelatedText() {
        assertThat(Base64Forms.of("ab")).isEmpty();
        assertThat(Base64Forms.of("abcdefgh")).allSatisfy(f -> assertThat(f).hasSizeGreaterThanOrEqualTo(
                Base64Forms.MIN_LENGTH));
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x20 + random.nextInt(95)));
        }
        return b.toString();
    }
}
