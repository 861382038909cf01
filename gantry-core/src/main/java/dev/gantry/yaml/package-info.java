/**
 * YAML with source positions: snakeyaml-engine's node API turned into small immutable nodes that
 * remember file:line:col, with anchors, merge keys and custom tags handled once for both formats.
 * Nothing here knows GitHub or GitLab keywords.
 */
package dev.gantry.yaml;
