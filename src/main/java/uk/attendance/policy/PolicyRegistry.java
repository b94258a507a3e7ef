package uk.attendance.policy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import uk.attendance.config.PolicyDirectory;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.PupilEvaluation;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.PolicyCompiler;
import uk.attendance.rules.RuleErrorView;
import uk.attendance.rules.RuleSource;

/**
 * The compiled policies in use. Reload compiles each folder whose files changed since its last
 * compilation (the version hash says which); each one that compiles is swapped in atomically and its
 * predecessor is removed from the KieRepository; one that fails keeps its previous version and
 * reports the errors.
 */
@ApplicationScoped
@Startup
public class PolicyRegistry {

    private static final Logger LOG = Logger.getLogger(PolicyRegistry.class);
    private static final int RULE_FAILURES_KEPT = 20;

    /** Who loads the policies at start, and reloads without a caller. */
    static final String SYSTEM = "system";

    private final PolicyDirectory directory;
    private final Clock clock;
    /** Null only where a test runs the registry without a database. */
    private final PolicyHistory history;
    private final PolicyCompiler compiler = new PolicyCompiler();
    private final Map<String, LoadedPolicy> policies = new ConcurrentHashMap<>();
    /** The version hash of the files each policy was last compiled from, whether or not they compiled. */
    private final Map<String, String> compiledVersions = new ConcurrentHashMap<>();
    private final Map<String, Deque<RuleFailureReport>> ruleFailures = new ConcurrentHashMap<>();

    @Inject
    PolicyRegistry(PolicyDirectory directory, Clock clock, PolicyHistory history) {
        this.directory = directory;
        this.clock = clock;
        this.history = history;
        reload(SYSTEM);
    }

    PolicyRegistry(PolicyDirectory directory, Clock clock) {
        this(directory, clock, null);
    }

    /**
     * Reloads as {@link #reload()}; the pupils of every school on a policy whose rules changed are then judged again from
     * the start of the year at their next evaluation, so an author's edit applies to every school day, not only to the
     * days still to come.
     */
    public List<LoadedPolicy> reloadAndJudgeAgain() {
        return reloadAndJudgeAgain(SYSTEM);
    }

    /** As {@link #reloadAndJudgeAgain()}, each new version recorded as loaded by {@code by}. */
    public List<LoadedPolicy> reloadAndJudgeAgain(String by) {
        List<LoadedPolicy> after = reload(by);
        judgeAgainWhereRulesChanged();
        return after;
    }

    /** At start: a policy edited while the service was stopped is applied to every school day, as a reload would. */
    void judgeAgainWhereEditedWhileStopped(@Observes StartupEvent started) {
        judgeAgainWhereRulesChanged();
    }

    /**
     * Compares each usable policy's version with the one its pupils were last judged by; where they differ, every pupil of a
     * school on it is judged again at the next evaluation. A policy seen for the first time is only recorded.
     */
    private synchronized void judgeAgainWhereRulesChanged() {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, String> inForce = PolicyInForce.versions();
            Instant now = Instant.now(clock);
            List<String> changed = new ArrayList<>();
            for (LoadedPolicy policy : list()) {
                if (!policy.usable() || policy.version().equals(inForce.get(policy.id()))) {
                    continue;
                }
                if (inForce.containsKey(policy.id())) {
                    changed.add(policy.id());
                }
                PolicyInForce.record(policy.id(), policy.version(), now);
            }
            if (!changed.isEmpty()) {
                LOG.infof("Rules changed for %s: their pupils' school days are judged again", changed);
                PupilEvaluation.judgeAgainForPolicies(changed);
            }
        });
    }

    /** Compiles every policy folder changed since its last compilation; returns the state of each afterwards. */
    public List<LoadedPolicy> reload() {
        return reload(SYSTEM);
    }

    /** As {@link #reload()}, each new version kept in the history as loaded by {@code by}. */
    public synchronized List<LoadedPolicy> reload(String by) {
        List<String> ids = directory.ids();
        if (ids.isEmpty()) {
            LOG.warnf("No policy folders in %s: set ATTENDANCE_POLICIES_DIR to the policies folder", directory.root());
        }
        List<PolicyFolder> changed = ids.stream().map(id -> PolicyFolder.read(directory.folder(id)))
                .filter(folder -> !folder.version().equals(compiledVersions.get(folder.id()))).toList();
        List<PolicyCompiler.Compilation> compilations = compileAll(changed);
        for (int i = 0; i < changed.size(); i++) {
            PolicyFolder folder = changed.get(i);
            install(folder, compilations.get(i), by);
            compiledVersions.put(folder.id(), folder.version());
        }
        policies.keySet().removeIf(id -> {
            if (directory.exists(id)) {
                return false;
            }
            compiledVersions.remove(id);
            compiler.discard(policies.get(id).releaseId());
            LOG.warnf("Policy %s: its folder is gone; unloaded", id);
            return true;
        });
        return list();
    }

    /**
     * Compiles the folders side by side, one per core: the start (and a reload after a statutory change) compiles
     * every policy, and each takes seconds. Drools finds the fact classes through the thread's context class loader,
     * so the compiling threads get the caller's.
     */
    private List<PolicyCompiler.Compilation> compileAll(List<PolicyFolder> folders) {
        if (folders.size() < 2) {
            return folders.stream().map(this::compile).toList();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int threads = Math.min(folders.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "policy-compiler");
            thread.setContextClassLoader(loader);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PolicyCompiler.Compilation>> pending = folders.stream()
                    .map(folder -> pool.submit(() -> compile(folder))).toList();
            List<PolicyCompiler.Compilation> done = new ArrayList<>();
            for (Future<PolicyCompiler.Compilation> compilation : pending) {
                done.add(compilation.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compiling policies", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Puts a compiled folder in use (or records why it failed), and keeps the version in the history. */
    private void install(PolicyFolder folder, PolicyCompiler.Compilation compilation, String by) {
        LoadedPolicy previous = policies.get(folder.id());
        if (history != null) {
            history.record(folder, compilation.succeeded() ? LoadedPolicy.PolicyStatus.LOADED : LoadedPolicy.PolicyStatus.FAILED,
                    compilation.errors(), by, Instant.now(clock));
        }
        if (!compilation.succeeded()) {
            LOG.warnf("Policy %s does not compile (%d errors); %s", folder.id(), compilation.errors().size(),
                    previous != null && previous.usable() ? "keeping version " + previous.version() : "not loaded");
            policies.put(folder.id(), previous != null ? previous.failed(compilation.errors())
                    : new LoadedPolicy(folder.id(), folder.name(), null, null, List.of(), LoadedPolicy.PolicyStatus.FAILED,
                            compilation.errors(), folder, null, null, folder.parameters()));
            return;
        }
        LoadedPolicy loaded = new LoadedPolicy(folder.id(), folder.name(), folder.version(), Instant.now(clock),
                PolicyCompiler.ruleNames(compilation.kieBase()), LoadedPolicy.PolicyStatus.LOADED, List.of(), folder,
                compilation.kieBase(), compilation.releaseId(), folder.parameters());
        policies.put(folder.id(), loaded);
        if (previous != null) {
            compiler.discard(previous.releaseId());
        }
        LOG.infof("Policy %s loaded: version %s, %d rules", folder.id(), loaded.version(), loaded.rules().size());
    }

    public List<LoadedPolicy> list() {
        return policies.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    public Optional<LoadedPolicy> find(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    /** The policy's rules in use, or a problem saying why there are none. */
    public LoadedPolicy require(String id) {
        LoadedPolicy policy = policies.get(id);
        if (policy == null) {
            throw ProblemException.notFound("No policy '" + id + "'.");
        }
        if (!policy.usable()) {
            throw ProblemException.conflict("Policy '" + id + "' has never compiled: " + policy.errors());
        }
        return policy;
    }

    /** Compiles the folder with {@code drl} in place of its ladder file, without installing anything. */
    public List<CompileError> validate(String id, String drl) {
        if (!directory.exists(id)) {
            throw ProblemException.notFound("No policy '" + id + "'.");
        }
        PolicyFolder folder = PolicyFolder.read(directory.folder(id));
        PolicyFolder proposed = folder.withLadder(folder.ladderFileName(), drl == null ? "" : drl);
        PolicyCompiler.Compilation compilation = compile(proposed);
        compiler.discard(compilation.releaseId());
        return compilation.errors();
    }

    /**
     * Makes an earlier version active again: its files are compiled (with today's statutory rules), written back to
     * the policy's folder, which stays the source authors edit, and loaded; the pupils of the schools on it are then
     * judged again from the start of the year. Nothing changes when they do not compile.
     */
    public Activation activate(String id, String version, String by) {
        requireFolder(id);
        PolicyFolder earlier = history == null ? null : history.loadedFolder(id, version).orElse(null);
        if (earlier == null) {
            throw ProblemException.notFound("Policy '" + id + "' was never loaded with version '" + version + "'.");
        }
        return activate(earlier, by);
    }

    /**
     * Makes a new version from the folder on disk with {@code changed} files in place of its own, as an author edits it
     * in the browser: compiled, written to the folder and loaded, or nothing changes when it does not compile.
     */
    public Activation activateFiles(String id, List<RuleSource> changed, String by) {
        return activate(candidate(id, changed), by);
    }

    private Activation activate(PolicyFolder folder, String by) {
        Activation activation;
        synchronized (this) {
            String before = find(folder.id()).filter(LoadedPolicy::usable).map(LoadedPolicy::version).orElse(null);
            PolicyCompiler.Compilation compilation = compile(folder);
            if (!compilation.succeeded()) {
                return new Activation(null, compilation.errors());
            }
            folder.writeTo(directory.folder(folder.id()));
            PolicyFolder written = PolicyFolder.read(directory.folder(folder.id()));
            install(written, compilation, by);
            compiledVersions.put(folder.id(), written.version());
            activation = new Activation(policies.get(folder.id()), List.of());
            if (written.version().equals(before)) {
                return activation;
            }
        }
        judgeAgainWhereRulesChanged();
        return activation;
    }

    /** The outcome of an activation: the policy now in use, or the errors that kept the files from being used. */
    public record Activation(LoadedPolicy policy, List<CompileError> errors) {
    }

    /** The policy's folder as on disk with {@code changed} files in place of (or beside) its own. */
    public PolicyFolder candidate(String id, List<RuleSource> changed) {
        PolicyFolder folder = requireFolder(id);
        for (RuleSource file : changed) {
            folder = folder.withFile(file.name(), file.content());
        }
        return folder;
    }

    private PolicyFolder requireFolder(String id) {
        if (!directory.exists(id)) {
            throw ProblemException.notFound("No policy '" + id + "'.");
        }
        return PolicyFolder.read(directory.folder(id));
    }

    /**
     * Compiles a candidate folder without installing it; the caller must {@link #discard} the compilation. Goes through
     * the same checks as every load.
     */
    public PolicyCompiler.Compilation trial(PolicyFolder folder) {
        return compile(folder);
    }

    public void discard(PolicyCompiler.Compilation compilation) {
        compiler.discard(compilation.releaseId());
    }

    /** The one way a policy folder is compiled: loads, reloads, validations, dry runs and activations alike. */
    PolicyCompiler.Compilation compile(PolicyFolder folder) {
        List<CompileError> codeSets = folder.parameters().codeSetErrors();
        if (!codeSets.isEmpty()) {
            return new PolicyCompiler.Compilation(null, null, 0, codeSets);
        }
        return compiler.compile(folder.id(), folder.ladder(), folder.parametersText());
    }

    /** Rules that threw during an evaluation, kept (the latest few per policy) for the policies page. */
    public void reportRuleErrors(String policyId, String schoolId, LocalDate asOf, List<RuleErrorView> errors) {
        Map<List<String>, Long> byRule = errors.stream().collect(Collectors.groupingBy(
                e -> Arrays.asList(e.rule(), e.message()), LinkedHashMap::new, Collectors.counting()));
        Deque<RuleFailureReport> reports = ruleFailures.computeIfAbsent(policyId, id -> new ConcurrentLinkedDeque<>());
        byRule.forEach((rule, pupils) -> {
            reports.addFirst(new RuleFailureReport(Instant.now(clock), schoolId, asOf, rule.get(0), rule.get(1), pupils.intValue()));
            while (reports.size() > RULE_FAILURES_KEPT) {
                reports.pollLast();
            }
        });
    }

    /** The latest rule failures of a policy's evaluations, newest first. */
    public List<RuleFailureReport> ruleFailures(String policyId) {
        Deque<RuleFailureReport> reports = ruleFailures.get(policyId);
        return reports == null ? List.of() : List.copyOf(reports);
    }

    /** A rule that threw in an evaluation of a school: when, which rule, what it said, for how many pupils. */
    public record RuleFailureReport(Instant at, String schoolId, LocalDate asOf, String rule, String message, int pupils) {
    }
}
