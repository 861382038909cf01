package dev.gantry.runner.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real repositories built with the git command line; the workspace is checked with git too. */
class WorkspacePreparerIT {

    @TempDir
    Path temp;

    private Path repo;
    private String firstCommit;
    private final WorkspacePreparer preparer = new WorkspacePreparer();

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com",
                "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out.stripTrailing();
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectory(temp.resolve("repo"));
        git(repo, "init", "-q");
        write("a.txt", "committed\n");
        write("dir/sub/b.txt", "b\n");
        write("script.sh", "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(repo.resolve("script.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(repo.resolve("link"), Path.of("a.txt"));
        write(".gitignore", "ignored/\n*.log\n");
        write("deleted.txt", "soon gone\n");
        write("ignored/tracked.txt", "tracked although ignored\n");
        git(repo, "add", "-A");
        git(repo, "add", "-f", "ignored/tracked.txt");
        git(repo, "commit", "-q", "-m", "first");
        git(repo, "tag", "-a", "v1.0", "-m", "release");
        firstCommit = git(repo, "rev-parse", "HEAD");
        write("a.txt", "second version\n");
        git(repo, "commit", "-q", "-am", "second");
        // Local state after the last commit.
        write("a.txt", "local edit\n");
        Files.delete(repo.resolve("deleted.txt"));
        write("untracked.txt", "new\n");
        write("debug.log", "ignored\n");
        write("ignored/cache/big.bin", "ignored\n");
    }

    private WorkspaceResult.Prepared prepared(WorkspaceResult result) {
        assertThat(result).isInstanceOf(WorkspaceResult.Prepared.class);
        return (WorkspaceResult.Prepared) result;
    }

    @Test
    void copiesTheWorkingTreeWithLocalEditsAndUntrackedButNotIgnoredFiles() throws Exception {
        Path ws = temp.resolve("ws");
        WorkspaceResult.Prepared result = prepared(preparer.fromWorkingTree(repo, ws));

        assertThat(ws.resolve("a.txt")).hasContent("local edit");
        assertThat(ws.resolve("dir/sub/b.txt")).hasContent("b");
        assertThat(ws.resolve("untracked.txt")).hasContent("new");
        assertThat(ws.resolve("ignored/tracked.txt")).exists();
        assertThat(ws.resolve("debug.log")).doesNotExist();
        assertThat(ws.resolve("ignored/cache")).doesNotExist();
        assertThat(ws.resolve("deleted.txt")).doesNotExist();
        assertThat(Files.isExecutable(ws.resolve("script.sh"))).isTrue();
        assertThat(Files.isExecutable(ws.resolve("a.txt"))).isFalse();
        assertThat(Files.isSymbolicLink(ws.resolve("link"))).isTrue();
        assertThat(Files.readSymbolicLink(ws.resolve("link"))).isEqualTo(Path.of("a.txt"));
        assertThat(result.files()).as(".gitignore, a, b, script, link, ignored/tracked, untracked").isEqualTo(7);
        assertThat(result.ref()).hasValue("refs/heads/main");
        assertThat(result.commit()).hasValue(git(repo, "rev-parse", "HEAD"));
    }

    @Test
    void theWorkspaceGitSeesHistoryTagsAndTheLocalChanges() throws Exception {
        Path ws = temp.resolve("ws");
        prepared(preparer.fromWorkingTree(repo, ws));

        assertThat(git(ws, "rev-parse", "HEAD")).isEqualTo(git(repo, "rev-parse", "HEAD"));
        assertThat(git(ws, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
        assertThat(git(ws, "log", "--format=%s")).isEqualTo("second\nfirst");
        assertThat(git(ws, "describe", "--tags")).startsWith("v1.0-1-g");
        assertThat(git(ws, "status", "--porcelain").lines().toList())
                .containsExactlyInAnyOrder(" M a.txt", " D deleted.txt", "?? untracked.txt");
        assertThat(git(ws, "fsck", "--connectivity-only")).doesNotContain("missing");
    }

    @Test
    void gitCommandsInTheWorkspaceLeaveTheUserRepositoryAlone() throws Exception {
        Path ws = temp.resolve("ws");
        prepared(preparer.fromWorkingTree(repo, ws));
        String head = git(repo, "rev-parse", "HEAD");
        String status = git(repo, "status", "--porcelain");

        git(ws, "commit", "-q", "-am", "made in the workspace");
        git(ws, "tag", "from-workspace");
        git(ws, "checkout", "-q", "-b", "other");

        assertThat(git(repo, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git(repo, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
        assertThat(git(repo, "status", "--porcelain")).isEqualTo(status);
        assertThat(git(repo, "tag")).isEqualTo("v1.0");
        assertThat(repo.resolve("a.txt")).hasContent("local edit");
    }

    @Test
    void checksOutACommittedRevision() throws Exception {
        Path ws = temp.resolve("ws");
        WorkspaceResult.Prepared result = prepared(preparer.fromRevision(repo, "v1.0", ws));

        assertThat(ws.resolve("a.txt")).hasContent("committed");
        assertThat(ws.resolve("deleted.txt")).hasContent("soon gone");
        assertThat(ws.resolve("ignored/tracked.txt")).exists();
        assertThat(ws.resolve("untracked.txt")).doesNotExist();
        assertThat(Files.isExecutable(ws.resolve("script.sh"))).isTrue();
        assertThat(Files.readSymbolicLink(ws.resolve("link"))).isEqualTo(Path.of("a.txt"));
        assertThat(result.commit()).hasValue(firstCommit);
        assertThat(result.ref()).as("a tag leaves HEAD detached").isEmpty();
        assertThat(git(ws, "rev-parse", "HEAD")).isEqualTo(firstCommit);
        assertThat(git(ws, "status", "--porcelain")).as("a checkout is clean").isEmpty();
    }

    @Test
    void aBranchRevisionKeepsTheBranchAsHead() throws Exception {
        Path ws = temp.resolve("ws");
        WorkspaceResult.Prepared result = prepared(preparer.fromRevision(repo, "main", ws));
        assertThat(result.ref()).hasValue("refs/heads/main");
        assertThat(ws.resolve("a.txt")).hasContent("second version");
        assertThat(git(ws, "status", "--porcelain")).isEmpty();
        assertThat(git(ws, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
    }

    @Test
    void problemsAreResultsNotExceptions() throws Exception {
        assertThat(preparer.fromRevision(repo, "no-such-branch", temp.resolve("ws1")))
                .isInstanceOfSatisfying(WorkspaceResult.Failed.class, f -> assertThat(f.message()).contains("no-such-branch"));
        Path full = Files.createDirectories(temp.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        assertThat(preparer.fromWorkingTree(repo, full))
                .isInstanceOfSatisfying(WorkspaceResult.Failed.class, f -> assertThat(f.message()).contains("not empty"));
        assertThat(preparer.fromWorkingTree(repo, repo.resolve("ignored/ws")))
                .isInstanceOfSatisfying(WorkspaceResult.Failed.class, f -> assertThat(f.message()).contains("outside"));
        Path plain = Files.createDirectories(temp.resolve("plain"));
        assertThat(preparer.fromRevision(plain, "HEAD", temp.resolve("ws2")))
                .isInstanceOfSatisfying(WorkspaceResult.Failed.class, f -> assertThat(f.message()).contains("not in one"));
    }

    @Test
    void aFolderInNoRepositoryIsCopiedWhole() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain/sub"));
        Files.writeString(plain.resolve("x.txt"), "x");
        Path ws = temp.resolve("ws");
        prepared(preparer.fromWorkingTree(temp.resolve("plain"), ws));
        assertThat(ws.resolve("sub/x.txt")).hasContent("x");
        assertThat(ws.resolve(".git")).doesNotExist();
    }

    @Test
    void aSubfolderOfARepositoryBecomesTheWholeWorkspaceWithoutGit() throws Exception {
        write("project/src/app.txt", "app\n");
        write("project/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(repo.resolve("project/run.sh"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        write("elsewhere.txt", "not in the project\n");
        Path ws = temp.resolve("sub-ws");
        prepared(preparer.fromWorkingTree(repo.resolve("project"), ws));
        assertThat(ws.resolve("src/app.txt")).hasContent("app");
        assertThat(Files.isExecutable(ws.resolve("run.sh"))).isTrue();
        assertThat(ws.resolve("elsewhere.txt")).doesNotExist();
        assertThat(ws.resolve(".git")).doesNotExist();
    }

    @Test
    void sequentialAndParallelWritersGiveTheSameWorkspace() throws Exception {
        for (int i = 0; i < 300; i++) {
            write("many/f" + i + ".txt", "content " + i + "\n");
        }
        Path one = temp.resolve("one");
        Path four = temp.resolve("four");
        prepared(new WorkspacePreparer(1).fromWorkingTree(repo, one));
        prepared(new WorkspacePreparer(4).fromWorkingTree(repo, four));
        for (int i = 0; i < 300; i++) {
            assertThat(one.resolve("many/f" + i + ".txt")).hasSameTextualContentAs(four.resolve("many/f" + i + ".txt"));
        }
    }

    @Test
    void theJobsOfARunShareOneReadingOfTheTreeButCopyTodaysContents() throws Exception {
        WorkspacePreparer run = WorkspacePreparer.forRun();
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        prepared(run.fromWorkingTree(repo, first));

        write("a.txt", "edited during the run\n");
        Files.delete(repo.resolve("untracked.txt"));
        write("created-during-the-run.txt", "late\n");
        WorkspaceResult.Prepared later = prepared(run.fromWorkingTree(repo, second));

        assertThat(second.resolve("a.txt")).hasContent("edited during the run");
        assertThat(second.resolve("untracked.txt")).doesNotExist();
        assertThat(second.resolve("created-during-the-run.txt")).doesNotExist();
        assertThat(second.resolve("dir/sub/b.txt")).hasContent("b");
        assertThat(git(second, "status", "--porcelain", "--", "dir")).isEmpty();
        assertThat(later.commit()).isPresent();
        assertThat(first.resolve("untracked.txt")).hasContent("new");
    }

    @Test
    void aReadAheadIsWhatTheRunsFirstWorkspaceCopies() throws Exception {
        WorkspacePreparer run = WorkspacePreparer.forRun();
        run.readAhead(repo);
        preparer.readAhead(repo); // a preparer of single workspaces reads nothing ahead
        write("after-the-read-ahead.txt", "late\n");

        prepared(run.fromWorkingTree(repo, temp.resolve("run")));
        prepared(preparer.fromWorkingTree(repo, temp.resolve("single")));

        assertThat(temp.resolve("run/after-the-read-ahead.txt")).doesNotExist();
        assertThat(temp.resolve("single/after-the-read-ahead.txt")).hasContent("late");
    }
}
