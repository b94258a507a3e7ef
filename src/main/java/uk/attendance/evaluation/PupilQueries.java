package uk.attendance.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.ActionView;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.CompulsorySchoolAge;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionView;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.PupilChoices;
import uk.attendance.pupil.PupilFilter;
import uk.attendance.school.School;
import uk.attendance.pupil.SchoolAccess;

/** Reads a pupil's record as it stood at the end of a date. */
@ApplicationScoped
public class PupilQueries {

    private final SchoolAccess access;
    private final EvaluationService evaluation;
    private final Clock clock;

    PupilQueries(SchoolAccess access, EvaluationService evaluation, Clock clock) {
        this.access = access;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    /**
     * The school's pupils, searched, filtered, sorted and paged in SQL by their latest evaluation's figures. As of an
     * earlier date the figures are computed for that date (every pupil of the school), then filtered and paged.
     */
    @Transactional
    public PupilPage list(String schoolId, PupilFilter filter, LocalDate asOf) {
        access.require(schoolId);
        LocalDate today = LocalDate.now(clock);
        if (asOf == null || !asOf.isBefore(today)) {
            return PupilListQuery.page(schoolId, filter, today);
        }
        Map<Long, EvaluationService.PupilStanding> standings = evaluation.standings(schoolId, asOf);
        Comparator<PupilListItem> byName = Comparator.comparing(PupilListItem::familyName).thenComparing(PupilListItem::givenName)
                .thenComparing(PupilListItem::upn);
        Comparator<PupilListItem> order = filter.sort() == PupilFilter.Sort.ATTENDANCE
                ? Comparator.comparing(PupilListItem::attendancePercent, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName)
                : byName;
        List<PupilListItem> matching = PupilListQuery.matchingRoll(schoolId, filter, asOf).stream()
                .map(row -> asOf(row.item(), standings.get(row.pupilId())))
                .filter(p -> filter.band() == null || filter.band().equalsIgnoreCase(p.band()))
                .filter(p -> filter.persistentlyAbsent() == null || filter.persistentlyAbsent() == p.persistentlyAbsent())
                .sorted(order)
                .toList();
        int from = Math.min(filter.offset(), matching.size());
        return new PupilPage(matching.size(), matching.subList(from, Math.min(matching.size(), from + filter.limit())));
    }

    /** What the pupils list can be filtered by in this school. */
    @Transactional
    public PupilChoices choices(String schoolId) {
        access.require(schoolId);
        return PupilListQuery.choices(schoolId);
    }

    private static PupilListItem asOf(PupilListItem item, EvaluationService.PupilStanding standing) {
        if (standing == null) {
            return item;
        }
        return new PupilListItem(item.upn(), item.givenName(), item.familyName(), item.yearGroup(), item.registrationGroup(),
                standing.attendance().displayedAttendancePercent(), standing.band(), item.stage(),
                standing.attendance().persistentlyAbsent(), item.openActions());
    }

    @Transactional
    public PupilDetails details(String schoolId, String upn, LocalDate requestedAsOf) {
        School school = access.require(schoolId);
        Pupil pupil = access.requirePupil(schoolId, upn);
        LocalDate asOf = requestedAsOf == null ? LocalDate.now(clock) : requestedAsOf;
        EvaluationService.PupilStanding standing = evaluation.standing(school, pupil, asOf);
        List<InterventionView> interventions = Intervention.forPupil(pupil.id).stream()
                .filter(i -> !i.date.isAfter(asOf)).map(i -> InterventionView.of(i, pupil.upn)).toList();
        List<RecommendedAction> actions = RecommendedAction.forPupil(pupil.id).stream()
                .filter(a -> !a.raisedOn.isAfter(asOf)).toList();
        String stage = actions.stream().filter(a -> a.status != ActionStatus.DISMISSED && a.stage != null)
                .findFirst().map(a -> a.stage).orElse(null);
        return new PupilDetails(pupil.upn, pupil.givenName, pupil.familyName, pupil.dateOfBirth, pupil.yearGroup,
                pupil.registrationGroup, new LinkedHashSet<>(pupil.characteristics),
                pupil.parents.stream().map(p -> new PupilDetails.ParentView(p.parentRef, p.name)).toList(),
                CompulsorySchoolAge.on(pupil.dateOfBirth, asOf), standing.attendance(), standing.band(), stage, interventions,
                actions.stream().map(ActionView::of).toList());
    }
}
