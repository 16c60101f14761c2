package dev.buyonce.saga.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How calls to a payment provider are guarded ({@code buyonce.payments.provider.*}): each call gets
 * {@code timeout} to answer; at most {@code maxConcurrentCalls} run at once on this node; a provider whose
 * last {@code slidingWindow} calls failed at {@code failureRateThreshold} percent or more (once
 * {@code minimumCalls} were made) is not called for {@code openFor}, then {@code halfOpenCalls} trial calls
 * decide whether it is back. A call the provider did not answer is tried again after {@code retryFirst},
 * doubling up to {@code retryMax}, until it answers.
 */
public record ProviderCallSettings(@DefaultValue("PT5S") Duration timeout,
                                   @DefaultValue("16") int maxConcurrentCalls,
                                   @DefaultValue("50") float failureRateThreshold,
                                   @DefaultValue("10") int slidingWindow,
                                   @DefaultValue("5") int minimumCalls,
                                   @DefaultValue("PT30S") Duration openFor,
                                   @DefaultValue("2") int halfOpenCalls,
                                   @DefaultValue("PT1S") Duration retryFirst,
                                   @DefaultValue("PT1M") Duration retryMax) {

    public ProviderCallSettings {
        if (timeout.isNegative() || timeout.isZero() || openFor.isNegative() || openFor.isZero()
                || retryFirst.isNegative() || retryFirst.isZero() || retryMax.compareTo(retryFirst) < 0) {
            throw new IllegalArgumentException("buyonce.payments.provider: timeout, open-for and retry-first must be"
                    + " positive and retry-max at least retry-first");
        }
        if (maxConcurrentCalls < 1 || slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1
                || failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("buyonce.payments.provider: counts must be at least 1 and the failure"
                    + " rate threshold a percentage");
        }
    }

    /** The pause before retrying a call that failed {@code failures} times in a row (0 = the first failure). */
    public Duration retryAfter(int failures) {
        Duration delay = retryFirst.multipliedBy(1L << Math.min(Math.max(failures, 0), 20));
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
