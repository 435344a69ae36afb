package org.coordscope.jobs;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The background worker behind the REST API's long calls (imports, detections): jobs run one at a time on one
 * daemon thread, in the order they were submitted, and their state is kept by id so a client can poll it. One
 * instance per kind of job; the jobs are records the API shows as they are.
 *
 * @param <J> the job record of one kind
 */
public final class BackgroundJobs<J extends BackgroundJobs.Job> implements AutoCloseable {

    /** What every job record carries. */
    public interface Job {
        String id();

        Instant startedAt();
    }

    private final Map<String, J> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    /** A worker whose thread is named {@code threadName} (it shows in thread dumps and profiles). */
    public BackgroundJobs(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Shows {@code job} as queued and runs {@code work} when the worker is free; refused, the job is not shown. */
    public J submit(J job, Runnable work) {
        jobs.put(job.id(), job);
        try {
            executor.submit(work);
        } catch (RuntimeException e) {
            jobs.remove(job.id());
            throw e;
        }
        return job;
    }

    /** Replaces the job's record by {@code change} of it (its progress, its end). */
    public void update(String id, UnaryOperator<J> change) {
        jobs.computeIfPresent(id, (k, j) -> change.apply(j));
    }

    public Optional<J> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job this process ran or queued, newest first. */
    public List<J> all() {
        return jobs.values().stream()
                .sorted(Comparator.comparing(Job::startedAt).reversed())
                .toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
