package dev.gantry.runner.github;

import dev.gantry.schedule.JobStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What finished jobs leave for the jobs that need them: {@code needs.<job_id>.result} and
 * {@code needs.<job_id>.outputs} ("Contexts reference#needs context"). An empty output is not
 * recorded, as the runner skips it, so for a matrix job the outputs of all legs are combined
 * ("Passing information between jobs", using job outputs in a matrix job): a leg that sets a
 * value replaces what an earlier leg set, and a leg that leaves it empty keeps it. Thread-safe:
 * jobs finish on their own threads.
 */
final class JobOutputs {

    private final Map<String, Map<String, String>> outputsByJob = new ConcurrentHashMap<>();
    private final Map<String, List<JobStatus>> legStatuses = new ConcurrentHashMap<>();

    /** Records a finished leg's non-empty outputs under its job id; a later leg replaces what an earlier set. */
    void record(String jobId, Map<String, String> outputs) {
        Map<String, String> set = new LinkedHashMap<>(outputs);
        set.values().removeIf(String::isEmpty);
        if (!set.isEmpty()) {
            outputsByJob.merge(jobId, Map.copyOf(set), (old, now) -> {
                Map<String, String> merged = new LinkedHashMap<>(old);
                merged.putAll(now);
                return Map.copyOf(merged);
            });
        }
    }

    /** Records how one leg of the job ended (call once per leg, including legs that did not run). */
    void finished(String jobId, JobStatus status) {
        legStatuses.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(status);
    }

    /** The job's result word as {@code needs.<id>.result} gives it: {@code success}, {@code failure}, {@code cancelled} or {@code skipped}. */
    String result(String jobId) {
        List<JobStatus> statuses = legStatuses.getOrDefault(jobId, List.of());
        if (statuses.isEmpty()) {
            return "skipped";
        }
        return switch (JobStatus.combine(statuses)) {
            case FAILURE -> "failure";
            case CANCELLED -> "cancelled";
            case SKIPPED, MANUAL -> "skipped";
            default -> "success";
        };
    }

    /** The {@code needs} context entry of one job: {@code {result, outputs}}. */
    Map<String, Object> needsEntry(String jobId) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("result", result(jobId));
        entry.put("outputs", new LinkedHashMap<>(outputsByJob.getOrDefault(jobId, Map.of())));
        return entry;
    }
}
