package dev.gantry.runner.container;

import com.github.dockerjava.api.exception.DockerException;
import java.util.Locale;

/** Turns what docker-java throws into the engine's own words, for messages to the user. */
final class DockerErrors {

    private DockerErrors() {
    }

    /**
     * The engine's message without docker-java's framing: {@code Status 404: {"message":"..."}}
     * becomes the message; other exceptions give their message, or their type when they have none.
     */
    static String engineMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        if (t instanceof DockerException) {
            int start = message.indexOf("\"message\":\"");
            if (start >= 0) {
                return jsonString(message, start + "\"message\":\"".length()).strip();
            }
        }
        return message.strip();
    }

    /** The JSON string value that starts at {@code from} (just after its opening quote), unescaped. */
    private static String jsonString(String json, int from) {
        StringBuilder value = new StringBuilder();
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < json.length()) {
                char escaped = json.charAt(++i);
                switch (escaped) {
                    case 'n', 'r', 't' -> value.append(' ');
                    case 'u' -> {
                        if (i + 4 < json.length()) {
                            try {
                                value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            } catch (NumberFormatException e) {
                                value.append('?');
                            }
                            i += 4;
                        }
                    }
                    default -> value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** Whether the engine's words say that a registry could not be reached at all. */
    static boolean registryUnreachable(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("dial tcp") || m.contains("no such host") || m.contains("connection refused")
                || m.contains("i/o timeout") || m.contains("network is unreachable")
                || m.contains("tls handshake timeout") || m.contains("context deadline exceeded")
                || m.contains("client.timeout") || m.contains("temporary failure in name resolution");
    }

    /** Whether the engine's words say that the registry answered but has no such image. */
    static boolean imageNotFound(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("manifest unknown") || m.contains("not found") || m.contains("pull access denied")
                || m.contains("repository does not exist");
    }
}
