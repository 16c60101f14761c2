package dev.buyonce.app.web;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** A controller parameter of type {@link UserId} is the authenticated caller (JWT sub), never anything from the body. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(UserId.class);
    }

    @Override
    public UserId resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        UserId caller = caller();
        if (caller == null) {
            throw new RuleViolation(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
        }
        return caller;
    }

    /** The authenticated caller (JWT sub) of the request on this thread, or null when there is no valid one. */
    static UserId caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt && UserId.isValid(jwt.getName())
                ? new UserId(jwt.getName()) : null;
    }
}
