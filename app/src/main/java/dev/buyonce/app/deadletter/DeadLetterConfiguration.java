package dev.buyonce.app.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A dead-letter queue for each asynchronous processor. The views people read back are not here: they are
 * written in the command's own transaction, so a view that cannot handle an event fails that command (an
 * INTERNAL_ERROR answer, nothing stored) and nothing is left behind for a queue to hold.
 */
@Configuration
class DeadLetterConfiguration {
    /** The processors that run after the fact: the payment saga and the purchase patterns behind duplicate suspects. */
    static final List<String> PROCESSORS = List.of("PaymentSagaProcessor", "purchase-patterns");
    /** Parked sequences (orders) per processor before a further failure stops the processor instead. */
    static final int MAX_SEQUENCES = 10_000;

    @Bean
    ProcessorDeadLetters processorDeadLetters(ConnectionProvider connections, TransactionManager transactions,
                                              DeadLetterSchema schema, Serializer serializer,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              DataSource dataSource,
                                              ObjectProvider<org.axonframework.config.Configuration> axon) {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new LinkedHashMap<>();
        for (String processor : PROCESSORS) {
            queues.put(processor, JdbcSequencedDeadLetterQueue.builder()
                    .processingGroup(processor)
                    .connectionProvider(connections)
                    .transactionManager(transactions)
                    .schema(schema)
                    .genericSerializer(serializer)
                    .eventSerializer(eventSerializer)
                    .maxSequences(MAX_SEQUENCES)
                    .build());
        }
        return new ProcessorDeadLetters(queues, dataSource, transactions, axon::getObject);
    }

    @Bean
    ConfigurerModule deadLettering(ProcessorDeadLetters deadLetters) {
        return configurer -> {
            for (String processor : deadLetters.processors()) {
                configurer.eventProcessing()
                        .registerHandlerInterceptor(processor, c -> deadLetters.interceptor(processor))
                        .registerListenerInvocationErrorHandler(processor, c -> deadLetters.errorHandler(processor));
            }
        };
    }
}
