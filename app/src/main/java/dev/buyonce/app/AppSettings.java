package dev.buyonce.app;

import dev.buyonce.app.limits.LimitSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings at its edge, {@code buyonce.*}, each default written here once and checked at
 * start-up. (Each module has its record: CommandSettings, QuerySettings, PaymentSettings.)
 *
 * @param nodeId   this node's name as owner of processor segments; empty: the process name and a random suffix
 * @param security tokens
 * @param limits   what one client may cost this node
 */
@ConfigurationProperties("buyonce")
public record AppSettings(@DefaultValue("") String nodeId, @DefaultValue Security security, LimitSettings limits) {

    public AppSettings {
        limits = limits == null ? new LimitSettings(null, null, null, null) : limits;
    }

    /**
     * @param jwtSecret        the HS256 secret of every token; empty: refused unless the demo secret is allowed
     * @param allowDemoSecret  the embedded default's public demo secret may be used when none is set
     * @param maxTokenLifetime a token valid for longer than this (from {@code iat}, or from now) is refused
     * @param verifiedTokens   tokens whose signature was already checked, kept to skip the check next time
     */
    public record Security(@DefaultValue("") String jwtSecret, @DefaultValue("false") boolean allowDemoSecret,
                           @DefaultValue("P30D") Duration maxTokenLifetime,
                           @DefaultValue VerifiedTokens verifiedTokens) {
        public Security {
            if (maxTokenLifetime.isZero() || maxTokenLifetime.isNegative()) {
                throw new IllegalArgumentException("buyonce.security.max-token-lifetime must be positive");
            }
        }
    }

    /**
     * @param maximumSize how many verified tokens are kept
     * @param keepFor     how long one is kept after it was last presented (its expiry is still checked on every request)
     */
    public record VerifiedTokens(@DefaultValue("100000") long maximumSize, @DefaultValue("PT10M") Duration keepFor) {
        public VerifiedTokens {
            if (maximumSize < 0 || keepFor.isNegative()) {
                throw new IllegalArgumentException("buyonce.security.verified-tokens: maximum-size and keep-for may not be negative");
            }
        }
    }
}
