package org.coordscope.graphdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code serve} on a store another process holds: Spring prints this instead of a stack trace. */
class StoreInUseFailureAnalyzer extends AbstractFailureAnalyzer<StoreInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other CoordScope process, or start this one with --store DIR on another directory.",
                cause);
    }
}
