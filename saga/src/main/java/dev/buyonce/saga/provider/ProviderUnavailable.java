package dev.buyonce.saga.provider;

/** A provider call that got no answer: it timed out, failed (an error answer), or the circuit was open. */
public class ProviderUnavailable extends RuntimeException {
    private final String provider;

    public ProviderUnavailable(String provider, String operation, String why, Throwable cause) {
        super("payment provider " + provider + " did not answer " + operation + ": " + why, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
