package org.coordscope.ingest.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.coordscope.ingest.read.SourceReader;

/**
 * Passes what a {@link SourceReader} reads to another sink on a thread of its own, in batches and in file order,
 * so parsing and what is done with each record use two cores. Only that thread calls the consumer, so the
 * consumer needs no locking. Call {@link #finish()} after the reader returns: it waits for the consumer and
 * rethrows the consumer's failure; {@link #close()} abandons the work.
 */
public final class HandOffSink implements RecordSink, AutoCloseable {

    private static final int BATCH = 1_000;
    private static final List<Object> END = List.of();

    private final RecordSink consumer;
    private final BlockingQueue<List<Object>> handOver = new ArrayBlockingQueue<>(32);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Object> batch = new ArrayList<>(BATCH);

    /** Starts the consuming thread, named {@code threadName} (it shows in thread dumps and profiles). */
    public HandOffSink(RecordSink consumer, String threadName) {
        this.consumer = consumer;
        this.thread = new Thread(this::consume, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void account(AccountRecord account) {
        add(account);
    }

    @Override
    public void post(PostRecord post) {
        add(post);
    }

    @Override
    public void badRow(BadRow badRow) {
        add(badRow);
    }

    private void add(Object record) {
        batch.add(record);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until the consumer has taken everything; its failure, if any, is rethrown here. */
    public void finish() {
        put(batch);
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + thread.getName(), e);
        }
        rethrowFailure();
    }

    private void put(List<Object> records) {
        try {
            while (!handOver.offer(records, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing records to " + thread.getName(), e);
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(thread.getName() + " failed: " + t.getMessage(), t);
        }
    }

    private void consume() {
        try {
            for (List<Object> records; (records = handOver.take()) != END; ) {
                for (Object record : records) {
                    if (record instanceof PostRecord post) {
                        consumer.post(post);
                    } else if (record instanceof AccountRecord account) {
                        consumer.account(account);
                    } else {
                        consumer.badRow((BadRow) record);
                    }
                }
            }
        } catch (InterruptedException e) {
            // abandoned: close() interrupts
        } catch (Throwable t) {
            failure = t; // the reader sees it at its next hand-over
        }
    }

    /** Stops the consuming thread if it is still running (the reading failed or was abandoned). */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
