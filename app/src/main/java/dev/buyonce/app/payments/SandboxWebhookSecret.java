package dev.buyonce.app.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The sandbox provider's webhook secret when none is configured ({@code BUYONCE_SANDBOX_WEBHOOK_SECRET}): never
 * a public default. On the embedded default it is random per data directory, kept in
 * {@code <data dir>/sandbox-webhook-secret} (readable by its owner only), so callbacks signed before a restart
 * still verify after it; elsewhere it is random per process, so nodes that share a sandbox must be given one
 * secret. Which of these applies is announced at start-up (where the secret is, never its value).
 */
public class SandboxWebhookSecret implements EnvironmentPostProcessor, ApplicationListener<ApplicationReadyEvent> {
    static final String PROPERTY = "buyonce.payments.sandbox.webhook-secret";
    static final String FILE = "sandbox-webhook-secret";
    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookSecret.class);
    private static volatile String origin;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("buyonce.payments.sandbox.enabled", Boolean.class, false)
                || !environment.getProperty(PROPERTY, "").isBlank()) {
            origin = null;
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        String secret;
        if (url.startsWith("jdbc:h2:file:")) {
            Path file = Path.of(environment.getProperty("BUYONCE_DATA_DIR", "./data")).resolve(FILE);
            secret = readOrCreate(file);
            origin = "random for this data directory, kept in " + file.toAbsolutePath();
        } else {
            secret = random();
            origin = "random for this process (set BUYONCE_SANDBOX_WEBHOOK_SECRET so that nodes sharing a sandbox agree)";
        }
        environment.getPropertySources().addFirst(new MapPropertySource("sandboxWebhookSecret", Map.of(PROPERTY, secret)));
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (origin != null) {
            log.warn("The sandbox payment provider's webhook secret is {}.", origin);
        }
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String secret = random();
            Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox webhook secret cannot be kept in " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
