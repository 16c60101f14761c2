package dev.buyonce.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies each distinct bearer token's signature once. A client sends the same token with every
 * request, and parsing plus HMAC-checking it was the largest single cost of the security chain. The
 * cache key is the whole compact token, signature included, so a hit is the very token verified
 * before; the claims validators (expiry, subject) still run on every request, so an expired token is
 * refused the moment it expires. Only tokens that verified are cached.
 */
final class CachingJwtDecoder implements JwtDecoder {
    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, long maximumSize, Duration keepFor) {
        this.delegate = delegate;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(keepFor).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached == null) {
            Jwt decoded = delegate.decode(token);
            verified.put(token, decoded);
            return decoded;
        }
        OAuth2TokenValidatorResult result = validator.validate(cached);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("the token is no longer valid", result.getErrors());
        }
        return cached;
    }
}
