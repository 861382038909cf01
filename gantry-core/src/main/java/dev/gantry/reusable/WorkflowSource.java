package dev.gantry.reusable;

import java.util.Optional;

/**
 * Reads the workflow files a run calls: local ones from the repository, remote ones from wherever
 * remote workflows come from (fetched and cached by the runner). The call tree is read once,
 * before a run starts, from one thread.
 */
public interface WorkflowSource {

    /**
     * The text of a workflow file.
     *
     * @return the text, or empty when this source does not look at such workflows (lint does not
     *         fetch remote workflows; their calls are then not checked)
     * @throws Unavailable when the file cannot be had; the message says why, for a person
     */
    Optional<String> read(WorkflowRef workflow) throws Unavailable;

    /** A workflow file that cannot be had: missing, or its repository could not be fetched. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
