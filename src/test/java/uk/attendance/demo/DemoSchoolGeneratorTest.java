package uk.attendance.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.Session;
import uk.attendance.pupil.Upn;

class DemoSchoolGeneratorTest {

    private static final List<LocalDate> AUTUMN_2025 = DemoSchoolGenerator.firstHalfTermSchoolDays(LocalDate.of(2025, 11, 1));

    private final DemoSchoolGenerator generator = new DemoSchoolGenerator(42);

    @Test
    void everyUpnIsValidAndUniqueWithinTheSchool() {
        // Big enough that some cohorts need more serials than one establishment number offers.
        List<DemoPupil> pupils = generator.pupils("coopers", SchoolPhase.SECONDARY, 6000, 2025);

        assertThat(pupils).allSatisfy(pupil -> assertThat(Upn.problem(pupil.upn())).isEmpty());
        assertThat(pupils.stream().map(DemoPupil::upn).distinct().count()).isEqualTo(pupils.size());
    }

    @Test
    void everyDateOfBirthFitsTheYearGroupInTheAcademicYearOfTheMarks() {
        DemoSchool primary = generator.school("st-clares", "St Clare's", "st-clares", SchoolPhase.PRIMARY, 300, AUTUMN_2025);
        DemoSchool secondary = generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 300, AUTUMN_2025);

        assertThat(primary.pupils()).extracting(DemoPupil::yearGroup).containsOnly(0, 1, 2, 3, 4, 5, 6);
        assertThat(secondary.pupils()).extracting(DemoPupil::yearGroup).containsOnly(7, 8, 9, 10, 11);
        List<DemoPupil> all = new ArrayList<>(primary.pupils());
        all.addAll(secondary.pupils());
        assertThat(all).allSatisfy(pupil -> {
            int g = pupil.yearGroup();
            assertThat(pupil.dateOfBirth())
                    .isAfterOrEqualTo(LocalDate.of(2025 - g - 5, 9, 1))
                    .isBeforeOrEqualTo(LocalDate.of(2025 - g - 4, 8, 31));
        });
    }

    @Test
    void everyPupilHasOneOrTwoParentsWithIdsUniqueWithinTheSchool() {
        List<DemoPupil> pupils = generator.pupils("st-dunstans", SchoolPhase.PRIMARY, 400, 2025);

        assertThat(pupils).allSatisfy(pupil -> {
            assertThat(pupil.parents()).hasSizeBetween(1, 2);
            assertThat(pupil.givenName()).isNotBlank();
            assertThat(pupil.familyName()).isNotBlank();
            assertThat(pupil.characteristics()).isSubsetOf("FSM", "SEND", "EAL", "LAC");
        });
        List<String> parentIds = pupils.stream().flatMap(pupil -> pupil.parents().stream())
                .map(DemoParent::parentId).toList();
        assertThat(parentIds).doesNotHaveDuplicates().allMatch(id -> id.matches("P\\d{6}"));
        long sharingFamilyName = pupils.stream()
                .filter(pupil -> pupil.parents().get(0).name().endsWith(" " + pupil.familyName())).count();
        assertThat(sharingFamilyName).isGreaterThan(pupils.size() / 2);
    }

    @Test
    void characteristicsAreDrawnAtRealisticRates() {
        List<DemoPupil> pupils = generator.pupils("coopers", SchoolPhase.SECONDARY, 4000, 2025);

        assertThat(share(pupils, "FSM")).isBetween(0.22, 0.28);
        assertThat(share(pupils, "SEND")).isBetween(0.12, 0.18);
        assertThat(share(pupils, "EAL")).isBetween(0.17, 0.23);
        assertThat(share(pupils, "LAC")).isBetween(0.002, 0.02);
    }

    @Test
    void thereIsOneMarkPerPupilPerSessionPerSchoolDay() {
        DemoSchool school = generator.school("st-clares", "St Clare's", "st-clares", SchoolPhase.PRIMARY, 200, AUTUMN_2025);

        Set<String> keys = new HashSet<>();
        for (DemoMark mark : school.marks()) {
            keys.add(mark.upn() + " " + mark.date() + " " + mark.session());
        }
        assertThat(school.marks()).hasSize(200 * AUTUMN_2025.size() * 2);
        assertThat(keys).hasSize(school.marks().size());
        assertThat(school.marks()).extracting(DemoMark::date).isSubsetOf(AUTUMN_2025);
        assertThat(school.marks()).extracting(DemoMark::upn)
                .isSubsetOf(school.pupils().stream().map(DemoPupil::upn).toList());
    }

    @Test
    void presentIsSlashInTheMorningAndBackslashInTheAfternoon() {
        DemoSchool school = generator.school("st-clares", "St Clare's", "st-clares", SchoolPhase.PRIMARY, 200, AUTUMN_2025);

        assertThat(school.marks()).filteredOn(mark -> mark.code() == AttendanceCode.PRESENT_AM)
                .isNotEmpty().allMatch(mark -> mark.session() == Session.AM);
        assertThat(school.marks()).filteredOn(mark -> mark.code() == AttendanceCode.PRESENT_PM)
                .isNotEmpty().allMatch(mark -> mark.session() == Session.PM);
    }

    @Test
    void aSecondaryHalfTermLooksLikeARealSchool() {
        DemoSchool school = generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 1000, AUTUMN_2025);

        Map<String, PupilTally> tallies = tallies(school.marks());
        long possible = tallies.values().stream().mapToLong(PupilTally::possible).sum();
        long absent = tallies.values().stream().mapToLong(PupilTally::absent).sum();
        assertThat((double) absent / possible).isBetween(0.05, 0.12);

        long persistentlyAbsent = tallies.values().stream().filter(t -> t.absent() * 10 >= t.possible()).count();
        assertThat(persistentlyAbsent / 1000.0).isBetween(0.10, 0.30);

        List<Long> mostAbsentFirst = tallies.values().stream().map(PupilTally::absent)
                .sorted(Comparator.reverseOrder()).toList();
        long carriedByMostAbsentFifth = mostAbsentFirst.subList(0, 200).stream().mapToLong(Long::longValue).sum();
        assertThat((double) carriedByMostAbsentFifth / absent).isGreaterThan(0.5);
    }

    @Test
    void absenceComesInRunsOfDaysNotScatteredSessions() {
        DemoSchool school = generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 1000, AUTUMN_2025);

        Map<String, AttendanceCode> codes = new HashMap<>();
        for (DemoMark mark : school.marks()) {
            codes.put(mark.upn() + " " + mark.date() + " " + mark.session(), mark.code());
        }
        long absentMornings = 0;
        long absentAllDay = 0;
        for (DemoMark mark : school.marks()) {
            if (mark.session() == Session.AM && mark.code().isAbsence()) {
                absentMornings++;
                if (codes.get(mark.upn() + " " + mark.date() + " " + Session.PM).isAbsence()) {
                    absentAllDay++;
                }
            }
        }
        assertThat((double) absentAllDay / absentMornings).isGreaterThan(0.6);
        assertThat(school.marks()).filteredOn(mark -> mark.code() == AttendanceCode.G).isNotEmpty();
    }

    @Test
    void aPrimaryIsLessAbsentThanASecondary() {
        DemoSchool primary = generator.school("st-clares", "St Clare's", "st-clares", SchoolPhase.PRIMARY, 1000, AUTUMN_2025);
        DemoSchool secondary = generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 1000, AUTUMN_2025);

        double primaryAbsence = absence(primary.marks());
        assertThat(primaryAbsence).isBetween(0.03, 0.08).isLessThan(absence(secondary.marks()));
    }

    @Test
    void workExperienceIsOnlyForYearsTenAndElevenAndStudyLeaveOnlyForYearEleven() {
        List<LocalDate> year = DemoSchoolGenerator.academicYearSchoolDays(2025);
        DemoSchool school = generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 1000, year);

        Map<String, Integer> yearGroups = school.pupils().stream()
                .collect(Collectors.toMap(DemoPupil::upn, DemoPupil::yearGroup));
        assertThat(school.marks()).hasSize(1000 * year.size() * 2);
        assertThat(school.marks()).filteredOn(mark -> mark.code() == AttendanceCode.W)
                .isNotEmpty().allMatch(mark -> yearGroups.get(mark.upn()) >= 10);
        assertThat(school.marks()).filteredOn(mark -> mark.code() == AttendanceCode.S)
                .allMatch(mark -> yearGroups.get(mark.upn()) == 11);
    }

    @Test
    void reasonNotYetEstablishedOnlyInTheLastFiveSchoolDays() {
        DemoSchool school = generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 1000, AUTUMN_2025);

        List<LocalDate> lastFive = AUTUMN_2025.subList(AUTUMN_2025.size() - 5, AUTUMN_2025.size());
        assertThat(school.marks()).filteredOn(mark -> mark.code() == AttendanceCode.N)
                .extracting(DemoMark::date).isSubsetOf(lastFive);
    }

    @Test
    void theSameSeedGivesTheSameSchool() {
        DemoSchool first = new DemoSchoolGenerator(7).school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 200, AUTUMN_2025);
        DemoSchoolGenerator reused = new DemoSchoolGenerator(7);
        reused.school("st-clares", "St Clare's", "st-clares", SchoolPhase.PRIMARY, 50, AUTUMN_2025);
        DemoSchool second = reused.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 200, AUTUMN_2025);
        DemoSchool otherSeed = new DemoSchoolGenerator(8).school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 200, AUTUMN_2025);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.marks()).isNotEqualTo(first.marks());
    }

    @Test
    void streamingGivesTheSameMarksAsTheWholeSchool() {
        DemoSchool school = generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 100, AUTUMN_2025);
        List<DemoPupil> pupils = generator.pupils("coopers", SchoolPhase.SECONDARY, 100, 2025);

        List<DemoMark> streamed = new ArrayList<>();
        generator.forEachMark("coopers", SchoolPhase.SECONDARY, pupils, AUTUMN_2025, streamed::add);

        assertThat(pupils).isEqualTo(school.pupils());
        assertThat(streamed).isEqualTo(school.marks());
    }

    @Test
    void theFirstHalfTermIsTheLatestOneThatHasEnded() {
        assertThat(AUTUMN_2025).first().isEqualTo(LocalDate.of(2025, 9, 3));
        assertThat(AUTUMN_2025).last().isEqualTo(LocalDate.of(2025, 10, 17));
        assertThat(AUTUMN_2025).hasSize(33).allMatch(DemoSchoolGeneratorTest::isWeekday);

        assertThat(DemoSchoolGenerator.firstHalfTermSchoolDays(LocalDate.of(2025, 10, 17)))
                .first().isEqualTo(LocalDate.of(2024, 9, 3));
        assertThat(DemoSchoolGenerator.firstHalfTermSchoolDays(LocalDate.of(2026, 3, 1)))
                .isEqualTo(AUTUMN_2025);
        // 3 September 2022 was a Saturday.
        assertThat(DemoSchoolGenerator.firstHalfTermSchoolDays(LocalDate.of(2023, 1, 10)))
                .first().isEqualTo(LocalDate.of(2022, 9, 5));
    }

    @Test
    void aFullAcademicYearHasAtLeast190SchoolDaysOnWeekdaysOnly() {
        for (int startYear = 2015; startYear <= 2040; startYear++) {
            List<LocalDate> days = DemoSchoolGenerator.academicYearSchoolDays(startYear);

            assertThat(days).hasSizeGreaterThanOrEqualTo(190).isSorted().doesNotHaveDuplicates()
                    .allMatch(DemoSchoolGeneratorTest::isWeekday)
                    .allMatch(day -> DemoSchoolGenerator.academicYearStart(day) == days.get(0).getYear());
            assertThat(days).startsWith(DemoSchoolGenerator.firstHalfTermSchoolDays(days.get(days.size() - 1))
                    .toArray(LocalDate[]::new));
        }
        List<LocalDate> year = DemoSchoolGenerator.academicYearSchoolDays(2025);
        assertThat(year).doesNotContain(LocalDate.of(2025, 12, 25), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25));
    }

    @Test
    void rejectsSchoolDaysSpanningTwoAcademicYears() {
        List<LocalDate> days = List.of(LocalDate.of(2025, 7, 18), LocalDate.of(2025, 9, 3));

        assertThatThrownBy(() -> generator.school("coopers", "Coopers", "coopers", SchoolPhase.SECONDARY, 10, days))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one academic year");
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static double share(List<DemoPupil> pupils, String characteristic) {
        return (double) pupils.stream().filter(pupil -> pupil.characteristics().contains(characteristic)).count()
                / pupils.size();
    }

    private static double absence(List<DemoMark> marks) {
        long possible = marks.stream().filter(mark -> mark.code().isPossibleSession()).count();
        long absent = marks.stream().filter(mark -> mark.code().isAbsence()).count();
        return (double) absent / possible;
    }

    private static Map<String, PupilTally> tallies(List<DemoMark> marks) {
        Map<String, PupilTally> tallies = new HashMap<>();
        for (DemoMark mark : marks) {
            PupilTally tally = new PupilTally(mark.code().isPossibleSession() ? 1 : 0, mark.code().isAbsence() ? 1 : 0);
            tallies.merge(mark.upn(), tally, PupilTally::plus);
        }
        return tallies;
    }

    private record PupilTally(long possible, long absent) {
        PupilTally plus(PupilTally other) {
            return new PupilTally(possible + other.possible, absent + other.absent);
        }
    }
}
