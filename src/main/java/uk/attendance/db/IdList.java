package uk.attendance.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;

/** Ids as an SQL {@code IN} list on plain JDBC: one placeholder per id, bound in order. */
public final class IdList {

    private IdList() {
    }

    /** {@code (?,?,...)} with {@code count} placeholders. */
    public static String placeholders(int count) {
        return "(" + String.join(",", Collections.nCopies(count, "?")) + ")";
    }

    /** Binds the ids from parameter {@code first} on; returns the next parameter's index. */
    public static int bind(PreparedStatement statement, int first, Collection<Long> ids) throws SQLException {
        int parameter = first;
        for (Long id : ids) {
            statement.setLong(parameter++, id);
        }
        return parameter;
    }
}
