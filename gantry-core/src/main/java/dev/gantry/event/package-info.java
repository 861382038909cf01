/**
 * Events: what happened (push, pull request, schedule, manual dispatch) and the facts of the
 * repository it happened to, turned into the payloads and contexts the formats document.
 * Pure: the facts come in from the runner or the server.
 */
package dev.gantry.event;
