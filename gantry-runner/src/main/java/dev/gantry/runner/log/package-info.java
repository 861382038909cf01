/**
 * What reaches a log: masking of secret values in output lines. Code here sees every line a step
 * prints, so it must never log, store or throw with a line or a secret in it.
 */
package dev.gantry.runner.log;
