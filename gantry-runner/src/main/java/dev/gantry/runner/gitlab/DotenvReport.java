package dev.gantry.runner.gitlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An {@code artifacts:reports:dotenv} file (docs.gitlab.com "CI/CD YAML syntax reference#artifacts:reports:dotenv"
 * and "Pass an environment variable to another job"): one {@code NAME=VALUE} per line; names of letters,
 * digits and underscores; blank lines and lines starting with {@code #} are ignored; a value is taken as
 * written, except that one pair of surrounding single or double quotes is removed. Multi-line values
 * are not supported, as in GitLab. GitLab's limits apply: at most 20 variables and 5 KB.
 *
 * @param variables the variables in file order
 * @param problems  one sentence per line that was left out
 */
record DotenvReport(Map<String, String> variables, List<String> problems) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final int MAX_VARIABLES = 20;
    static final int MAX_BYTES = 5 * 1024;

    static DotenvReport parse(Path file) throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (Files.size(file) > MAX_BYTES) {
            problems.add(file.getFileName() + " is larger than 5 KB; GitLab ignores it");
            return new DotenvReport(vars, problems);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !NAME.matcher(name).matches()) {
                problems.add(file.getFileName() + ":" + (i + 1) + ": not a NAME=VALUE line");
                continue;
            }
            if (vars.size() >= MAX_VARIABLES && !vars.containsKey(name)) {
                problems.add(file.getFileName() + ":" + (i + 1) + ": more than " + MAX_VARIABLES + " variables");
                continue;
            }
            vars.put(name, unquote(line.substring(eq + 1).strip()));
        }
        return new DotenvReport(vars, problems);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
