package dev.gantry.runner.container;

import java.util.Locale;

/**
 * Names for the containers and networks of a run. The engine accepts
 * {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*} and requires each name to be unique, so a name is made of
 * the run id and the job (and the service) with every other character replaced by {@code -};
 * two runs, or two jobs of one run, never share a name as long as run ids are unique and job
 * ids differ after that replacement (matrix legs must carry their index in the job part).
 */
public final class ResourceNames {

    private static final int MAX_LENGTH = 200;

    private ResourceNames() {
    }

    /** The job's network: {@code gantry-RUN-JOB}. */
    public static String network(String runId, String job) {
        return join("gantry", runId, job);
    }

    /** The job container: {@code gantry-RUN-JOB-job}. */
    public static String jobContainer(String runId, String job) {
        return join("gantry", runId, job, "job");
    }

    /** A service container: {@code gantry-RUN-JOB-svc-SERVICE}. */
    public static String service(String runId, String job, String service) {
        return join("gantry", runId, job, "svc", service);
    }

    /** Joins parts with {@code -} after replacing what the engine does not accept in a name. */
    public static String join(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (!name.isEmpty()) {
                name.append('-');
            }
            for (char c : part.toCharArray()) {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '.' || c == '-';
                name.append(ok ? c : '-');
            }
        }
        String s = name.toString();
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            s = "g" + s;
        }
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }

    /** A lower-case image tag part made of {@code text}, for images Gantry builds. */
    public static String imageTag(String text) {
        String s = join(text).toLowerCase(Locale.ROOT);
        return s.length() > 128 ? s.substring(0, 128) : s;
    }
}
