package org.coordscope.cli;

import org.coordscope.graphdb.StoreStartException;
import org.coordscope.ingest.ImportException;
import org.coordscope.web.NotFoundException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/** Turns a failure into the one sentence a user needs. */
final class UserErrors {

    private UserErrors() {}

    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreStartException
                    || t instanceof ImportException
                    || t instanceof IllegalArgumentException
                    || t instanceof NotFoundException) {
                return t.getMessage();
            }
            if (t instanceof ServiceUnavailableException) {
                return "Neo4j is not reachable (" + t.getMessage() + "). Check NEO4J_URI and that the server runs.";
            }
            if (t instanceof java.nio.file.NoSuchFileException) {
                return "No such file: " + t.getMessage();
            }
            if (t instanceof java.io.FileNotFoundException) {
                return "Cannot read " + t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
