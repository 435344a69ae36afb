package org.coordscope.graphdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code serve} on a store that cannot start (held, port taken, disk full): Spring prints this, not a stack trace. */
class StoreStartFailureAnalyzer extends AbstractFailureAnalyzer<StoreStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreStartException cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
