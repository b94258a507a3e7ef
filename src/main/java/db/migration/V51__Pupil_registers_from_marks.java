package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import uk.attendance.attendance.PupilRegister;

/**
 * Builds the compact registers and register days (V50) of a database that already holds marks, school by
 * school, with the same code that rebuilds them on an admin's request.
 */
public class V51__Pupil_registers_from_marks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> schools = new ArrayList<>();
        try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery("SELECT id FROM school")) {
            while (rows.next()) {
                schools.add(rows.getString(1));
            }
        }
        for (String school : schools) {
            PupilRegister.replace(connection, school, PupilRegister.fromMarks(connection, school));
        }
    }
}
