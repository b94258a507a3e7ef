package uk.attendance.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import uk.attendance.config.PolicyDirectory;
import uk.attendance.policy.LoadedPolicy;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.policy.ScenarioFiles;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.PolicyCompiler;
import uk.attendance.rules.RuleSource;

/** Runs a policy's scenarios ({@code policies/<id>/scenarios/*.scenario}) against its version in use, or a candidate. */
@ApplicationScoped
public class PolicyScenarios {

    private final PolicyRegistry registry;
    private final PolicyDirectory directory;

    PolicyScenarios(PolicyRegistry registry, PolicyDirectory directory) {
        this.registry = registry;
        this.directory = directory;
    }

    /** Against the version in use. */
    public ScenarioRunner.Report run(String policyId) {
        LoadedPolicy policy = registry.require(policyId);
        return ScenarioRunner.run(policy.kieBase(), policy.parameters(), ScenarioFiles.read(directory.folder(policyId)));
    }

    /** The outcome of running scenarios against a candidate: a report, or the errors that kept it from compiling. */
    public record CandidateRun(ScenarioRunner.Report report, List<CompileError> errors) {
    }

    /** Against the folder on disk with {@code changed} files in place of its own. */
    public CandidateRun run(String policyId, List<RuleSource> changed) {
        PolicyFolder candidate = registry.candidate(policyId, changed);
        PolicyCompiler.Compilation compilation = registry.trial(candidate);
        if (!compilation.succeeded()) {
            return new CandidateRun(null, compilation.errors());
        }
        try {
            return new CandidateRun(ScenarioRunner.run(compilation.kieBase(), candidate.parameters(),
                    ScenarioFiles.read(directory.folder(policyId))), List.of());
        } finally {
            registry.discard(compilation);
        }
    }
}
