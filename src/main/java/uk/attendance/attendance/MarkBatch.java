package uk.attendance.attendance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A validated nightly post held compactly: a year of marks for a large school is about 380,000
 * rows, so each is kept as a few primitives rather than an object per row.
 */
final class MarkBatch {

    private static final AttendanceCode[] CODES = AttendanceCode.values();
    private static final Session[] SESSIONS = Session.values();

    private int size;
    private long[] pupilIds = new long[1024];
    private int[] epochDays = new int[1024];
    private byte[] sessions = new byte[1024];
    private byte[] codes = new byte[1024];
    private final Map<Long, Integer> rowByKey = new HashMap<>();
    private int minEpochDay = Integer.MAX_VALUE;
    private int maxEpochDay = Integer.MIN_VALUE;

    /**
     * Adds a mark unless one with the same key is already in the batch.
     *
     * @return -1 when added, else the position of the earlier mark with the same key
     */
    int add(long pupilId, LocalDate date, Session session, AttendanceCode code) {
        long key = key(pupilId, (int) date.toEpochDay(), session.ordinal());
        Integer earlier = rowByKey.putIfAbsent(key, size);
        if (earlier != null) {
            return earlier;
        }
        if (size == pupilIds.length) {
            int capacity = size * 2;
            pupilIds = Arrays.copyOf(pupilIds, capacity);
            epochDays = Arrays.copyOf(epochDays, capacity);
            sessions = Arrays.copyOf(sessions, capacity);
            codes = Arrays.copyOf(codes, capacity);
        }
        int day = (int) date.toEpochDay();
        pupilIds[size] = pupilId;
        epochDays[size] = day;
        sessions[size] = (byte) session.ordinal();
        codes[size] = (byte) code.ordinal();
        minEpochDay = Math.min(minEpochDay, day);
        maxEpochDay = Math.max(maxEpochDay, day);
        size++;
        return -1;
    }

    int size() {
        return size;
    }

    long pupilId(int i) {
        return pupilIds[i];
    }

    LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDays[i]);
    }

    Session session(int i) {
        return SESSIONS[sessions[i]];
    }

    AttendanceCode code(int i) {
        return CODES[codes[i]];
    }

    long key(int i) {
        return key(pupilIds[i], epochDays[i], sessions[i]);
    }

    LocalDate firstDate() {
        return LocalDate.ofEpochDay(minEpochDay);
    }

    LocalDate lastDate() {
        return LocalDate.ofEpochDay(maxEpochDay);
    }

    long[] distinctPupilIds() {
        return Arrays.stream(pupilIds, 0, size).distinct().sorted().toArray();
    }

    /** Packs (pupil, date, session) into one long: pupil ids stay far below 2^40, days below 2^22. */
    static long key(long pupilId, int epochDay, int session) {
        return (pupilId << 23) | ((long) epochDay << 1) | session;
    }
}
