package org.coordscope.web;

/** An upload of a kind the endpoint does not read: answered 415 with the message (naming the file). */
public class UnsupportedMediaException extends RuntimeException {

    public UnsupportedMediaException(String message) {
        super(message);
    }
}
