/**
 * The pipeline model: what the user wrote, as immutable records with a source range on every
 * element, shared by both formats. Expressions stay unevaluated and matrices unexpanded here; the
 * {@code plan} package turns this into what will run. No behaviour beyond small accessors.
 */
package dev.gantry.model;
