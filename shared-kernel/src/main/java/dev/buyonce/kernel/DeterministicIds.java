package dev.buyonce.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (RFC 9562 version 5, SHA-1) UUIDs. Identity is the guard against duplicates: the same
 * intent always derives the same id, on every node and after every restart, so a retry lands on the
 * aggregate the first attempt created.
 */
public final class DeterministicIds {
    /** BuyOnce's namespace; changing it would re-key every aggregate, so it never changes. */
    private static final UUID NAMESPACE = UUID.fromString("6f1c2a8e-8d4b-5b7e-9c1a-b0e5e0ce0001");

    private DeterministicIds() {
    }

    /** The v5 UUID of the parts, joined by a separator no part can contain ('\u001f'). */
    public static UUID of(String... parts) {
        String name = String.join("\u001f", parts);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
