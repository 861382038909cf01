/**
 * File-system chores every part of the runner shares (deleting a tree of files, creating a job's
 * short-lived files ahead of need). Nothing here knows
 * about jobs, pipelines or stores.
 */
package dev.gantry.runner.files;
