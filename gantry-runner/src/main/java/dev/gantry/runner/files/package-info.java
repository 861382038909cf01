/**
 * File-system chores every part of the runner shares (deleting a tree of files). Nothing here knows
 * about jobs, pipelines or stores.
 */
package dev.gantry.runner.files;
