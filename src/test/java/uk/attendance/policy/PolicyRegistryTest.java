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

    private static final int RELOADS = Integer.getInteger("reloads", 200);

    @TempDir
    Path policies;

    @Test
    void twoHundredReloadsKeepTheHeapFlatAndTheRepositoryHoldsOnlyTheCurrentBuild() {
        ProbePolicy.write(policies.resolve("probe"), ProbePolicy.drl("90"));
        PolicyRegistry registry = new PolicyRegistry(new PolicyDirectory(config(policies)), Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            registry.reload();
        }
        long warmedUp = usedHeapAfterGc();
        var firstRelease = registry.require("probe").releaseId();
        for (int i = 0; i < RELOADS; i++) {
            registry.reload();
        }
        long after = usedHeapAfterGc();

        assertThat(KieServices.get().getRepository().getKieModule(firstRelease)).isNull();
        assertThat(registry.require("probe").status()).isEqualTo(LoadedPolicy.PolicyStatus.LOADED);
        assertThat(after - warmedUp).as("heap growth over 200 reloads, bytes").isLessThan(16L * 1024 * 1024);
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
