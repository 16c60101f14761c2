package dev.buyonce.saga.sandbox;

/** The JSON body of a sandbox notification. Amount as a decimal string, times ISO-8601. */
record SandboxNotice(String id, String type, String paymentId, String orderId, Amount amount, String capturedAt) {
    static final String CAPTURED = "payment.captured";

    record Amount(String amount, String currency) {
    }
}
