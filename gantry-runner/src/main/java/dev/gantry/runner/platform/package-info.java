/**
 * {@code gantry run -P LABEL=host|docker://IMAGE}: which runner labels (GitHub {@code runs-on}) or
 * tags (GitLab {@code tags}) the user placed on this machine or in an image, and which of them a job
 * picks. Pure choices over strings; starting containers and skipping jobs belong to the github and
 * gitlab run packages, which apply these choices.
 */
package dev.gantry.runner.platform;
