package dev.buyonce.app.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Stamps who and which request on every command sent while serving an HTTP request: {@code userId} (the
 * authenticated caller), {@code correlationId} and {@code traceId}. The correlation data provider then
 * copies them onto every event the command causes, and onward to commands that sagas send in reaction.
 * Nothing secret and no personal data beyond the user id.
 */
@Component
class AuditMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    AuditMetadata(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null) {
                return command;
            }
            Map<String, Object> added = new HashMap<>();
            putIfAbsent(command, added, "correlationId", request.getAttribute(RequestCorrelation.CORRELATION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
            putIfAbsent(command, added, "traceId", request.getAttribute(RequestCorrelation.TRACE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken jwt) {
                putIfAbsent(command, added, "userId", jwt.getName());
            }
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }

    private static void putIfAbsent(CommandMessage<?> command, Map<String, Object> added, String key, Object value) {
        if (value != null && !command.getMetaData().containsKey(key)) {
            added.put(key, value.toString());
        }
    }
}
