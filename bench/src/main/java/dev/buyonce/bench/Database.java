package dev.buyonce.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC access to one of the run's fresh databases (user postgres, trust auth on loopback). */
record Database(String url) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    /** The single number {@code sql} answers. */
    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    String text(String sql) throws SQLException {
        try (Connection connection = connect(); var statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
