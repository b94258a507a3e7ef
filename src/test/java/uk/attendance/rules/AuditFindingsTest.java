package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Findings of the December 2026 ladder audit (policies/AUDIT-2026-12.md) whose test belongs to no ladder test class
 * open for editing: each built from register marks.
 */
class AuditFindingsTest {

    private static final String TRUST_HOLIDAY = "Trust template: 8.2 — term-time holiday of 10 sessions, request a penalty notice";

    private final LadderVerifier trust = LadderVerifier.forPolicy("trust-template");

    /**
     * Weak tests: the trust test of a pupil below compulsory school age checked only that no notice was raised, which
     * also passes had 8.2 never fired. Here 8.2 fires on the 10th session of G (19 December) and the statutory age gate
     * turns its request into nothing.
     */
    @Test
    void trustHolidayRequestFiresForAPupilBelowCompulsorySchoolAgeAndTheAgeGateRaisesNothing() {
        RegisterLadder register = RegisterLadder.of(trust).born("2021-03-01").parent("P1").days("2025-12-15", "2025-12-19", "G", "G");
        register.on("2025-12-19").expectFired(TRUST_HOLIDAY);
        assertThat(register.judgeTo("2025-12-19").types()).doesNotContain("CONSIDER_PENALTY_NOTICE", "CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    /**
     * Statutory table, cap: exclusion notices told apart from the cap. Two trust 8.4 notices (recorded OTHER /
     * EXCLUSION_PENALTY_NOTICE, as completing CONSIDER_EXCLUSION_PENALTY_NOTICE records them) to the one parent, then a
     * 10-session holiday: the notice is considered for that parent, not alternative legal action.
     */
    @Test
    void exclusionNoticesDoNotCountTowardsTheCap() {
        RegisterLadder.Judged judged = RegisterLadder.of(trust).parent("P1")
                .intervention(uk.attendance.intervention.InterventionKind.OTHER, "EXCLUSION_PENALTY_NOTICE", "2025-09-10", null, null)
                .intervention(uk.attendance.intervention.InterventionKind.OTHER, "EXCLUSION_PENALTY_NOTICE", "2025-10-08", null, null)
                .days("2025-12-15", "2025-12-19", "G", "G").judgeTo("2025-12-19");
        assertThat(judged.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P1");
        assertThat(judged.types()).doesNotContain("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }
}
