package uk.attendance.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.attendance.action.ActionView;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceSummary;
import uk.attendance.config.PolicyDirectory;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.policy.LoadedPolicy;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.rules.RuleSource;
import uk.attendance.school.SchoolView;

/**
 * The letters a lead prints: a Qute template per action type in the policy's {@code letters/} folder, read and
 * parsed on every use so an author's edit shows at once, with a generic letter for any letter action the
 * policy has no template for.
 */
@ApplicationScoped
public class Letters {

    static final String FOLDER = "letters";
    private static final Pattern ACTION_TYPE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);

    private final PolicyDirectory policies;
    private final PolicyRegistry registry;
    private final Engine engine;
    private final Template generic;

    Letters(PolicyDirectory policies, PolicyRegistry registry, Engine engine, @Location("letters/generic.html") Template generic) {
        this.policies = policies;
        this.registry = registry;
        this.engine = engine;
        this.generic = generic;
    }

    /** A letter action: completing it records a letter, or its policy has a letter template for it. */
    public boolean isLetter(ActionView action) {
        return action.records(InterventionKind.LETTER) || templateFile(action.policy(), action.type()).isPresent();
    }

    /** The letter as HTML, and which template wrote it; a template that does not parse or render says where. */
    public Rendered render(ActionView action, LetterModel model) {
        Optional<Path> file = templateFile(action.policy(), action.type());
        String source = file.map(f -> policies.root().relativize(f).toString()).orElse("the generic letter");
        try {
            Template template = file.isPresent()
                    ? engine.parse(read(file.get()), HTML, "policies/" + source)
                    : generic;
            return new Rendered(template.data(model).render(), source, null);
        } catch (TemplateException e) {
            return new Rendered(null, source, e.getMessage());
        }
    }

    /** What the action's letter template is given: the pupil, their parents, their attendance and the policy's parameters. */
    public LetterModel model(SchoolView school, LetterModel.Pupil pupil, List<String> parents, AttendanceSummary a, ActionView action,
            LocalDate today) {
        String parentsText = parents.isEmpty() ? "" : parents.size() == 1 ? parents.get(0)
                : String.join(", ", parents.subList(0, parents.size() - 1)) + " and " + parents.get(parents.size() - 1);
        String salutation = parents.isEmpty() ? "Dear Parent or Carer of " + pupil.givenName() : "Dear " + parentsText;
        Optional<LoadedPolicy> policy = registry.find(action.policy());
        Map<String, String> params = policy.map(LoadedPolicy::parameters).map(p -> p.values()).orElse(Map.of());
        String policyName = policy.map(LoadedPolicy::name).orElse(action.policy());
        return new LetterModel(Formats.ukDate(today), new LetterModel.School(school.id(), school.name()), pupil, parents, parentsText,
                salutation,
                new LetterModel.Attendance(Formats.ukDate(a.asOf()), Formats.percent(a.displayedAttendancePercent()),
                        Formats.percent(a.displayedAbsencePercent()), Formats.days(a.daysAbsent()), a.possibleSessions(),
                        a.absentSessions(), a.authorisedAbsenceSessions(), a.unauthorisedAbsenceSessions(), a.lateSessions(),
                        a.unauthorisedSessionsLast10SchoolWeeks(), a.persistentlyAbsent(), a.severelyAbsent()),
                new LetterModel.Action(action.id(), action.type(), action.title(), action.stage(), action.reason(), action.clause(),
                        Formats.ukDate(action.raisedOn())),
                AcademicYear.containing(today).label(), policyName, params);
    }

    /** The letter HTML, or {@code error} when the template is broken. */
    public record Rendered(String html, String source, String error) {
    }

    /** The letter templates in a policy's folder, by file name. */
    public List<RuleSource> templates(String policyId) {
        Path folder = policies.folder(policyId).resolve(FOLDER);
        if (!policies.exists(policyId) || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> new RuleSource(f.getFileName().toString(), read(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Path> templateFile(String policyId, String actionType) {
        if (!policies.exists(policyId) || actionType == null || !ACTION_TYPE.matcher(actionType).matches()) {
            return Optional.empty();
        }
        Path file = policies.folder(policyId).resolve(FOLDER).resolve(actionType + ".html");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
