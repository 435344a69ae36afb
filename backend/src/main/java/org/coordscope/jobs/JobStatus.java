package org.coordscope.jobs;

/** Where a background job is: waiting for the worker, running, or ended one way or the other. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean ended() {
        return this == SUCCEEDED || this == FAILED;
    }
}
