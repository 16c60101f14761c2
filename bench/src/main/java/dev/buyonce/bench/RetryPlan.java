package dev.buyonce.bench;

/**
 * What one iteration of a place-order client sends. Of every 8 iterations one also sends its key again
 * concurrently with the original and one retries its key after the answer: 2 retries in 10 requests, 20%,
 * half of them concurrent with the original.
 */
enum RetryPlan {
    SINGLE(1),
    CONCURRENT_DUPLICATE(2),
    RETRY_AFTER_ANSWER(2);

    private final int requests;

    RetryPlan(int requests) {
        this.requests = requests;
    }

    static RetryPlan forIteration(long iteration) {
        return switch ((int) (iteration % 8)) {
            case 0 -> CONCURRENT_DUPLICATE;
            case 4 -> RETRY_AFTER_ANSWER;
            default -> SINGLE;
        };
    }

    int requests() {
        return requests;
    }
}
