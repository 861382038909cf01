package dev.gantry.cli;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.SourceRange;
import dev.gantry.github.ActionMetadataParser;
import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code gantry lint} says of the local actions a workflow uses ({@code uses: ./path}, and
 * {@code $/path}, the self repository reference): the
 * problems of their {@code action.yml}, which GitHub reports only when the step runs ("Metadata
 * syntax for GitHub Actions"). An action that is not in the repository (one a step creates, or a
 * path that needs a checkout of another repository) is left to the run.
 */
final class LocalActionCheck {

    private LocalActionCheck() {
    }

    /**
     * @param root     the project the workflow belongs to
     * @param workflow a GitHub workflow
     * @return the metadata's diagnostics, files named as the user sees them from the current directory
     */
    static List<Diagnostic> diagnostics(Workspace ws, Path root, Pipeline workflow) {
        Set<String> folders = new LinkedHashSet<>();
        for (Job job : workflow.jobs()) {
            for (Step step : job.steps()) {
                if (step.action() instanceof StepAction.Uses u
                        && (u.reference().startsWith("./") || u.reference().startsWith("$/"))) {
                    folders.add(Path.of(u.reference().substring(2)).normalize().toString().replace('\\', '/'));
                }
            }
        }
        DirectorySourceFiles files = new DirectorySourceFiles(root);
        List<Diagnostic> out = new ArrayList<>();
        for (String folder : folders) {
            String prefix = folder.isEmpty() || folder.equals(".") ? "" : folder + "/";
            for (String name : List.of("action.yml", "action.yaml")) {
                Optional<String> text = files.read(prefix + name);
                if (text.isPresent()) {
                    Diagnostics diagnostics = new Diagnostics();
                    YamlLoader.load(prefix + name, text.get(), diagnostics)
                            .ifPresent(node -> ActionMetadataParser.parse(node, diagnostics));
                    diagnostics.sorted().forEach(d -> out.add(new Diagnostic(d.severity(), new SourceRange(
                            ws.display(root, d.range().file()), d.range().line(), d.range().column(),
                            d.range().endLine(), d.range().endColumn()), d.message(), d.rule())));
                    break;
                }
            }
        }
        return out;
    }
}
