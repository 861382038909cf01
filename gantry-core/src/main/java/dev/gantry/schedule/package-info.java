/**
 * Scheduling decisions: which job starts, is skipped, cancelled or delayed, given the run's state
 * and the current time as inputs. Pure: no clock reads, no threads, no I/O. The local run loop and
 * the server both apply these decisions, so a pipeline behaves the same in both.
 */
package dev.gantry.schedule;
