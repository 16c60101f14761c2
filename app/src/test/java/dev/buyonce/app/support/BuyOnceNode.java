package dev.buyonce.app.support;

import dev.buyonce.app.BuyOnceApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One running BuyOnce instance on a random port. Several nodes may share one database: each has its own
 * Spring context, command bus, locks and token-store owner, exactly as separate processes would.
 */
public final class BuyOnceNode implements AutoCloseable {
    private static BuyOnceNode shared;
    private final ConfigurableApplicationContext context;
    private final Api api;

    private BuyOnceNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** The node most tests share (its own fresh PostgreSQL database, the test catalog defined). */
    public static synchronized BuyOnceNode shared() {
        if (shared == null) {
            shared = onPostgres(TestDatabase.fresh(), Map.of("buyonce.payments.sandbox.enabled", "true"));
            TestCatalog.define(shared.api());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.close()));
        }
        return shared;
    }

    public static BuyOnceNode onPostgres(TestDatabase.Coordinates db, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.putAll(extra);
        return start("postgres", properties);
    }

    /** The embedded default profile, its file database under {@code dataDir}. */
    public static BuyOnceNode embedded(String dataDir, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("BUYONCE_DATA_DIR", dataDir);
        properties.putAll(extra);
        return start(null, properties);
    }

    private static BuyOnceNode start(String profile, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("buyonce.security.jwt-secret", Tokens.SECRET);
        all.put("buyonce.node-id", "test-node-" + UUID.randomUUID());
        all.put("spring.jmx.enabled", "false");
        all.put("spring.datasource.hikari.maximum-pool-size", "12");
        all.put("buyonce.orders.events-heartbeat", "PT0.5S");
        // Nodes the tests leave running are closed at JVM exit, some with a request a test left open (a stream, a
        // proxied call); the graceful shutdown would wait 30 s for it, longer than surefire waits for the JVM.
        all.put("spring.lifecycle.timeout-per-shutdown-phase", "3s");
        all.putAll(properties);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(BuyOnceApplication.class);
        if (profile != null) {
            builder.profiles(profile);
        }
        // as command-line arguments: they must win over the profile's own ${ENV:default} settings
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new BuyOnceNode(builder.run(args));
    }

    public Api api() {
        return api;
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The bean of that name, where several share a type. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** Events in the store whose payload type ends with {@code simpleName} and whose JSON payload contains {@code needle}. */
    public long countEvents(String simpleName, String needle) {
        // matched in Java, so the same helper works on PostgreSQL and on the embedded H2
        return jdbc().queryForList("SELECT payload FROM domain_event_entry WHERE payload_type LIKE ?", byte[].class,
                        "%." + simpleName).stream()
                .filter(payload -> new String(payload, java.nio.charset.StandardCharsets.UTF_8).contains(needle))
                .count();
    }

    public long countAllEvents() {
        Long count = jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
