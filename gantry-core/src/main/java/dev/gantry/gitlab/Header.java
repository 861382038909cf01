package dev.gantry.gitlab;

import java.util.Map;

/**
 * What a file's {@code spec:} header declares ("CI/CD YAML syntax reference#Header keywords").
 *
 * @param inputs the declared inputs by name, in the order written
 * @param open   true when {@code spec:include} may declare more inputs in files Gantry does not
 *               read, so that unknown names are not reported and their blocks stay as written
 */
record Header(Map<String, InputSpec> inputs, boolean open) {

    Header {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }
}
