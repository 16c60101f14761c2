package dev.buyonce.saga.payment;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.saga.payment.ProviderCall.Operation;
import dev.buyonce.saga.provider.ProviderCallSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provider calls as persistent db-scheduler tasks (table {@code scheduled_tasks}, like the saga's deadlines).
 * The saga schedules one in its own transaction (db-scheduler's data source joins it), so the intent is
 * stored exactly when the saga's new state is; any node's scheduler then runs it, outside any transaction,
 * and a node that dies mid-call leaves it to be revived elsewhere. A call the provider did not answer is
 * tried again with back-off, for as long as it takes: nothing the saga asked for is dropped.
 */
@Configuration
class ProviderCallTasks {
    static final String TASK = "payment-provider-call";
    private static final Logger log = LoggerFactory.getLogger(ProviderCallTasks.class);

    @Bean
    OneTimeTask<ProviderCall> providerCallTask(ProviderCallWorker worker, ProviderCallSettings settings) {
        return Tasks.oneTime(TASK, ProviderCall.class)
                .onFailure((complete, operations) -> retryLater(complete, operations, settings))
                .execute((instance, context) -> worker.perform(instance.getData()));
    }

    @Bean
    ProviderCalls providerCalls(ObjectProvider<SchedulerClient> scheduler, OneTimeTask<ProviderCall> task) {
        return new Scheduled(scheduler, task);
    }

    private static void retryLater(ExecutionComplete complete, ExecutionOperations<ProviderCall> operations,
                                   ProviderCallSettings settings) {
        int failures = complete.getExecution().consecutiveFailures;
        Duration pause = settings.retryAfter(failures);
        String cause = complete.getCause().map(String::valueOf).orElse("unknown");
        if (failures == 0 || (failures + 1) % 10 == 0) {
            log.warn("provider call {} failed ({} in a row); retrying in {}: {}",
                    complete.getExecution().taskInstance.getId(), failures + 1, pause, cause);
        } else {
            log.debug("provider call {} failed ({} in a row); retrying in {}: {}",
                    complete.getExecution().taskInstance.getId(), failures + 1, pause, cause);
        }
        operations.reschedule(complete, complete.getTimeDone().plus(pause));
    }

    private record Scheduled(ObjectProvider<SchedulerClient> scheduler, OneTimeTask<ProviderCall> task)
            implements ProviderCalls {

        @Override
        public void check(OrderId orderId, PaymentId paymentId, String provider) {
            schedule(ProviderCall.of(Operation.CHECK, orderId, paymentId, provider, null, audit()));
        }

        @Override
        public void settle(OrderId orderId, PaymentId paymentId, String provider) {
            schedule(ProviderCall.of(Operation.SETTLE, orderId, paymentId, provider, null, audit()));
        }

        @Override
        public void refund(OrderId orderId, PaymentId paymentId, String provider, Money amount) {
            schedule(ProviderCall.of(Operation.REFUND, orderId, paymentId, provider, amount, audit()));
        }

        @Override
        public boolean refundInFlight(PaymentId paymentId) {
            return scheduler.getObject().getScheduledExecution(
                    TaskInstanceId.of(TASK, ProviderCall.instanceId(Operation.REFUND, paymentId))).isPresent();
        }

        private void schedule(ProviderCall call) {
            scheduler.getObject().scheduleIfNotExists(task.instance(call.instanceId(), call), Instant.now());
        }

        /** The correlation data (user, key, correlation, trace) of the message the saga is handling. */
        private static Map<String, ?> audit() {
            return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getCorrelationData() : Map.of();
        }
    }
}
