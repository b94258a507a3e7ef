package uk.attendance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.lang.ref.WeakReference;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import uk.attendance.config.AttendanceConfig;
import uk.attendance.config.PolicyDirectory;

/** Reloading swaps compiled policies in place and forgets the old ones. */
class PolicyRegistryTest {

    /**
     * Each reload here recompiles (the folder is edited in between). A leaked build is found directly: every build a
     * reload replaced must become unreachable, rather than inferred from heap growth, which needed 30 reloads to
     * stand above the noise (a kept build holds about 0.5 MB).
     */
    private static final int RELOADS = Integer.getInteger("reloads", 6);

    @TempDir
    Path policies;

    @Test
    void reloadsOfAnEditedPolicyLeaveNoReplacedBuildReachableAndTheRepositoryHoldsOnlyTheCurrentOne() throws Exception {
        Path folder = policies.resolve("probe");
        ProbePolicy.write(folder, ProbePolicy.drl("90"));
        PolicyRegistry registry = new PolicyRegistry(new PolicyDirectory(config(policies)), Clock.systemUTC());
        var firstRelease = registry.require("probe").releaseId();
        List<WeakReference<KieBase>> replaced = new ArrayList<>();
        for (int i = 0; i < RELOADS; i++) {
            replaced.add(new WeakReference<>(registry.require("probe").kieBase()));
            editAndReload(registry, folder, i);
        }

        assertThat(registry.require("probe").releaseId()).isNotEqualTo(firstRelease);
        assertThat(KieServices.get().getRepository().getKieModule(firstRelease)).isNull();
        assertThat(registry.require("probe").status()).isEqualTo(LoadedPolicy.PolicyStatus.LOADED);
        for (int attempt = 0; attempt < 20 && replaced.stream().anyMatch(build -> build.get() != null); attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(replaced).as("builds replaced by %d reloads still reachable", RELOADS).allSatisfy(build -> assertThat(build.get()).isNull());
    }

    @Test
    void aReloadRecompilesOnlyTheFoldersThatChanged() {
        Path probe = policies.resolve("probe");
        Path other = policies.resolve("other");
        ProbePolicy.write(probe, ProbePolicy.drl("90"));
        ProbePolicy.write(other, ProbePolicy.drl("80"));
        PolicyRegistry registry = new PolicyRegistry(new PolicyDirectory(config(policies)), Clock.systemUTC());
        var probeBuild = registry.require("probe").releaseId();
        var otherBuild = registry.require("other").releaseId();

        registry.reload();
        assertThat(registry.require("probe").releaseId()).as("unchanged folder, same build").isEqualTo(probeBuild);

        ProbePolicy.write(probe, ProbePolicy.drl("91"));
        registry.reload();
        assertThat(registry.require("probe").releaseId()).as("edited folder, new build").isNotEqualTo(probeBuild);
        assertThat(registry.require("other").releaseId()).as("unchanged folder, same build").isEqualTo(otherBuild);
    }

    private static void editAndReload(PolicyRegistry registry, Path folder, int i) {
        ProbePolicy.write(folder, ProbePolicy.drl(i % 2 == 0 ? "91" : "90"));
        registry.reload();
    }

    @Test
    void aBrokenEditKeepsThePreviousVersionAndReportsTheLine() {
        Path folder = policies.resolve("probe");
        ProbePolicy.write(folder, ProbePolicy.drl("90"));
        PolicyRegistry registry = new PolicyRegistry(new PolicyDirectory(config(policies)), Clock.systemUTC());
        String version = registry.require("probe").version();

        ProbePolicy.write(folder, ProbePolicy.drl("90").replace("$p : PupilFacts(", "$p : PupilFacts( nonsense == ,"));
        registry.reload();

        LoadedPolicy probe = registry.require("probe");
        assertThat(probe.status()).isEqualTo(LoadedPolicy.PolicyStatus.FAILED);
        assertThat(probe.version()).isEqualTo(version);
        assertThat(probe.usable()).isTrue();
        assertThat(probe.errors()).isNotEmpty();
        assertThat(probe.errors().get(0).file()).isEqualTo("probe.drl");
        assertThat(probe.errors().get(0).line()).isEqualTo(9);
    }

    static AttendanceConfig config(Path policiesDir) {
        return new AttendanceConfig() {
            @Override
            public Db db() {
                return new Db() {
                    @Override
                    public Optional<String> url() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> user() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> password() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public Path dataDir() {
                return Path.of("data");
            }

            @Override
            public Path policiesDir() {
                return policiesDir;
            }

            @Override
            public boolean demo() {
                return false;
            }

            @Override
            public ZoneId timeZone() {
                return ZoneId.of("Europe/London");
            }

            @Override
            public MemorySize maxBodySize() {
                return new MemorySize(BigInteger.valueOf(100L << 20));
            }

            @Override
            public Optional<String> adminPassword() {
                return Optional.empty();
            }
        };
    }
}
