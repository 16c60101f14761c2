package dev.buyonce.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests, chosen automatically: {@code BUYONCE_TEST_DB_URL} (a server URL; user and
 * password from {@code BUYONCE_TEST_DB_USER} / {@code BUYONCE_TEST_DB_PASSWORD}) when set; else a
 * Testcontainers PostgreSQL where a Docker engine answers; else the PostgreSQL at 127.0.0.1:5432.
 * Every caller of {@link #fresh()} gets a database of its own, dropped when the JVM exits.
 */
public final class TestDatabase {
    public record Coordinates(String url, String user, String password) {
    }

    private static Coordinates server;
    private static final List<String> created = new ArrayList<>();

    private TestDatabase() {
    }

    public static synchronized Coordinates fresh() {
        Coordinates admin = server();
        String name = "buyonce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, "CREATE DATABASE " + name);
        created.add(name);
        String url = admin.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Coordinates(url, admin.user(), admin.password());
    }

    private static Coordinates server() {
        if (server != null) {
            return server;
        }
        String url = System.getenv("BUYONCE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            server = new Coordinates(url, envOr("BUYONCE_TEST_DB_USER", "postgres"), envOr("BUYONCE_TEST_DB_PASSWORD", ""));
        } else if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            server = new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        } else {
            server = new Coordinates("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "drop-test-databases"));
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * At JVM exit, after the nodes using them have closed: shutdown hooks run at the same time, and a database
     * dropped under a node that is still stopping leaves its threads waiting for connections until the pool's
     * timeout (surefire then kills the JVM after 30 s). So each database is dropped once nothing is connected to
     * it any more, or after 15 s in all.
     */
    private static synchronized void dropAll() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        for (String name : created) {
            try {
                awaitNoConnections(name, deadline);
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // best effort at JVM exit
            }
        }
    }

    private static void awaitNoConnections(String database, long deadline) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
             java.sql.PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            count.setString(1, database);
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = count.executeQuery()) {
                    if (row.next() && row.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            // the drop below is forced anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void execute(Coordinates target, String sql) {
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
