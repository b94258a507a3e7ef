package uk.attendance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Rows in every table a request can write to, to show that a refused request changed nothing. */
public record TableCounts(Map<String, Long> rows) {

    private static final List<String> TABLES = List.of("school", "pupil", "pupil_characteristic", "parent", "session_mark",
            "mark_amendment", "intervention", "recommended_action", "action_decision", "app_user", "app_user_school", "mis_token",
            "pupil_register", "register_day");

    public static TableCounts of(DataSource dataSource) {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TableCounts(rows);
    }

    public long get(String table) {
        return rows.get(table);
    }
}
