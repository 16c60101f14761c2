package dev.buyonce.saga.provider;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way out to a payment provider. Every call runs on a small pool of its own (never on a thread that
 * holds a database transaction), waits at most the configured timeout, and passes one circuit breaker per
 * provider: a provider that keeps failing or hanging is not called at all for a while, so callers fail at
 * once instead of each waiting out the timeout. A call that gets no answer throws {@link ProviderUnavailable};
 * the caller retries it later (our ids make every call idempotent at the provider).
 *
 * <p>The circuit's state is logged at WARN on every change and published as the gauge
 * {@code buyonce.payment.provider.circuit} (0 closed, 1 open, 2 half-open) per provider.
 */
public class GuardedProviders implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GuardedProviders.class);
    private final PaymentProviders providers;
    private final ProviderCallSettings settings;
    private final CircuitBreakerConfig breakerConfig;
    private final TimeLimiter limiter;
    private final ExecutorService pool;
    private final MeterRegistry metrics;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public GuardedProviders(PaymentProviders providers, ProviderCallSettings settings, MeterRegistry metrics) {
        this.providers = providers;
        this.settings = settings;
        this.metrics = metrics;
        this.breakerConfig = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .build();
        this.limiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(settings.timeout())
                .cancelRunningFuture(true).build());
        AtomicInteger threads = new AtomicInteger();
        // no queue: when every thread is stuck in a hanging call, the next call fails at once instead of waiting
        ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.maxConcurrentCalls(), settings.maxConcurrentCalls(),
                60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "payment-provider-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
        providers.all().forEach(provider -> breaker(provider.name()));
    }

    /** Calls {@code provider} within the timeout and through its circuit breaker. */
    public <T> T call(String provider, String operation, Function<PaymentProvider, T> call) {
        PaymentProvider target = providers.named(provider);
        CircuitBreaker breaker = breaker(provider);
        try {
            T answer = breaker.executeCallable(() -> limiter.executeFutureSupplier(() -> pool.submit(() -> call.apply(target))));
            count(provider, "answered");
            return answer;
        } catch (CallNotPermittedException e) {
            count(provider, "not-called");
            throw new ProviderUnavailable(provider, operation, "circuit open", e);
        } catch (TimeoutException e) {
            count(provider, "timed-out");
            throw new ProviderUnavailable(provider, operation, "no answer within " + settings.timeout(), e);
        } catch (RejectedExecutionException e) {
            count(provider, "not-called");
            throw new ProviderUnavailable(provider, operation, "all " + settings.maxConcurrentCalls()
                    + " provider call threads busy", e);
        } catch (Exception e) {
            count(provider, "failed");
            throw new ProviderUnavailable(provider, operation, String.valueOf(e), e);
        }
    }

    /** CLOSED, OPEN or HALF_OPEN (or another resilience4j state name). */
    public String circuitState(String provider) {
        return breaker(provider).getState().name();
    }

    private CircuitBreaker breaker(String provider) {
        return breakers.computeIfAbsent(provider, name -> {
            CircuitBreaker breaker = CircuitBreaker.of(name, breakerConfig);
            breaker.getEventPublisher().onStateTransition(event ->
                    log.warn("payment provider {}: circuit {}", name, event.getStateTransition()));
            Gauge.builder("buyonce.payment.provider.circuit", breaker, GuardedProviders::stateValue)
                    .description("0 closed, 1 open (calls refused), 2 half-open (trial calls)")
                    .tag("provider", name).register(metrics);
            return breaker;
        });
    }

    private static double stateValue(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 2;
            default -> 1;
        };
    }

    private void count(String provider, String outcome) {
        Counter.builder("buyonce.payment.provider.calls").tag("provider", provider).tag("outcome", outcome)
                .register(metrics).increment();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
