/**
 * Coordinating many runs: persistence, REST API, webhooks, web UI, queue, runner protocol,
 * cron, environments and approvals. Uses the same core decisions and runner as the CLI.
 */
package dev.gantry.server;
