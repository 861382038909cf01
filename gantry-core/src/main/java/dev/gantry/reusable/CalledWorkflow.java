package dev.gantry.reusable;

import dev.gantry.model.EventTrigger;
import dev.gantry.model.Input;
import dev.gantry.model.Pipeline;
import java.util.List;

/**
 * A workflow that a caller job calls, read and parsed without errors.
 *
 * @param ref      which file it is
 * @param workflow its model; its {@code on} includes {@code workflow_call}
 */
public record CalledWorkflow(WorkflowRef ref, Pipeline workflow) {

    /** The {@code on.workflow_call} trigger, or null when the workflow has none. */
    public static EventTrigger callTrigger(Pipeline workflow) {
        return workflow.triggers().events().stream().filter(e -> e.event().equals("workflow_call"))
                .findFirst().orElse(null);
    }

    /** Its {@code on.workflow_call.inputs}, in document order. */
    public List<Input> inputs() {
        EventTrigger call = callTrigger(workflow);
        return call == null ? List.of() : call.inputs();
    }
}
