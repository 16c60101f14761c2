package dev.buyonce.client;

/** Anything the client could not get done: a problem the service answered, or no answer at all. */
public abstract class BuyOnceException extends RuntimeException {
    protected BuyOnceException(String message, Throwable cause) {
        super(message, cause);
    }
}
