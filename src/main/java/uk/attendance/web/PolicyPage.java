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
import uk.attendance.policy.PolicyDiff;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.policy.PolicyHistory;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.problem.ProblemException;
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
                String ladderFile, String drl, Validation validation, List<PolicyHistory.VersionView> versions, Comparison comparison,
                String activated);

        static native TemplateInstance policy$validation(LoadedPolicy policy, Validation validation);
    }

    /** The outcome of checking a submitted ladder file: its errors and its lines, the ones with errors marked. */
    public record Validation(String file, List<CompileError> errors, List<Line> lines) {

        public boolean valid() {
            return errors.isEmpty();
        }
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
    private final Caller caller;

    PolicyPage(PolicyRegistry registry, PolicyDirectory directory, Letters letters, PolicyHistory history, Caller caller) {
        this.registry = registry;
        this.directory = directory;
        this.letters = letters;
        this.history = history;
        this.caller = caller;
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
        String ladder = onDisk.ladderFileName();
        String drl = onDisk.files().stream().filter(f -> f.name().equals(ladder)).map(RuleSource::content).findFirst().orElse("");
        return Templates.policy(policy, onDisk.files(), letters.templates(id), !onDisk.version().equals(policy.version()), ladder,
                drl, null, history.versions(id, policy.version()), comparison(id, from, to), activated);
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

    /** Compiles the submitted text in place of the ladder file, installing nothing. */
    @POST
    @Path("/{id}/validate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance validate(@PathParam("id") String id, @FormParam("drl") String drl, @HeaderParam("HX-Request") boolean htmx) {
        LoadedPolicy policy = require(id);
        PolicyFolder onDisk = PolicyFolder.read(directory.folder(id));
        String text = drl == null ? "" : drl.replace("\r\n", "\n");
        Validation validation = validation(onDisk.ladderFileName(), text, registry.validate(id, text));
        if (htmx) {
            return Templates.policy$validation(policy, validation);
        }
        return Templates.policy(policy, onDisk.files(), letters.templates(id), !onDisk.version().equals(policy.version()),
                onDisk.ladderFileName(), text, validation, history.versions(id, policy.version()), null, null);
    }

    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reload() {
        registry.reloadAndJudgeAgain(caller.name());
        return Response.seeOther(URI.create("/policies?reloaded=true")).build();
    }

    static Validation validation(String file, String drl, List<CompileError> errors) {
        Set<Integer> bad = errors.stream().filter(e -> file.equals(e.file())).map(CompileError::line).collect(Collectors.toSet());
        List<Line> lines = new ArrayList<>();
        String[] texts = drl.split("\n", -1);
        for (int i = 0; i < texts.length; i++) {
            lines.add(new Line(i + 1, texts[i], bad.contains(i + 1)));
        }
        return new Validation(file, errors, lines);
    }

    private LoadedPolicy require(String id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("No policy '" + id + "'."));
    }
}
