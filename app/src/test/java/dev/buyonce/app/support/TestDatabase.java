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

    private static synchronized void dropAll() {
        for (String name : created) {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // best effort at JVM exit
            }
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
