package dev.buyonce.query;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the projection tests run on: H2 (application.yml) unless {@code -Dbuyonce.test.database=postgres},
 * then a fresh PostgreSQL database of their own, created on the server named by {@code BUYONCE_TEST_DB_URL}
 * (user and password from {@code BUYONCE_TEST_DB_USER} / {@code BUYONCE_TEST_DB_PASSWORD}, as the app's tests
 * read them) or else at 127.0.0.1:5432, and dropped when the JVM exits.
 */
final class TestDatabase {
    private static String postgresUrl;

    private TestDatabase() {
    }

    static void register(DynamicPropertyRegistry registry) {
        if ("postgres".equals(System.getProperty("buyonce.test.database"))) {
            registry.add("spring.datasource.url", TestDatabase::freshPostgres);
            registry.add("spring.datasource.username", TestDatabase::user);
            registry.add("spring.datasource.password", TestDatabase::password);
        }
    }

    private static synchronized String freshPostgres() {
        if (postgresUrl == null) {
            String server = env("BUYONCE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            String name = "buyonce_query_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(server, "CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"), "drop-" + name));
            postgresUrl = server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        }
        return postgresUrl;
    }

    private static String user() {
        return env("BUYONCE_TEST_DB_USER", "postgres");
    }

    private static String password() {
        return env("BUYONCE_TEST_DB_PASSWORD", "");
    }

    private static void execute(String url, String sql) {
        new JdbcTemplate(new DriverManagerDataSource(url, user(), password())).execute(sql);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
