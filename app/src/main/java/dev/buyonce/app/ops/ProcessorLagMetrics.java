package dev.buyonce.app.ops;

import dev.buyonce.query.admin.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every event processor's lag as Prometheus gauges: {@code buyonce_processor_lag_events} and
 * {@code buyonce_processor_lag_seconds}, tagged with the processor's name and kind (view, saga, policy). One
 * scrape reads the processors' positions once; readings within a second share it.
 */
@Component
class ProcessorLagMetrics {
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);
    private final Projections projections;
    private final MeterRegistry registry;
    private volatile Map<String, Projections.ProcessorView> last = Map.of();
    private volatile long readAt;

    ProcessorLagMetrics(Projections projections, MeterRegistry registry) {
        this.projections = projections;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (Projections.ProcessorView processor : projections.all()) {
            gauge("buyonce.processor.lag.events", "events the processor has yet to handle", processor,
                    view -> view.lagEvents());
            gauge("buyonce.processor.lag.seconds", "age of the oldest event the processor has yet to handle",
                    processor, view -> view.lagSeconds());
        }
    }

    private void gauge(String name, String description, Projections.ProcessorView processor,
                       ToDoubleFunction<Projections.ProcessorView> value) {
        Gauge.builder(name, this, metrics -> {
                    Projections.ProcessorView now = metrics.current().get(processor.name());
                    return now == null ? Double.NaN : value.applyAsDouble(now);
                })
                .description(description)
                .tag("processor", processor.name())
                .tag("kind", processor.kind().name().toLowerCase())
                .register(registry);
    }

    private Map<String, Projections.ProcessorView> current() {
        long now = System.nanoTime();
        if (now - readAt > FRESH_FOR.toNanos()) {
            List<Projections.ProcessorView> all = projections.all();
            last = all.stream().collect(Collectors.toMap(Projections.ProcessorView::name, view -> view));
            readAt = now;
        }
        return last;
    }
}
