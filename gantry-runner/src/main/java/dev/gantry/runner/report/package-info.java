/**
 * What a run reports while it happens and at its end: listener events and result records that the
 * console, the JSON file and the server consume. Carries masked text only.
 */
package dev.gantry.runner.report;
