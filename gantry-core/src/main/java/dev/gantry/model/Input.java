package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;

/**
 * A {@code workflow_dispatch} or {@code workflow_call} input.
 *
 * @param name         the input id
 * @param type         {@code string}, {@code boolean}, {@code number}, {@code choice} or
 *                     {@code environment}; {@code string} when not written
 * @param description  or null
 * @param required     {@code required:}
 * @param defaultValue the default as written (a YAML boolean or number as its text), or null
 * @param options      the choices of a {@code choice} input, else empty
 * @param range        where the input is defined
 */
public record Input(String name, String type, String description, boolean required, String defaultValue,
                    List<String> options, SourceRange range) {

    public Input {
        options = List.copyOf(options);
    }
}
