package dev.buyonce.app.limits;

import jakarta.servlet.http.HttpServletRequest;

/** The groups of endpoints that each have a token bucket of their own per user (or per address). */
enum EndpointFamily {
    ORDERS, PAYMENTS, READS, ADMIN, ANONYMOUS,
    /** Signed provider callbacks: never limited per address (the provider calls from a few addresses). */
    WEBHOOK;

    static final String WEBHOOK_PATHS = "/api/payments/notifications/";

    /** The family of an authenticated request ({@link #ANONYMOUS} is chosen by the caller, not the path). */
    static EndpointFamily of(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith(WEBHOOK_PATHS)) {
            return WEBHOOK;
        }
        if (path.startsWith("/api/admin/")) {
            return ADMIN;
        }
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return READS;
        }
        if (path.startsWith("/api/orders/") && path.endsWith("/payments")) {
            return PAYMENTS;
        }
        return ORDERS;
    }

    LimitSettings.Rate rate(LimitSettings.Rates rates) {
        return switch (this) {
            case ORDERS -> rates.orders();
            case PAYMENTS -> rates.payments();
            case READS -> rates.reads();
            case ADMIN -> rates.admin();
            case ANONYMOUS -> rates.anonymous();
            case WEBHOOK -> throw new IllegalStateException("webhooks have no bucket");
        };
    }
}
