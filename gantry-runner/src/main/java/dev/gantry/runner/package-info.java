/**
 * Doing a pipeline on one machine: workspaces, host and Docker executors, actions, workflow
 * commands, log masking, cache and artifact stores, report parsers and the local run loop.
 * Applies the scheduling decisions of the core; decides nothing about the formats itself.
 */
package dev.gantry.runner;
