package dev.buyonce.saga.provider;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;

/** A notification that is not authentic (401: bad signature, stale timestamp) or not readable (400). */
public class NotificationRejected extends RuleViolation {

    private NotificationRejected(ErrorCode code, String detail) {
        super(code, detail);
    }

    public static NotificationRejected malformed(String detail) {
        return new NotificationRejected(ErrorCode.VALIDATION_FAILED, detail);
    }

    public static NotificationRejected unauthentic(String detail) {
        return new NotificationRejected(ErrorCode.UNAUTHENTICATED, detail);
    }
}
