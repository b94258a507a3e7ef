package uk.attendance.demo;

import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;
import static java.time.temporal.TemporalAdjusters.firstInMonth;
import static java.time.temporal.TemporalAdjusters.nextOrSame;
import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.Session;
import uk.attendance.pupil.Upn;

/**
 * Generates realistic demo schools: a roll of pupils with valid UPNs and a register whose code mix,
 * absence concentration and runs of absence look like a real English school's.
 *
 * <p>Deterministic: the same seed gives the same school, whatever else the generator was asked for
 * before, because every part draws from its own random stream keyed by the seed, the school and the part.
 */
public final class DemoSchoolGenerator {

    static final int FORM_SIZE = 30;

    private static final int FIRST_TERM_DAY_OF_SEPTEMBER = 3;
    private static final int FIRST_HALF_TERM_WEEKS = 7;
    private static final int LAST_AUTUMN_DAY_OF_DECEMBER = 20;
    private static final int LAST_SUMMER_DAY_OF_JULY = 22;

    private static final int FIRST_LA_NUMBER = 201;
    private static final int LAST_LA_NUMBER = 938;
    /** DfE establishment numbers 2xxx are primaries, 4xxx secondaries. */
    private static final int PRIMARY_ESTABLISHMENTS = 2000;
    private static final int SECONDARY_ESTABLISHMENTS = 4000;
    /** Leaves numbers free above the school's own for a cohort too big for one establishment's serials. */
    private static final int ESTABLISHMENT_SPREAD = 900;
    private static final int SERIALS_PER_ESTABLISHMENT_AND_YEAR = 999;

    private static final double TWO_PARENTS = 0.7;
    private static final double FIRST_PARENT_SHARES_FAMILY_NAME = 0.85;
    private static final double SECOND_PARENT_SHARES_FAMILY_NAME = 0.6;

    private static final List<String> CHILD_GIVEN_NAMES = List.of(
            "Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Muhammad", "Jack", "Charlie", "Oscar",
            "Jacob", "Henry", "Freddie", "Alfie", "Theo", "William", "Thomas", "Archie", "Joshua", "Isaac",
            "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow",
            "Rosie", "Sophia", "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella");
    private static final List<String> ADULT_GIVEN_NAMES = List.of(
            "Emma", "Claire", "Laura", "Rebecca", "Gemma", "Michelle", "Nicola", "Kelly", "Hannah", "Amy",
            "David", "James", "Mark", "Paul", "Andrew", "Daniel", "Richard", "Christopher", "Matthew", "Stephen");
    private static final List<String> FAMILY_NAMES = List.of(
            "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
            "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
            "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Hill", "Ward",
            "Morris", "Moore", "Lee", "Baker", "Harrison", "Morgan", "Allen", "Khan", "Ali", "Begum",
            "Young", "Scott", "Ahmed", "Singh", "Kaur", "Shaw", "Price", "Bennett", "Murphy", "Kelly");

    private final long seed;

    public DemoSchoolGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * A whole school with every mark held in memory: for a 1,000-pupil secondary over a full year that is
     * some 380,000 marks. Use {@link #pupils} and {@link #forEachMark} to stream the marks instead.
     *
     * @param schoolDays the dates the school held sessions, ascending, all in one academic year
     */
    public DemoSchool school(String schoolId, String name, String policy, SchoolPhase phase, int pupilCount,
            List<LocalDate> schoolDays) {
        requireOneAcademicYear(schoolDays);
        List<DemoPupil> pupils = pupils(schoolId, phase, pupilCount, academicYearStart(schoolDays.get(0)));
        List<DemoMark> marks = new ArrayList<>(2 * pupils.size() * schoolDays.size());
        forEachMark(schoolId, phase, pupils, schoolDays, marks::add);
        return new DemoSchool(schoolId, name, policy, phase, pupils, marks);
    }

    /**
     * The school's roll, spread evenly over the phase's year groups, with dates of birth that fit each
     * year group in the academic year starting 1 September {@code academicYearStart}.
     */
    public List<DemoPupil> pupils(String schoolId, SchoolPhase phase, int pupilCount, int academicYearStart) {
        if (pupilCount < 0) {
            throw new IllegalArgumentException("pupilCount must not be negative, got " + pupilCount);
        }
        SplittableRandom random = random(schoolId, "roll");
        int laNumber = random.nextInt(FIRST_LA_NUMBER, LAST_LA_NUMBER + 1);
        int establishments = phase == SchoolPhase.PRIMARY ? PRIMARY_ESTABLISHMENTS : SECONDARY_ESTABLISHMENTS;
        int establishment = establishments + random.nextInt(ESTABLISHMENT_SPREAD);
        Map<Integer, Integer> allocatedByYear = new HashMap<>();
        int parentsSoFar = 0;
        List<DemoPupil> pupils = new ArrayList<>(pupilCount);
        for (int i = 0; i < pupilCount; i++) {
            int yearGroup = phase.firstYearGroup() + i * phase.yearGroupCount() / pupilCount;
            // The UPN was allocated when the pupil first joined a school, in Reception.
            int yearAllocated = academicYearStart - yearGroup;
            int allocated = allocatedByYear.merge(yearAllocated, 1, Integer::sum) - 1;
            // A cohort too big for one establishment's serials carries on under the next number.
            String upn = Upn.of(String.format("%03d%04d%02d%03d", laNumber,
                    establishment + allocated / SERIALS_PER_ESTABLISHMENT_AND_YEAR,
                    yearAllocated % 100,
                    allocated % SERIALS_PER_ESTABLISHMENT_AND_YEAR + 1));
            String familyName = pick(FAMILY_NAMES, random);
            List<DemoParent> parents = new ArrayList<>(2);
            parents.add(parent(++parentsSoFar, familyName, FIRST_PARENT_SHARES_FAMILY_NAME, random));
            if (random.nextDouble() < TWO_PARENTS) {
                parents.add(parent(++parentsSoFar, familyName, SECOND_PARENT_SHARES_FAMILY_NAME, random));
            }
            pupils.add(new DemoPupil(upn, pick(CHILD_GIVEN_NAMES, random), familyName,
                    dateOfBirth(yearGroup, academicYearStart, random), yearGroup, characteristics(random), parents,
                    registrationGroup(yearGroup, allocated, pupilCount / phase.yearGroupCount())));
        }
        return pupils;
    }

    /**
     * Streams every mark, one per pupil per session per school day, in register order (each day's AM
     * session for every pupil, then its PM session). Only a code reference per session is held meanwhile
     * (about 1.5 MB for a 1,000-pupil year), never the marks. Gives the same marks as {@link #school} for
     * the same school, pupils and days.
     */
    public void forEachMark(String schoolId, SchoolPhase phase, List<DemoPupil> pupils, List<LocalDate> schoolDays,
            Consumer<DemoMark> sink) {
        requireOneAcademicYear(schoolDays);
        RegisterPattern pattern = new RegisterPattern(phase, schoolDays, random(schoolId, "trips"));
        AttendanceCode[][] registers = new AttendanceCode[pupils.size()][];
        for (int p = 0; p < pupils.size(); p++) {
            DemoPupil pupil = pupils.get(p);
            registers[p] = pattern.registerFor(pupil, random(schoolId, "register " + pupil.upn()));
        }
        for (int day = 0; day < schoolDays.size(); day++) {
            LocalDate date = schoolDays.get(day);
            for (Session session : Session.values()) {
                int index = 2 * day + (session == Session.AM ? 0 : 1);
                for (int p = 0; p < pupils.size(); p++) {
                    sink.accept(new DemoMark(pupils.get(p).upn(), date, session, registers[p][index]));
                }
            }
        }
    }

    /** The calendar year in which the academic year containing {@code date} began (1 September). */
    public static int academicYearStart(LocalDate date) {
        return date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
    }

    /**
     * The school days of the latest autumn first half term that has ended before {@code today}: from the
     * first weekday on or after 3 September, seven weeks to the Friday before half term.
     */
    public static List<LocalDate> firstHalfTermSchoolDays(LocalDate today) {
        int startYear = academicYearStart(today);
        if (!firstHalfTermEnd(startYear).isBefore(today)) {
            startYear--;
        }
        return weekdays(firstTermDay(startYear), firstHalfTermEnd(startYear));
    }

    /**
     * The school days of a typical English academic year starting in September {@code startYear}: six half
     * terms with a week off in October, February and late May, two weeks at Christmas and Easter, the early
     * May bank holiday off, ending around 20 July. Always at least 190 days.
     */
    public static List<LocalDate> academicYearSchoolDays(int startYear) {
        int endYear = startYear + 1;
        LocalDate autumnHalfTerm = firstHalfTermEnd(startYear).plusDays(3);
        LocalDate autumnEnd = LocalDate.of(startYear, Month.DECEMBER, LAST_AUTUMN_DAY_OF_DECEMBER)
                .with(previousOrSame(DayOfWeek.FRIDAY));
        LocalDate februaryHalfTerm = LocalDate.of(endYear, Month.FEBRUARY, 1).with(dayOfWeekInMonth(3, DayOfWeek.MONDAY));
        LocalDate easterHolidays = easterSunday(endYear).minusDays(6);
        LocalDate mayHalfTerm = LocalDate.of(endYear, Month.MAY, 31).with(previousOrSame(DayOfWeek.MONDAY));
        LocalDate earlyMayBankHoliday = LocalDate.of(endYear, Month.MAY, 1).with(firstInMonth(DayOfWeek.MONDAY));
        LocalDate summerEnd = LocalDate.of(endYear, Month.JULY, LAST_SUMMER_DAY_OF_JULY);

        List<LocalDate> days = new ArrayList<>();
        days.addAll(weekdays(firstTermDay(startYear), firstHalfTermEnd(startYear)));
        days.addAll(weekdays(autumnHalfTerm.plusWeeks(1), autumnEnd));
        days.addAll(weekdays(autumnEnd.plusDays(17), februaryHalfTerm.minusDays(3)));
        days.addAll(weekdays(februaryHalfTerm.plusWeeks(1), easterHolidays.minusDays(3)));
        days.addAll(weekdays(easterHolidays.plusWeeks(2), mayHalfTerm.minusDays(3)));
        days.addAll(weekdays(mayHalfTerm.plusWeeks(1), summerEnd));
        days.remove(earlyMayBankHoliday);
        return List.copyOf(days);
    }

    private static LocalDate firstTermDay(int startYear) {
        LocalDate day = LocalDate.of(startYear, Month.SEPTEMBER, FIRST_TERM_DAY_OF_SEPTEMBER);
        while (!isWeekday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate firstHalfTermEnd(int startYear) {
        return firstTermDay(startYear).with(nextOrSame(DayOfWeek.FRIDAY)).plusWeeks(FIRST_HALF_TERM_WEEKS - 1);
    }

    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWeekday(day)) {
                days.add(day);
            }
        }
        return days;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static void requireOneAcademicYear(List<LocalDate> schoolDays) {
        if (schoolDays.isEmpty()) {
            throw new IllegalArgumentException("at least one school day is needed");
        }
        for (int i = 1; i < schoolDays.size(); i++) {
            if (!schoolDays.get(i).isAfter(schoolDays.get(i - 1))) {
                throw new IllegalArgumentException("school days must be in ascending order without repeats, but "
                        + schoolDays.get(i) + " follows " + schoolDays.get(i - 1));
            }
        }
        LocalDate first = schoolDays.get(0);
        LocalDate last = schoolDays.get(schoolDays.size() - 1);
        if (academicYearStart(first) != academicYearStart(last)) {
            throw new IllegalArgumentException("school days must fall in one academic year, but run from "
                    + first + " to " + last);
        }
    }

    /** Born between 1 September and 31 August of the right year for the year group (Reception is 0). */
    /** Forms of about {@value #FORM_SIZE}: 7A, 7B... ({@code R} for Reception), pupils dealt to them in turn. */
    static String registrationGroup(int yearGroup, int allocated, int pupilsPerYear) {
        int forms = Math.max(1, (pupilsPerYear + FORM_SIZE - 1) / FORM_SIZE);
        return (yearGroup == 0 ? "R" : String.valueOf(yearGroup)) + (char) ('A' + allocated % forms);
    }

    private static LocalDate dateOfBirth(int yearGroup, int academicYearStart, SplittableRandom random) {
        LocalDate earliest = LocalDate.of(academicYearStart - yearGroup - 5, Month.SEPTEMBER, 1);
        long span = ChronoUnit.DAYS.between(earliest, earliest.plusYears(1));
        return earliest.plusDays(random.nextLong(span));
    }

    private static List<String> characteristics(SplittableRandom random) {
        List<String> characteristics = new ArrayList<>();
        for (Characteristic characteristic : Characteristic.values()) {
            if (random.nextDouble() < characteristic.prevalence()) {
                characteristics.add(characteristic.name());
            }
        }
        return characteristics;
    }

    private static DemoParent parent(int number, String childFamilyName, double sharesFamilyName,
            SplittableRandom random) {
        String familyName = random.nextDouble() < sharesFamilyName ? childFamilyName : pick(FAMILY_NAMES, random);
        return new DemoParent(String.format("P%06d", number), pick(ADULT_GIVEN_NAMES, random) + " " + familyName);
    }

    private static String pick(List<String> names, SplittableRandom random) {
        return names.get(random.nextInt(names.size()));
    }

    private SplittableRandom random(String schoolId, String part) {
        long key = seed;
        for (char c : (schoolId + '\u0000' + part).toCharArray()) {
            key = 31 * key + c;
        }
        return new SplittableRandom(key);
    }
}
