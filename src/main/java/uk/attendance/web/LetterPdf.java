package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import uk.attendance.action.ActionView;
import uk.attendance.action.RecommendedAction;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.Pupil;
import uk.attendance.report.HtmlPdf;
import uk.attendance.evaluation.EvaluationService;
import uk.attendance.school.School;
import uk.attendance.school.SchoolView;
import uk.attendance.pupil.SchoolAccess;

/**
 * Letter actions' letters as one PDF to print, one letter per page (or more, for a long one), written from the policies'
 * HTML templates with today's figures, as the letter page shows them.
 */
@ApplicationScoped
public class LetterPdf {

    /** A morning's post after half term is a few hundred letters; more at once is a mistake. */
    static final int MAX_LETTERS = 1000;

    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm; }
            body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #000; }
            section.letter + section.letter { page-break-before: always; }
            .letter-school { font-size: 15pt; font-weight: bold; margin: 0; }
            .letter-date { text-align: right; }
            .letter-subject { font-size: 13pt; }
            .signature { margin-top: 2.5em; }
            table { border-collapse: collapse; margin: .5em 0; }
            th, td { border: 1px solid #666; padding: 2pt 5pt; text-align: left; }
            """;

    private final SchoolAccess access;
    private final EvaluationService evaluation;
    private final Letters letters;
    private final Clock clock;

    LetterPdf(SchoolAccess access, EvaluationService evaluation, Letters letters, Clock clock) {
        this.access = access;
        this.evaluation = evaluation;
        this.letters = letters;
        this.clock = clock;
    }

    /** Reads {@code 12,13,14} (and repeated parameters) into action ids, naming the bad one. */
    public static List<Long> ids(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid(FieldError.of("actions", "actions lists action ids separated by commas; '"
                            + part.trim() + "' is not one"));
                }
            }
        }
        if (ids.isEmpty()) {
            throw ProblemException.invalid(FieldError.of("actions", "actions must name at least one letter action, e.g. actions=12,13"));
        }
        if (ids.size() > MAX_LETTERS) {
            throw ProblemException.invalid(FieldError.of("actions", "at most " + MAX_LETTERS + " letters in one PDF, not " + ids.size()));
        }
        return List.copyOf(ids);
    }

    /** Which of the actions are letters to print, in the order given: a selection on the queue may hold other actions too. */
    @Transactional
    public List<Long> lettersAmong(String schoolId, List<Long> actionIds) {
        access.require(schoolId);
        Set<Long> letterIds = RecommendedAction.withDecisions(actionIds).stream().filter(a -> a.schoolId.equals(schoolId))
                .map(ActionView::of).filter(letters::isLetter).map(ActionView::id).collect(Collectors.toSet());
        return actionIds.stream().filter(letterIds::contains).toList();
    }

    /** The letters named by the {@code actions} parameter(s), as one PDF: an unknown school is 404 before a bad list is 400. */
    public byte[] pdfOf(String schoolId, List<String> actionsParameter) {
        requireSchool(schoolId);
        return pdf(schoolId, ids(actionsParameter));
    }

    @Transactional
    void requireSchool(String schoolId) {
        access.require(schoolId);
    }

    /** The letters of the actions, in the order given, as one PDF. */
    public byte[] pdf(String schoolId, List<Long> actionIds) {
        return render(letterHtml(schoolId, actionIds));
    }

    @Transactional
    List<String> letterHtml(String schoolId, List<Long> actionIds) {
        School school = access.require(schoolId);
        SchoolView view = new SchoolView(school.id, school.name, school.policy, school.actionsFrom);
        List<RecommendedAction> entities = RecommendedAction.withDecisions(actionIds).stream()
                .filter(a -> a.schoolId.equals(schoolId)).toList();
        List<ActionView> actions = entities.stream().map(ActionView::of).toList();
        Set<Long> found = actions.stream().map(ActionView::id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        actionIds.stream().filter(id -> !found.contains(id))
                .forEach(id -> errors.add(FieldError.of("actions", "no action " + id + " in school '" + schoolId + "'")));
        actions.stream().filter(a -> !letters.isLetter(a))
                .forEach(a -> errors.add(FieldError.of("actions", "action " + a.id() + " (" + a.title() + ") is not a letter")));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("No letters were printed: " + errors.get(0).message() + ".", errors);
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Pupil> pupils = Pupil.withParentsAndCharacteristics(entities.stream().map(a -> a.pupilId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(p -> p.upn, p -> p));
        Map<Long, EvaluationService.PupilStanding> standings = evaluation.standings(school,
                pupils.values().stream().map(p -> p.id).toList(), today);
        List<String> html = new ArrayList<>(actions.size());
        for (ActionView action : actions) {
            Pupil pupil = pupils.get(action.upn());
            LetterModel model = letters.model(view, new LetterModel.Pupil(pupil.givenName, pupil.familyName,
                            pupil.givenName + " " + pupil.familyName, pupil.upn, Formats.yearGroup(pupil.yearGroup),
                            Formats.ukDate(pupil.dateOfBirth)),
                    pupil.parents.stream().map(p -> p.name).toList(), standings.get(pupil.id).attendance(), action, today);
            Letters.Rendered rendered = letters.render(action, model);
            if (rendered.error() != null) {
                throw ProblemException.invalid(FieldError.of("actions", "action " + action.id() + ": the letter template "
                        + rendered.source() + " could not be used: " + rendered.error()));
            }
            html.add(rendered.html());
        }
        return html;
    }

    static byte[] render(List<String> letterHtml) {
        Document document = HtmlPdf.document("Letters", STYLE);
        for (String html : letterHtml) {
            document.body().appendElement("section").addClass("letter").html(html);
        }
        return HtmlPdf.render(document);
    }
}
