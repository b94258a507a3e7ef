package uk.attendance.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.ActionView;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.CompulsorySchoolAge;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionView;
import uk.attendance.pupil.Pupil;
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

    @Transactional
    public List<PupilListItem> list(String schoolId) {
        access.require(schoolId);
        return Pupil.listBySchool(schoolId).stream()
                .map(p -> new PupilListItem(p.upn, p.givenName, p.familyName, p.yearGroup)).toList();
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
                pupil.characteristics,
                pupil.parents.stream().map(p -> new PupilDetails.ParentView(p.parentRef, p.name)).toList(),
                CompulsorySchoolAge.on(pupil.dateOfBirth, asOf), standing.attendance(), standing.band(), stage, interventions,
                actions.stream().map(ActionView::of).toList());
    }
}
