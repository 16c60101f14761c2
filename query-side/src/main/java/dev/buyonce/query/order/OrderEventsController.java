package dev.buyonce.query.order;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.FindOrderQuery;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderView;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import dev.buyonce.query.QuerySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of one order: the order as it is now, then one {@code order} event per change, as it
 * happens (Axon subscription query). A client that goes away cancels its subscription; a reconnect starts
 * again with the current state. When the service stops, every open stream is ended first, so that the web
 * server's graceful shutdown does not wait out its timeout for streams that never end by themselves.
 */
@RestController
class OrderEventsController implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OrderEventsController.class);
    private final QueryGateway queries;
    private final OrderOwners owners;
    private final Duration timeout;
    private final Duration heartbeat;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "order-events-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    OrderEventsController(QueryGateway queries, OrderOwners owners, QuerySettings settings) {
        this.queries = queries;
        this.owners = owners;
        this.timeout = settings.orders().eventsTimeout();
        this.heartbeat = settings.orders().eventsHeartbeat();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs in the default phase, before the web server's graceful shutdown (a lower phase) begins to wait. */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter emitter : List.copyOf(open)) {
            emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    @GetMapping(path = "/api/orders/{orderId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(UserId user, @PathVariable String orderId) {
        OrderId id = OrderId.parse(orderId).filter(o -> owners.ownerOf(o).filter(user::equals).isPresent()).orElseThrow(() ->
                new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found"));
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        SubscriptionQueryResult<OrderView, OrderView> subscription =
                queries.subscriptionQuery(new FindOrderQuery(id, user), OrderView.class, OrderView.class);
        emitter.onTimeout(subscription::cancel);
        emitter.onError(error -> subscription.cancel());
        AtomicReference<OrderView> lastSent = new AtomicReference<>();
        subscription.initialResult().subscribe(view -> send(emitter, subscription, lastSent, view));
        subscription.updates().subscribe(view -> send(emitter, subscription, lastSent, view), error -> emitter.complete());
        // A client that went away is only noticed when something is written: a comment line now and then finds it.
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(() -> keepAlive(emitter, subscription),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        open.add(emitter);
        emitter.onCompletion(() -> {
            open.remove(emitter);
            beat.cancel(false);
            subscription.cancel();
        });
        return emitter;
    }

    private static void keepAlive(SseEmitter emitter, SubscriptionQueryResult<?, ?> subscription) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            }
        } catch (IOException | IllegalStateException failed) {
            ended(emitter, subscription, failed);
        }
    }

    /**
     * Ends the stream after a write to it failed. A client that went away (an I/O failure, or the emitter already
     * completed because the container saw the connection close) is no one's fault and is not logged; anything else
     * that broke the write (the view could not be written) is a defect, logged with its stack trace. Either way the
     * stream ends as a completed one: completing it with the error would send that error looking for an exception
     * handler, to answer into an answer already begun.
     */
    static void ended(SseEmitter emitter, SubscriptionQueryResult<?, ?> subscription, Exception failed) {
        if (failed instanceof IllegalStateException && failed.getCause() != null && !(failed.getCause() instanceof IOException)) {
            log.error("could not write to an order's event stream", failed);
        }
        subscription.cancel();
        emitter.complete();
    }

    /** Sends the order unless it is what the client saw last: one event per visible change. */
    private static void send(SseEmitter emitter, SubscriptionQueryResult<?, ?> subscription,
                             AtomicReference<OrderView> lastSent, OrderView view) {
        try {
            synchronized (emitter) {
                if (view.equals(lastSent.get())) {
                    return;
                }
                emitter.send(SseEmitter.event().name("order").data(view, MediaType.APPLICATION_JSON));
                lastSent.set(view);
            }
        } catch (IOException | IllegalStateException failed) {
            ended(emitter, subscription, failed);
        }
    }
}
