package uk.attendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompulsorySchoolAgeTest {

    @ParameterizedTest(name = "born {0}: compulsory school age from {1}")
    @CsvSource({
            // 5th birthday 31 Dec 2024 → next prescribed day 1 Jan 2025
            "2019-12-31, 2025-01-01",
            // 5th birthday is itself a prescribed day → that day
            "2020-01-01, 2025-01-01",
            "2020-01-02, 2025-04-01",
            "2020-03-31, 2025-04-01",
            "2020-04-01, 2025-04-01",
            "2020-08-31, 2025-09-01",
            "2020-09-01, 2025-09-01",
            // 5th birthday 2 Sep 2025 → 1 Jan of the next year
            "2020-09-02, 2026-01-01",
            // 29 Feb: 5th birthday 28 Feb (or 1 Mar) 2025 → 1 Apr 2025 either way
            "2020-02-29, 2025-04-01"
    })
    void startsOnTheFirstPrescribedDayOnOrAfterTheFifthBirthday(LocalDate dateOfBirth, LocalDate start) {
        assertThat(CompulsorySchoolAge.startDate(dateOfBirth)).isEqualTo(start);
        assertThat(CompulsorySchoolAge.on(dateOfBirth, start)).isTrue();
        assertThat(CompulsorySchoolAge.on(dateOfBirth, start.minusDays(1))).isFalse();
    }

    @Test
    void endsAtTheEndOfTheLastFridayInJuneOfTheSchoolYearTheyTurnSixteen() {
        // Turns 16 on 15 Mar 2026, school year 2025/26; 30 Jun 2026 is a Tuesday → last Friday 26 Jun 2026.
        LocalDate dateOfBirth = LocalDate.of(2010, 3, 15);
        assertThat(CompulsorySchoolAge.endDate(dateOfBirth)).isEqualTo(LocalDate.of(2026, 6, 26));
        assertThat(CompulsorySchoolAge.on(dateOfBirth, LocalDate.of(2026, 6, 26))).isTrue();
        assertThat(CompulsorySchoolAge.on(dateOfBirth, LocalDate.of(2026, 6, 27))).isFalse();
    }

    @Test
    void turningSixteenOnThirtyFirstAugustLeavesAYearBeforeTurningSixteenOnFirstSeptember() {
        // 31 Aug 2026 is in school year 2025/26 → leaves Fri 26 Jun 2026, still aged 15.
        LocalDate augustBirthday = LocalDate.of(2010, 8, 31);
        assertThat(CompulsorySchoolAge.endDate(augustBirthday)).isEqualTo(LocalDate.of(2026, 6, 26));
        assertThat(CompulsorySchoolAge.on(augustBirthday, LocalDate.of(2026, 7, 1))).isFalse();

        // 1 Sep 2026 starts school year 2026/27; 30 Jun 2027 is a Wednesday → last Friday 25 Jun 2027.
        LocalDate septemberBirthday = LocalDate.of(2010, 9, 1);
        assertThat(CompulsorySchoolAge.endDate(septemberBirthday)).isEqualTo(LocalDate.of(2027, 6, 25));
        assertThat(CompulsorySchoolAge.on(septemberBirthday, LocalDate.of(2026, 7, 1))).isTrue();
        assertThat(CompulsorySchoolAge.on(septemberBirthday, LocalDate.of(2027, 6, 26))).isFalse();
    }

    @Test
    void academicYearRunsFromSeptemberToAugust() {
        AcademicYear year = AcademicYear.containing(LocalDate.of(2026, 8, 31));
        assertThat(year.start()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(year.label()).isEqualTo("2025/26");
        assertThat(AcademicYear.containing(LocalDate.of(2026, 9, 1)).label()).isEqualTo("2026/27");
        assertThat(AcademicYear.containing(LocalDate.of(2099, 9, 1)).label()).isEqualTo("2099/00");
    }
}
