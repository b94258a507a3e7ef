package uk.attendance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import uk.attendance.config.AttendanceConfig;

/** Reloading swaps compiled policies in place and forgets the old ones. */
class PolicyRegistryTest {

    /**
     * Each reload here recompiles (the folder is edited in between). A build kept past its reload holds
     * about 0.5 MB (measured by keeping every one: 20 builds grew the heap by 10.4 MB), so 30 leaked
     * builds would exceed twice the 8 MB allowance.
     */
    private static final int RELOADS = Integer.getInteger("reloads", 30);

    @TempDir
    Path policies;

    @Test
    void reloadsOfAnEditedPolicyKeepTheHeapFlatAndTheRepositoryHoldsOnlyTheCurrentBuild() {
        Path folder = policies.resolve("probe");
        ProbePolicy.write(folder, ProbePolicy.drl("90"));
        PolicyRegistry registry = new PolicyRegistry(new PolicyDirectory(config(policies)), Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            editAndReload(registry, folder, i);
        }
        long warmedUp = usedHeapAfterGc();
        var firstRelease = registry.require("probe").releaseId();
        for (int i = 0; i < RELOADS; i++) {
            editAndReload(registry, folder, i);
        }
        long after = usedHeapAfterGc();

        assertThat(registry.require("probe").releaseId()).isNotEqualTo(firstRelease);
        assertThat(KieServices.get().getRepository().getKieModule(firstRelease)).isNull();
        assertThat(registry.require("probe").status()).isEqualTo(LoadedPolicy.PolicyStatus.LOADED);
        assertThat(after - warmedUp).as("heap growth over %d reloads, bytes", RELOADS).isLessThan(8L * 1024 * 1024);
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

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
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
