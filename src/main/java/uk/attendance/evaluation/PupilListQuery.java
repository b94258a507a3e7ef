package uk.attendance.evaluation;

import uk.attendance.pupil.*;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pupils list in SQL: search, filters, order and page over the pupils and their latest standing, so a school of a
 * thousand pupils sends fifty rows, not a thousand. The stage is the latest non-dismissed action's stage raised by
 * {@code asOf}, as on the pupil page.
 */
final class PupilListQuery {

    /** A row with the pupil's id, so the list can be joined to figures computed elsewhere. */
    record Row(long pupilId, PupilListItem item) {
    }

    private static final String TO_DO = "('OPEN','ACCEPTED')";
    private static final String COLUMNS = "p.id, p.upn, p.given_name, p.family_name, p.year_group, p.registration_group,"
            + " s.possible_sessions, s.attended_sessions, s.band, s.persistently_absent,"
            + " (SELECT COUNT(*) FROM recommended_action a WHERE a.pupil_id = p.id AND a.status IN " + TO_DO + ") AS open_actions,"
            + " (SELECT a.stage FROM recommended_action a WHERE a.pupil_id = p.id AND a.status <> 'DISMISSED' AND a.stage IS NOT NULL"
            + " AND a.raised_on <= :asOf ORDER BY a.raised_on DESC, a.id DESC LIMIT 1) AS stage";

    private PupilListQuery() {
    }

    /** One page and the total, filtered and sorted by the stored standings. */
    static PupilPage page(String schoolId, PupilFilter filter, LocalDate asOf) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(schoolId, filter, true, params);
        Query count = Panache.getEntityManager().createNativeQuery(
                "SELECT COUNT(*) FROM pupil p LEFT JOIN pupil_standing s ON s.pupil_id = p.id" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0 || filter.offset() >= total) {
            return new PupilPage(total, List.of());
        }
        String order = filter.sort() == PupilFilter.Sort.ATTENDANCE
                ? " ORDER BY s.attendance_percent IS NULL, s.attendance_percent, p.family_name, p.given_name, p.upn"
                : " ORDER BY p.family_name, p.given_name, p.upn";
        List<Row> rows = rows(COLUMNS, where + order + " LIMIT " + filter.limit() + " OFFSET " + filter.offset(), params, asOf);
        return new PupilPage(total, rows.stream().map(Row::item).toList());
    }

    /** Every pupil matching the filter's search and roll filters, in name order, with their stored standing. */
    static List<Row> matchingRoll(String schoolId, PupilFilter filter, LocalDate asOf) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(schoolId, filter, false, params);
        return rows(COLUMNS, where + " ORDER BY p.family_name, p.given_name, p.upn", params, asOf);
    }

    private static List<Row> rows(String columns, String rest, Map<String, Object> params, LocalDate asOf) {
        Query query = Panache.getEntityManager().createNativeQuery(
                "SELECT " + columns + " FROM pupil p LEFT JOIN pupil_standing s ON s.pupil_id = p.id" + rest);
        params.forEach(query::setParameter);
        query.setParameter("asOf", asOf);
        List<Row> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] r = (Object[]) result;
            Integer possible = r[6] == null ? null : ((Number) r[6]).intValue();
            BigDecimal percent = possible == null ? null : LatestStanding.displayedPercent(possible, ((Number) r[7]).intValue());
            rows.add(new Row(((Number) r[0]).longValue(), new PupilListItem((String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue(), (String) r[5], percent, (String) r[8], (String) r[11], truthy(r[9]),
                    ((Number) r[10]).intValue())));
        }
        return rows;
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    private static String where(String schoolId, PupilFilter filter, boolean standingFilters, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE p.school_id = :school");
        params.put("school", schoolId);
        if (filter.search() != null) {
            // The columns' collation ignores case; % and _ typed by the user match themselves.
            where.append(" AND (p.given_name LIKE :search OR p.family_name LIKE :search OR p.upn LIKE :search"
                    + " OR CONCAT(p.given_name, ' ', p.family_name) LIKE :search)");
            params.put("search", "%" + filter.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.yearGroup() != null) {
            where.append(" AND p.year_group = :yearGroup");
            params.put("yearGroup", filter.yearGroup());
        }
        if (filter.registrationGroup() != null) {
            where.append(" AND p.registration_group = :registrationGroup");
            params.put("registrationGroup", filter.registrationGroup());
        }
        if (filter.hasOpenActions() != null) {
            where.append(filter.hasOpenActions() ? " AND" : " AND NOT")
                    .append(" EXISTS (SELECT 1 FROM recommended_action a WHERE a.pupil_id = p.id AND a.status IN " + TO_DO + ")");
        }
        if (standingFilters) {
            if (filter.band() != null) {
                where.append(" AND s.band = :band");
                params.put("band", filter.band());
            }
            if (filter.persistentlyAbsent() != null) {
                where.append(filter.persistentlyAbsent() ? " AND s.persistently_absent" : " AND NOT COALESCE(s.persistently_absent, FALSE)");
            }
        }
        return where.toString();
    }

    /** The year groups, registration groups and bands the school's pupils are in, for the list's filters. */
    @SuppressWarnings("unchecked")
    static PupilChoices choices(String schoolId) {
        var em = Panache.getEntityManager();
        List<Integer> years = ((List<Number>) em.createNativeQuery(
                        "SELECT DISTINCT year_group FROM pupil WHERE school_id = :school ORDER BY year_group")
                .setParameter("school", schoolId).getResultList()).stream().map(Number::intValue).toList();
        List<String> groups = em.createNativeQuery("SELECT DISTINCT registration_group FROM pupil WHERE school_id = :school"
                        + " AND registration_group IS NOT NULL ORDER BY LENGTH(registration_group), registration_group")
                .setParameter("school", schoolId).getResultList();
        List<String> bands = em.createNativeQuery("SELECT band FROM pupil_standing WHERE school_id = :school AND band IS NOT NULL"
                        + " GROUP BY band ORDER BY AVG(attendance_percent) DESC, band")
                .setParameter("school", schoolId).getResultList();
        return new PupilChoices(years, groups, bands);
    }
}
