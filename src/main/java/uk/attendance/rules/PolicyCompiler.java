package uk.attendance.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import uk.attendance.rules.fact.Repeat;

/**
 * Compiles a policy's ladder together with the statutory rules into a KieBase, at run time and in
 * classic DRL mode (whose errors carry line numbers), so an edit to a policy folder needs no rebuild.
 */
public final class PolicyCompiler {

    /** The statutory rules every policy is compiled with (classpath resources). */
    public static final List<String> STATUTORY_RULES = List.of("rules/statutory.drl");

    private static final String RESOURCES = "src/main/resources/";
    private static final String POLICIES = "policies/";
    private static final String NULL_PACKAGE_NOISE = "Parser returned a null Package";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kie = KieServices.Factory.get();

    /** The outcome of one compilation: a KieBase, or the errors that stopped it. */
    public record Compilation(ReleaseId releaseId, KieBase kieBase, int ruleCount, List<CompileError> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** The statutory rules ship inside the service and never change while it runs, so they are read once. */
    public static List<RuleSource> statutoryRules() {
        return Statutory.RULES;
    }

    private static final class Statutory {
        static final List<RuleSource> RULES = STATUTORY_RULES.stream().map(Statutory::read).toList();

        private static RuleSource read(String resource) {
            try (InputStream in = PolicyCompiler.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Statutory rules missing from the classpath: " + resource);
                }
                return new RuleSource(resource.substring(resource.lastIndexOf('/') + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Compiles a policy folder's ladder and checks what the compiler cannot see (see {@link PolicyChecks}) against its
     * parameters file ({@code null} when it has none): every load, reload, validation, dry run and activation goes
     * through here. Nothing is installed when anything is wrong.
     */
    public Compilation compile(String policyId, List<RuleSource> ladder, String parametersText) {
        List<CompileError> problems = PolicyChecks.check(ladder, parametersText);
        Compilation compilation = compile(policyId, ladder);
        if (problems.isEmpty()) {
            return compilation;
        }
        discard(compilation.releaseId());
        List<CompileError> errors = new ArrayList<>(compilation.errors());
        errors.addAll(problems);
        return new Compilation(null, null, 0, List.copyOf(errors));
    }

    /**
     * Compiles and installs the statutory rules plus {@code ladder}, once {@link PolicySafety} has
     * found nothing in the ladder outside the allowlist (nothing of a refused policy is compiled). The caller owns the returned
     * release and must {@link #discard} it once it is superseded, or the KieRepository keeps it forever.
     */
    public Compilation compile(String policyId, List<RuleSource> ladder) {
        List<CompileError> refused = PolicySafety.check(ladder);
        if (!refused.isEmpty()) {
            return new Compilation(null, null, 0, refused);
        }
        ReleaseId releaseId = kie.newReleaseId("uk.attendance.policies", policyId, "1." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        for (RuleSource statutory : statutoryRules()) {
            files.write(RESOURCES + "rules/" + statutory.name(), statutory.content());
        }
        for (RuleSource source : ladder) {
            files.write(RESOURCES + POLICIES + policyId + "/" + source.name(), source.content());
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<CompileError> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .filter(m -> m.getText() == null || !m.getText().contains(NULL_PACKAGE_NOISE))
                .map(m -> new CompileError(fileName(m.getPath()), m.getLine(), m.getColumn(), m.getText().trim()))
                .toList();
        if (errors.isEmpty() && builder.getResults().hasMessages(Message.Level.ERROR)) {
            errors = List.of(new CompileError(null, 0, 0, "the rules do not compile"));
        }
        if (!errors.isEmpty()) {
            discard(releaseId);
            return new Compilation(null, null, 0, errors);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        List<CompileError> badRepeats = unknownRepeats(kieBase);
        if (!badRepeats.isEmpty()) {
            discard(releaseId);
            return new Compilation(null, null, 0, badRepeats);
        }
        int rules = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new Compilation(releaseId, kieBase, rules, List.of());
    }

    /** A rule's {@code @repeats(...)} must name a repeat every ladder knows, like a syntax error otherwise. */
    private static List<CompileError> unknownRepeats(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .filter(rule -> rule.getMetaData().containsKey(Repeat.ATTRIBUTE)
                        && Repeat.named(String.valueOf(rule.getMetaData().get(Repeat.ATTRIBUTE))).isEmpty())
                .map(rule -> new CompileError(null, 0, 0, "Rule '" + rule.getName() + "' repeats '"
                        + rule.getMetaData().get(Repeat.ATTRIBUTE) + "'; a rule repeats " + Repeat.names()))
                .toList();
    }

    /** Forgets a superseded or trial build so reloads do not leak memory. */
    public void discard(ReleaseId releaseId) {
        if (releaseId != null) {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    /** Rule names of a package, for listing what a policy encodes. */
    public static List<String> ruleNames(KieBase kieBase) {
        return kieBase.getKiePackages().stream()
                .map(KiePackage::getRules)
                .flatMap(rules -> rules.stream().map(r -> r.getName()))
                .sorted()
                .toList();
    }

    /** Errors name a policy's file as it is in its folder, and a statutory file as {@code rules/<name>}. */
    private static String fileName(String path) {
        if (path == null) {
            return null;
        }
        String relative = path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
        if (relative.startsWith(POLICIES)) {
            return relative.substring(relative.indexOf('/', POLICIES.length()) + 1);
        }
        return relative;
    }
}
