package dev.buyonce.client;

/**
 * The answer to a creating request: the resource, and whether the service had already created it for this
 * key ({@code duplicated}, a replay: status 200 and {@code Idempotent-Replayed}) or created it now (201).
 */
public record Outcome<T>(T value, boolean duplicated, int status, String idempotencyKey) {
}
