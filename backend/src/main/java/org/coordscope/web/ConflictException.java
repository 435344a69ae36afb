package org.coordscope.web;

/** The request clashes with work in progress (e.g. an import into a dataset being written): answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
