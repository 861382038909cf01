/**
 * Trigger filters and pattern matching, each following the documentation page its class names:
 * GitHub branch, tag and path filter patterns and the {@code on:} event decision, GitLab file globs
 * ({@code rules:changes}, {@code rules:exists}), GitLab {@code only}/{@code except}, and cron
 * schedules. Pure: callers pass in the event, the changed files and the time; nothing here reads
 * git, files or the clock.
 */
package dev.gantry.match;
