package uk.attendance.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/**
 * What a letter template can use, e.g. {@code {pupil.givenName}}, {@code {attendance.percent}},
 * {@code {params.get('letter1.below.percent')}}. Every value is ready to print; the README of each policy's
 * {@code letters/} folder lists them.
 */
@TemplateData
public record LetterModel(String date, School school, Pupil pupil, List<String> parentNames, String parents, String salutation,
        Attendance attendance, Action action, String academicYear, String policyName, Map<String, String> params) {

    @TemplateData
    public record School(String id, String name) {
    }

    @TemplateData
    public record Pupil(String givenName, String familyName, String fullName, String upn, String yearGroup, String dateOfBirth) {
    }

    /** The year to date as of {@code asOf}: the contract's attendance summary, worded. */
    @TemplateData
    public record Attendance(String asOf, String percent, String absencePercent, String daysAbsent, int possibleSessions,
            int missedSessions, int authorisedSessions, int unauthorisedSessions, int lateSessions,
            int unauthorisedSessionsLast10SchoolWeeks, boolean persistentlyAbsent, boolean severelyAbsent) {
    }

    @TemplateData
    public record Action(long id, String type, String title, String stage, String reason, String clause, String raisedOn) {
    }
}
