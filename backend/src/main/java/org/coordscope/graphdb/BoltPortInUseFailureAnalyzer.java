package org.coordscope.graphdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code serve} with the Bolt port taken: Spring prints this instead of a stack trace. */
class BoltPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<BoltPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BoltPortInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(), "Stop the other server, or start with --coordscope.neo4j.bolt-port=PORT.", cause);
    }
}
