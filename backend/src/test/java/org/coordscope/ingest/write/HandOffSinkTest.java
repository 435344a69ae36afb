package org.coordscope.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.coordscope.ingest.read.CollectingSink;
import org.junit.jupiter.api.Test;

class HandOffSinkTest {

    /** Every record arrives once, in the order read, on the consumer's own thread. */
    @Test
    void recordsArriveInOrderOnTheConsumingThread() {
        CollectingSink collected = new CollectingSink();
        Set<String> threads = new HashSet<>();
        RecordSink consumer = new RecordSink() {
            @Override
            public void account(AccountRecord account) {
                threads.add(Thread.currentThread().getName());
                collected.account(account);
            }

            @Override
            public void post(PostRecord post) {
                collected.post(post);
            }

            @Override
            public void badRow(BadRow badRow) {
                collected.badRow(badRow);
            }
        };
        List<String> expected = new ArrayList<>();
        try (HandOffSink sink = new HandOffSink(consumer, "test-consumer")) {
            for (int i = 0; i < 12_345; i++) {
                if (i % 7 == 0) {
                    sink.badRow(new BadRow("f.csv", i, "tweetid", "no tweetid given"));
                    expected.add("bad");
                } else {
                    sink.account(AccountRecord.ofId("a" + i));
                    expected.add("account");
                }
            }
            sink.finish();
        }
        assertThat(collected.events).isEqualTo(expected);
        assertThat(collected.accounts).extracting(AccountRecord::id).first().isEqualTo("a1");
        assertThat(collected.accounts.get(collected.accounts.size() - 1).id()).isEqualTo("a12344");
        assertThat(collected.badRows.get(1).line()).isEqualTo(7);
        assertThat(threads).containsExactly("test-consumer");
    }

    /** A failing consumer stops the reader at its next hand-over, with the consumer's own exception. */
    @Test
    void theConsumersFailureReachesTheReader() {
        RecordSink failing = new RecordSink() {
            @Override
            public void account(AccountRecord account) {
                if (account.id().equals("a1500")) {
                    throw new ImportException("the spill disk is full");
                }
            }

            @Override
            public void post(PostRecord post) {}

            @Override
            public void badRow(BadRow badRow) {}
        };
        try (HandOffSink sink = new HandOffSink(failing, "test-consumer")) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 1_000_000; i++) {
                            sink.account(AccountRecord.ofId("a" + i));
                        }
                        sink.finish();
                    })
                    .isInstanceOf(ImportException.class)
                    .hasMessage("the spill disk is full");
        }
    }
}
