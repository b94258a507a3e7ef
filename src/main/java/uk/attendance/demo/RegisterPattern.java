package uk.attendance.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import uk.attendance.attendance.AttendanceCode;

/**
 * Draws one pupil's register for a run of school days so that a whole school matches the national
 * code mix, with absence concentrated in a minority of pupils and coming in runs, as in real registers.
 *
 * <p>Sessions are indexed {@code 2 × day + 0} for AM and {@code 2 × day + 1} for PM.
 */
final class RegisterPattern {

    /** Share of possible sessions by code, England 2025/26; present ({@code /} and {@code \}) is the remaining 90%. */
    private static final Map<AttendanceCode, Double> NATIONAL_SHARE = nationalShare();

    /** Spread of the log-normal absence propensity: wide enough that about a fifth of pupils are persistently absent. */
    private static final double ABSENCE_SPREAD = 1.2;
    private static final double LATENESS_SPREAD = 1.0;
    private static final double MAX_ABSENCE_RATE = 0.95;
    private static final double MAX_LATENESS_RATE = 0.5;

    /** Code N must be resolved within 5 school days, so only the most recent days still carry it. */
    private static final int UNRESOLVED_WINDOW_DAYS = 5;
    private static final Map<AttendanceCode, EpisodeShape> EPISODE_SHAPES = episodeShapes();
    private static final EpisodeShape ONE_DAY = new EpisodeShape(0, false, false, days(1, 1));

    private static final int HOLIDAY_MIN_DAYS = 4;
    private static final int HOLIDAY_MAX_DAYS = 10;

    /** A trip takes part of a year group (a class or two); trip days are drawn so V meets its national share. */
    private static final double TRIP_PARTY = 0.5;
    /**
     * About a third of Years 10–11 do a week's placement in a school year; with those years some 18% of
     * all pupils, that gives the national share of W.
     */
    private static final double WORK_EXPERIENCE_CHANCE_PER_YEAR = 0.3;
    private static final int WORK_EXPERIENCE_DAYS = 5;
    private static final int FIRST_WORK_EXPERIENCE_YEAR = 10;
    private static final int STUDY_LEAVE_YEAR = 11;
    private static final int SCHOOL_DAYS_PER_YEAR = 190;
    private static final int SCHOOL_DAYS_PER_WEEK = 5;

    private static final double NATIONAL_ABSENCE = NATIONAL_SHARE.entrySet().stream()
            .filter(share -> share.getKey().isAbsence())
            .mapToDouble(Map.Entry::getValue)
            .sum();

    private final List<LocalDate> schoolDays;
    private final int sessions;
    /** How much more (secondary) or less (primary) absent this school is than the national average. */
    private final double phaseScale;
    private final Map<Integer, BitSet> tripDaysByYearGroup;
    private final List<HolidayAnchor> holidayAnchors;

    RegisterPattern(SchoolPhase phase, List<LocalDate> schoolDays, SplittableRandom schoolRandom) {
        this.schoolDays = schoolDays;
        this.sessions = 2 * schoolDays.size();
        this.phaseScale = phase.overallAbsence() / NATIONAL_ABSENCE;
        this.tripDaysByYearGroup = tripDays(phase, schoolDays.size(), schoolRandom);
        this.holidayAnchors = holidayAnchors(schoolDays);
    }

    /** The code for each session of the period, AM and PM of each school day in turn. */
    AttendanceCode[] registerFor(DemoPupil pupil, SplittableRandom random) {
        AttendanceCode[] codes = new AttendanceCode[sessions];
        double absenceWeight = meanOneLogNormal(random, ABSENCE_SPREAD) * characteristicWeight(pupil);
        takeTermTimeHoliday(codes, random);
        beAbsent(codes, pupil, absenceWeight, random);
        attendApprovedActivities(codes, pupil, random);
        attend(codes, random);
        return codes;
    }

    private void takeTermTimeHoliday(AttendanceCode[] codes, SplittableRandom random) {
        double averageDays = (HOLIDAY_MIN_DAYS + HOLIDAY_MAX_DAYS) / 2.0;
        double chance = share(AttendanceCode.G) * phaseScale * sessions / (2 * averageDays);
        if (random.nextDouble() >= chance) {
            return;
        }
        // Families book around the school holidays: the block ends just before a break or starts just after one.
        HolidayAnchor anchor = holidayAnchors.get(random.nextInt(holidayAnchors.size()));
        int days = random.nextInt(HOLIDAY_MIN_DAYS, HOLIDAY_MAX_DAYS + 1);
        int firstDay = anchor.beforeBreak() ? anchor.day() - days + 1 : anchor.day();
        fillDays(codes, AttendanceCode.G, firstDay, days, Integer.MAX_VALUE);
    }

    private void beAbsent(AttendanceCode[] codes, DemoPupil pupil, double absenceWeight, SplittableRandom random) {
        Map<AttendanceCode, Double> reasons = absenceReasons(pupil);
        double reasonsShare = reasons.values().stream().mapToDouble(Double::doubleValue).sum();
        double rate = Math.min(MAX_ABSENCE_RATE, absenceWeight * phaseScale * reasonsShare);
        // Long episodes are drawn less often, so that each reason keeps its share of sessions rather than of episodes.
        Map<AttendanceCode, Double> episodeWeights = new EnumMap<>(AttendanceCode.class);
        reasons.forEach((reason, share) -> episodeWeights.put(reason, share / shape(reason).meanSessions()));
        double totalWeight = episodeWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        int remaining = stochasticRound(rate * sessions, random);
        // A severely absent pupil's last few free sessions are hard to hit at random: stop trying eventually.
        int attempts = 20 + 10 * remaining;
        while (remaining > 0 && attempts-- > 0) {
            AttendanceCode reason = pick(episodeWeights, totalWeight, random);
            remaining -= absenceEpisode(codes, reason, remaining, random);
        }
    }

    /** Absence other than holidays (G) and late arrival (U), which are drawn as their own patterns. */
    private static Map<AttendanceCode, Double> absenceReasons(DemoPupil pupil) {
        Map<AttendanceCode, Double> reasons = new EnumMap<>(AttendanceCode.class);
        NATIONAL_SHARE.forEach((code, share) -> {
            boolean ownPattern = code == AttendanceCode.G || code == AttendanceCode.U;
            boolean studyLeave = code == AttendanceCode.S && pupil.yearGroup() != STUDY_LEAVE_YEAR;
            if (code.isAbsence() && !ownPattern && !studyLeave) {
                reasons.put(code, share);
            }
        });
        return reasons;
    }

    /** Places one episode of absence for {@code reason}; returns how many sessions it newly filled, at most {@code limit}. */
    private int absenceEpisode(AttendanceCode[] codes, AttendanceCode reason, int limit, SplittableRandom random) {
        EpisodeShape shape = shape(reason);
        int days = schoolDays.size();
        int window = shape.recentOnly() ? Math.min(UNRESOLVED_WINDOW_DAYS, days) : days;
        int firstDay = days - window + random.nextInt(window);
        if (random.nextDouble() < shape.singleSessionChance()) {
            return fillSession(codes, reason, 2 * firstDay + random.nextInt(2));
        }
        int lastDay = Math.min(days, firstDay + 1 + pickIndex(shape.dayWeights(), random));
        int filled = 0;
        for (int session = 2 * firstDay; session < 2 * lastDay && filled < limit; session++) {
            boolean morning = session % 2 == 0;
            if (!(morning && shape.afternoonsOnly())) {
                filled += fillSession(codes, reason, session);
            }
        }
        return filled;
    }

    private static EpisodeShape shape(AttendanceCode reason) {
        return EPISODE_SHAPES.getOrDefault(reason, ONE_DAY);
    }

    private void attendApprovedActivities(AttendanceCode[] codes, DemoPupil pupil, SplittableRandom random) {
        int days = schoolDays.size();
        BitSet tripDays = tripDaysByYearGroup.getOrDefault(pupil.yearGroup(), new BitSet());
        for (int day = tripDays.nextSetBit(0); day >= 0; day = tripDays.nextSetBit(day + 1)) {
            if (random.nextDouble() < TRIP_PARTY) {
                fillDays(codes, AttendanceCode.V, day, 1, Integer.MAX_VALUE);
            }
        }
        if (pupil.yearGroup() >= FIRST_WORK_EXPERIENCE_YEAR
                && random.nextDouble() < WORK_EXPERIENCE_CHANCE_PER_YEAR * days / SCHOOL_DAYS_PER_YEAR) {
            fillDays(codes, AttendanceCode.W, random.nextInt(days), WORK_EXPERIENCE_DAYS, Integer.MAX_VALUE);
        }
        // Education arranged by the local authority: one set weekday, every week, for a few pupils.
        if (random.nextDouble() < share(AttendanceCode.K) * SCHOOL_DAYS_PER_WEEK) {
            DayOfWeek provisionDay = DayOfWeek.of(random.nextInt(1, 6));
            for (int day = 0; day < days; day++) {
                if (schoolDays.get(day).getDayOfWeek() == provisionDay) {
                    fillDays(codes, AttendanceCode.K, day, 1, Integer.MAX_VALUE);
                }
            }
        }
        // Fixtures and matches are afternoon sessions.
        for (int session = 0; session < sessions; session++) {
            boolean afternoon = session % 2 == 1;
            if (afternoon && random.nextDouble() < 2 * share(AttendanceCode.P)) {
                fillSession(codes, AttendanceCode.P, session);
            } else if (random.nextDouble() < share(AttendanceCode.B)) {
                fillSession(codes, AttendanceCode.B, session);
            }
        }
    }

    /** Present at every remaining session; late to some morning registrations, a habit of a few pupils. */
    private void attend(AttendanceCode[] codes, SplittableRandom random) {
        double late = share(AttendanceCode.L);
        double afterRegisterClosed = share(AttendanceCode.U) * phaseScale;
        double lateness = meanOneLogNormal(random, LATENESS_SPREAD);
        double lateChance = Math.min(MAX_LATENESS_RATE, lateness * 2 * (late + afterRegisterClosed));
        for (int session = 0; session < sessions; session++) {
            if (codes[session] != null) {
                continue;
            }
            boolean morning = session % 2 == 0;
            if (morning && random.nextDouble() < lateChance) {
                boolean closed = random.nextDouble() < afterRegisterClosed / (late + afterRegisterClosed);
                codes[session] = closed ? AttendanceCode.U : AttendanceCode.L;
            } else {
                codes[session] = morning ? AttendanceCode.PRESENT_AM : AttendanceCode.PRESENT_PM;
            }
        }
    }

    private int fillDays(AttendanceCode[] codes, AttendanceCode code, int firstDay, int days, int limit) {
        int filled = 0;
        int from = Math.max(0, firstDay);
        int to = Math.min(schoolDays.size(), firstDay + days);
        for (int session = 2 * from; session < 2 * to && filled < limit; session++) {
            filled += fillSession(codes, code, session);
        }
        return filled;
    }

    private static int fillSession(AttendanceCode[] codes, AttendanceCode code, int session) {
        if (codes[session] != null) {
            return 0;
        }
        codes[session] = code;
        return 1;
    }

    private static Map<Integer, BitSet> tripDays(SchoolPhase phase, int days, SplittableRandom random) {
        double tripDayChance = share(AttendanceCode.V) / TRIP_PARTY;
        Map<Integer, BitSet> byYearGroup = new HashMap<>();
        for (int yearGroup = phase.firstYearGroup(); yearGroup <= phase.lastYearGroup(); yearGroup++) {
            BitSet tripDays = new BitSet(days);
            for (int day = 0; day < days; day++) {
                if (random.nextDouble() < tripDayChance) {
                    tripDays.set(day);
                }
            }
            byYearGroup.put(yearGroup, tripDays);
        }
        return byYearGroup;
    }

    /** The last school day before each break and the first after it, including the ends of the period. */
    private static List<HolidayAnchor> holidayAnchors(List<LocalDate> schoolDays) {
        List<HolidayAnchor> anchors = new ArrayList<>();
        anchors.add(new HolidayAnchor(0, false));
        for (int day = 0; day + 1 < schoolDays.size(); day++) {
            // Longer than a weekend.
            if (ChronoUnit.DAYS.between(schoolDays.get(day), schoolDays.get(day + 1)) > 3) {
                anchors.add(new HolidayAnchor(day, true));
                anchors.add(new HolidayAnchor(day + 1, false));
            }
        }
        anchors.add(new HolidayAnchor(schoolDays.size() - 1, true));
        return anchors;
    }

    private static double characteristicWeight(DemoPupil pupil) {
        double weight = 1;
        for (String name : pupil.characteristics()) {
            weight *= Characteristic.valueOf(name).absenceWeight();
        }
        return weight / Characteristic.meanAbsenceWeight();
    }

    /** A skewed draw with mean 1: most pupils a little below, a few far above. */
    private static double meanOneLogNormal(SplittableRandom random, double spread) {
        return Math.exp(spread * random.nextGaussian() - spread * spread / 2);
    }

    private static int stochasticRound(double value, SplittableRandom random) {
        int whole = (int) Math.floor(value);
        return whole + (random.nextDouble() < value - whole ? 1 : 0);
    }

    private static AttendanceCode pick(Map<AttendanceCode, Double> weights, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        AttendanceCode last = null;
        for (Map.Entry<AttendanceCode, Double> weight : weights.entrySet()) {
            last = weight.getKey();
            target -= weight.getValue();
            if (target < 0) {
                break;
            }
        }
        return last;
    }

    private static int pickIndex(int[] weights, SplittableRandom random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int target = random.nextInt(total);
        int index = 0;
        while (target >= weights[index]) {
            target -= weights[index];
            index++;
        }
        return index;
    }

    private static double share(AttendanceCode code) {
        return NATIONAL_SHARE.getOrDefault(code, 0.0);
    }

    private static Map<AttendanceCode, Double> nationalShare() {
        Map<AttendanceCode, Double> shares = new EnumMap<>(AttendanceCode.class);
        shares.put(AttendanceCode.L, 0.019);
        shares.put(AttendanceCode.I, 0.032);
        shares.put(AttendanceCode.C, 0.0042);
        shares.put(AttendanceCode.M, 0.0034);
        shares.put(AttendanceCode.C2, 0.0027);
        shares.put(AttendanceCode.E, 0.0015);
        shares.put(AttendanceCode.R, 0.0006);
        shares.put(AttendanceCode.S, 0.0005);
        shares.put(AttendanceCode.V, 0.0073);
        shares.put(AttendanceCode.B, 0.0025);
        shares.put(AttendanceCode.W, 0.0014);
        shares.put(AttendanceCode.P, 0.0011);
        shares.put(AttendanceCode.K, 0.0005);
        shares.put(AttendanceCode.O, 0.0165);
        shares.put(AttendanceCode.G, 0.0043);
        shares.put(AttendanceCode.U, 0.0023);
        shares.put(AttendanceCode.N, 0.0005);
        return Collections.unmodifiableMap(shares);
    }

    private static Map<AttendanceCode, EpisodeShape> episodeShapes() {
        Map<AttendanceCode, EpisodeShape> shapes = new EnumMap<>(AttendanceCode.class);
        // An illness lasts 1 to 4 days, short ones commonest; some pupils go home ill or come in after lunch.
        shapes.put(AttendanceCode.I, new EpisodeShape(0.15, false, false, new int[] {40, 30, 20, 10}));
        shapes.put(AttendanceCode.O, new EpisodeShape(0.4, false, false, days(1, 3)));
        shapes.put(AttendanceCode.N, new EpisodeShape(1, false, true, days(1, 1)));
        shapes.put(AttendanceCode.M, new EpisodeShape(1, false, false, days(1, 1)));
        // A part-time timetable: the pupil goes home at lunchtime for two to four weeks.
        shapes.put(AttendanceCode.C2, new EpisodeShape(0, true, false, days(10, 20)));
        shapes.put(AttendanceCode.C, new EpisodeShape(0, false, false, days(1, 3)));
        shapes.put(AttendanceCode.E, new EpisodeShape(0, false, false, days(1, 5)));
        shapes.put(AttendanceCode.S, new EpisodeShape(0, false, false, days(1, 5)));
        return Collections.unmodifiableMap(shapes);
    }

    /** Day weights for an episode of {@code min} to {@code max} days, each length equally likely. */
    private static int[] days(int min, int max) {
        int[] weights = new int[max];
        Arrays.fill(weights, min - 1, max, 1);
        return weights;
    }

    /**
     * What one episode of an absence reason looks like: a single session with {@code singleSessionChance},
     * otherwise a run of whole days (or only their afternoons) whose length is drawn from {@code dayWeights}
     * (index 0 for one day). {@code recentOnly} keeps it to the last few school days of the period.
     */
    private record EpisodeShape(double singleSessionChance, boolean afternoonsOnly, boolean recentOnly, int[] dayWeights) {

        double meanSessions() {
            double weights = 0;
            double weightedDays = 0;
            for (int i = 0; i < dayWeights.length; i++) {
                weights += dayWeights[i];
                weightedDays += dayWeights[i] * (i + 1);
            }
            double sessionsPerDay = afternoonsOnly ? 1 : 2;
            return singleSessionChance + (1 - singleSessionChance) * sessionsPerDay * weightedDays / weights;
        }
    }

    /** A school day a term-time holiday can be booked against: the day before a break, or the day after. */
    private record HolidayAnchor(int day, boolean beforeBreak) {
    }
}
