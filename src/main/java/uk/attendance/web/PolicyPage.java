package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.policy.LoadedPolicy;
import uk.attendance.config.PolicyDirectory;
import io.quarkus.panache.common.Sort;
import java.time.Clock;
import java.time.LocalDate;
import uk.attendance.evaluation.PolicyDryRun;
import uk.attendance.evaluation.PolicyScenarios;
import uk.attendance.evaluation.ScenarioRunner;
import uk.attendance.policy.CandidateFiles;
import uk.attendance.policy.PolicyDiff;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.policy.PolicyHistory;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.rules.PolicyCompiler;
import uk.attendance.rules.PolicyParameters;
import uk.attendance.school.School;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.RuleSource;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;

/** For policy authors: each policy's status, version and files, a check of a changed ladder file, and reload. */
@Path("/policies")
@Produces(MediaType.TEXT_HTML)
@WebPage
@RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
public class PolicyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policies(List<LoadedPolicy> policies, boolean reloaded, List<RuleFailure> failures);

        static native TemplateInstance policy(LoadedPolicy policy, List<RuleSource> files, List<RuleSource> letters, boolean changedOnDisk,
                Workbench workbench, List<PolicyHistory.VersionView> versions, Comparison comparison, String activated);

        static native TemplateInstance policy$result(LoadedPolicy policy, Workbench workbench);
    }

    /** The files an author edits (ladders and parameters), the schools to try them on, and the outcome of the last try. */
    public record Workbench(List<RuleSource> files, List<School> schools, String school, LocalDate asOf, Result result) {
    }

    /**
     * What the author asked for and what came of it: {@code errors} (with the files' lines, the bad ones marked) when the
     * files do not compile; otherwise a dry run or the version now in use.
     */
    public record Result(String did, List<CompileError> errors, List<FileLines> badFiles, PolicyDryRun.Result dryRun,
            ScenarioRunner.Report scenarios, LoadedPolicy activated, String problem) {

        public boolean valid() {
            return errors.isEmpty() && problem == null;
        }
    }

    public record FileLines(String name, List<Line> lines) {
    }

    public record Line(int number, String text, boolean bad) {
    }

    /** Two versions' files side by side: what changed from one to the other, file by file. */
    public record Comparison(String from, String to, List<PolicyDiff.FileDiff> files) {
    }

    /** A rule that threw in an evaluation, under its policy's name. */
    public record RuleFailure(String policyId, String policyName, PolicyRegistry.RuleFailureReport report) {
    }

    private final PolicyRegistry registry;
    private final PolicyDirectory directory;
    private final Letters letters;
    private final PolicyHistory history;
    private final PolicyDryRun dryRun;
    private final PolicyScenarios scenarios;
    private final Caller caller;
    private final Clock clock;

    PolicyPage(PolicyRegistry registry, PolicyDirectory directory, Letters letters, PolicyHistory history, PolicyDryRun dryRun,
            PolicyScenarios scenarios, Caller caller, Clock clock) {
        this.registry = registry;
        this.directory = directory;
        this.letters = letters;
        this.history = history;
        this.dryRun = dryRun;
        this.scenarios = scenarios;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("reloaded") boolean reloaded) {
        List<RuleFailure> failures = registry.list().stream()
                .flatMap(p -> registry.ruleFailures(p.id()).stream().map(r -> new RuleFailure(p.id(), p.name(), r)))
                .sorted((a, b) -> b.report().at().compareTo(a.report().at()))
                .toList();
        return Templates.policies(registry.list(), reloaded, failures);
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance policy(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("activated") String activated) {
        LoadedPolicy policy = require(id);
        PolicyFolder onDisk = PolicyFolder.read(directory.folder(id));
        Workbench workbench = new Workbench(editable(onDisk.files()), schools(), null, LocalDate.now(clock), null);
        return page(policy, onDisk, workbench, comparison(id, from, to), activated);
    }

    private TemplateInstance page(LoadedPolicy policy, PolicyFolder onDisk, Workbench workbench, Comparison comparison, String activated) {
        return Templates.policy(policy, onDisk.files(), letters.templates(policy.id()), !onDisk.version().equals(policy.version()),
                workbench, history.versions(policy.id(), policy.version()), comparison, activated);
    }

    /**
     * The workbench form: the edited files, then one of check (compile only), dry-run (on a school's data as of a date,
     * storing nothing) or activate (write the files to the folder and load them as a new version).
     */
    @POST
    @Path("/{id}/workbench")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance workbench(@PathParam("id") String id, @FormParam("name") List<String> names,
            @FormParam("content") List<String> contents, @FormParam("do") String action, @FormParam("school") String school,
            @FormParam("asOf") String asOf, @HeaderParam("HX-Request") boolean htmx) {
        require(id);
        if (action == null || !ACTIONS.contains(action)) {
            throw ProblemException.invalid(FieldError.of("do", "choose one of " + String.join(", ", ACTIONS)));
        }
        List<CandidateFiles.File> submitted = new ArrayList<>();
        for (int i = 0; i < Math.min(names == null ? 0 : names.size(), contents == null ? 0 : contents.size()); i++) {
            submitted.add(new CandidateFiles.File(names.get(i), contents.get(i)));
        }
        List<RuleSource> files = new CandidateFiles(submitted).sources();
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : DateInput.query("asOf", asOf);
        Result result = run(id, action, files, school, date);
        PolicyFolder onDisk = PolicyFolder.read(directory.folder(id));
        LoadedPolicy now = require(id);
        Workbench workbench = new Workbench(files.isEmpty() ? editable(onDisk.files()) : files, schools(), school, date, result);
        if (htmx) {
            return Templates.policy$result(now, workbench);
        }
        return page(now, onDisk, workbench, null, null);
    }

    private static final List<String> ACTIONS = List.of("check", "dry-run", "scenarios", "activate");

    private Result run(String id, String action, List<RuleSource> files, String school, LocalDate date) {
        PolicyFolder candidate = registry.candidate(id, files);
        switch (action) {
            case "dry-run" -> {
                if (school == null || school.isBlank()) {
                    return new Result(action, List.of(), List.of(), null, null, null, "Choose a school to try the files on.");
                }
                if (!caller.maySee(school)) {
                    throw ProblemException.forbidden("You are not bound to school '" + school + "'.");
                }
                Object outcome = dryRun.run(id, school, date, files);
                if (outcome instanceof PolicyDryRun.Rejected rejected) {
                    return rejected(action, candidate, rejected.errors());
                }
                return new Result(action, List.of(), List.of(), (PolicyDryRun.Result) outcome, null, null, null);
            }
            case "scenarios" -> {
                PolicyScenarios.CandidateRun run = scenarios.run(id, files);
                return run.errors().isEmpty() ? new Result(action, List.of(), List.of(), null, run.report(), null, null)
                        : rejected(action, candidate, run.errors());
            }
            case "activate" -> {
                PolicyRegistry.Activation activation = registry.activateFiles(id, files, caller.name());
                return activation.errors().isEmpty() ? new Result(action, List.of(), List.of(), null, null, activation.policy(), null)
                        : rejected(action, candidate, activation.errors());
            }
            default -> {
                PolicyCompiler.Compilation compilation = registry.trial(candidate);
                registry.discard(compilation);
                return compilation.succeeded() ? new Result(action, List.of(), List.of(), null, null, null, null)
                        : rejected(action, candidate, compilation.errors());
            }
        }
    }

    /** Compile errors, with the lines of each file they point into, the bad ones marked. */
    private static Result rejected(String action, PolicyFolder candidate, List<CompileError> errors) {
        List<FileLines> files = new ArrayList<>();
        for (RuleSource file : candidate.files()) {
            Set<Integer> bad = errors.stream().filter(e -> file.name().equals(e.file())).map(CompileError::line).collect(Collectors.toSet());
            if (bad.isEmpty()) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            String[] texts = file.content().split("\n", -1);
            for (int i = 0; i < texts.length; i++) {
                lines.add(new Line(i + 1, texts[i], bad.contains(i + 1)));
            }
            files.add(new FileLines(file.name(), lines));
        }
        return new Result(action, errors, files, null, null, null, null);
    }

    /** The files an author edits in the browser: the ladders and the parameters. */
    private static List<RuleSource> editable(List<RuleSource> files) {
        return files.stream().filter(f -> f.name().endsWith(".drl") || f.name().equals(PolicyParameters.FILE_NAME)).toList();
    }

    /** The schools the caller may try a policy on: every school for an admin, their own for anyone else. */
    private List<School> schools() {
        return School.<School>listAll(Sort.by("name").and("id")).stream().filter(s -> caller.maySee(s.id)).toList();
    }

    private Comparison comparison(String id, String from, String to) {
        if (from == null || to == null || from.isBlank() || to.isBlank()) {
            return null;
        }
        PolicyFolder a = history.folder(id, from).orElseThrow(() -> ProblemException.notFound("No version '" + from + "' of " + id + "."));
        PolicyFolder b = history.folder(id, to).orElseThrow(() -> ProblemException.notFound("No version '" + to + "' of " + id + "."));
        return new Comparison(from, to, PolicyDiff.between(a, b));
    }

    /** Makes an earlier version the one in use: its files are written back to the folder and loaded. */
    @POST
    @Path("/{id}/versions/{version}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response activate(@PathParam("id") String id, @PathParam("version") String version) {
        require(id);
        PolicyRegistry.Activation activation = registry.activate(id, version, caller.name());
        if (!activation.errors().isEmpty()) {
            throw ProblemException.conflict("Version " + version + " no longer compiles: " + activation.errors());
        }
        return Response.seeOther(URI.create("/policies/" + id + "?activated=" + activation.policy().version())).build();
    }

    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reload() {
        registry.reloadAndJudgeAgain(caller.name());
        return Response.seeOther(URI.create("/policies?reloaded=true")).build();
    }

    private LoadedPolicy require(String id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("No policy '" + id + "'."));
    }
}
