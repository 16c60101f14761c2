package dev.buyonce.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The physical floor of "one command = one transaction": per order, insert the idempotency key with
 * ON CONFLICT DO NOTHING and, if it was new, one order row; a repeated key reads the order it names.
 * No HTTP, no serialization, no framework: only PostgreSQL and the JDBC driver.
 */
final class RawSqlOrders implements OrderTarget {
    private final BlockingQueue<Connection> connections;

    RawSqlOrders(Database database, int connectionCount) throws SQLException {
        database.execute("""
                CREATE TABLE IF NOT EXISTS idempotency_key (
                    user_id VARCHAR(64) NOT NULL, key VARCHAR(255) NOT NULL, order_id UUID NOT NULL,
                    created_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (user_id, key));
                CREATE TABLE IF NOT EXISTS orders (
                    order_id UUID NOT NULL PRIMARY KEY, user_id VARCHAR(64) NOT NULL, product_id VARCHAR(64) NOT NULL,
                    quantity INTEGER NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
        connections = new ArrayBlockingQueue<>(connectionCount);
        for (int i = 0; i < connectionCount; i++) {
            Connection connection = database.connect();
            connection.setAutoCommit(false);
            connections.add(connection);
        }
    }

    @Override
    public String name() {
        return "raw SQL";
    }

    @Override
    public Answer place(int client, String key) throws Exception {
        String user = OrderTarget.user(client);
        UUID orderId = UUID.nameUUIDFromBytes((user + '\n' + key).getBytes(StandardCharsets.UTF_8));
        Connection connection = connections.take();
        try {
            Answer answer = claimKey(connection, user, key, orderId)
                    ? insertOrder(connection, user, orderId)
                    : new Answer(200, existing(connection, user, key));
            connection.commit();
            return answer;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connections.put(connection);
        }
    }

    private static boolean claimKey(Connection connection, String user, String key, UUID orderId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO idempotency_key (user_id, key, order_id, created_at) VALUES (?, ?, ?, now())
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, user);
            insert.setString(2, key);
            insert.setObject(3, orderId);
            return insert.executeUpdate() == 1;
        }
    }

    private static Answer insertOrder(Connection connection, String user, UUID orderId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO orders (order_id, user_id, product_id, quantity, created_at) VALUES (?, ?, ?, 1, now())""")) {
            insert.setObject(1, orderId);
            insert.setString(2, user);
            insert.setString(3, BuyOnceOrders.PRODUCT);
            insert.executeUpdate();
        }
        return new Answer(201, orderId.toString());
    }

    private static String existing(Connection connection, String user, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT order_id FROM idempotency_key WHERE user_id = ? AND key = ?")) {
            select.setString(1, user);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
