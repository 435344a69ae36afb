package org.coordscope.web;

/**
 * A request that cannot be carried out as sent (e.g. a file of the wrong kind): answered 400 with the message.
 * Feature exceptions extend it so that this package needs to know none of them.
 */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }

    public BadRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
