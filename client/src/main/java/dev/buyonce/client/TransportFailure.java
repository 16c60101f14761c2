package dev.buyonce.client;

/**
 * No answer after every attempt the retry policy allows (connection refused or dropped, timeouts). Whether the
 * service acted is unknown: submit the same {@link Intent} again to find out without acting twice.
 */
public final class TransportFailure extends BuyOnceException {
    private final int attempts;

    TransportFailure(String message, int attempts, Throwable cause) {
        super(message + " (" + attempts + " attempts)", cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
