package uk.attendance.attendance;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The national register codes (in force from 19 August 2024) and what each counts as.
 * This is the only place in the product that lists codes: everything else asks a code for its category.
 */
public enum AttendanceCode {
    PRESENT_AM("/", CodeCategory.PRESENT, "present at AM registration"),
    PRESENT_PM("\\", CodeCategory.PRESENT, "present at PM registration"),
    L("L", CodeCategory.PRESENT, "late, arrived before the register closed"),
    K("K", CodeCategory.APPROVED_ACTIVITY, "education arranged by the local authority"),
    V("V", CodeCategory.APPROVED_ACTIVITY, "educational visit or trip"),
    P("P", CodeCategory.APPROVED_ACTIVITY, "supervised sporting activity"),
    W("W", CodeCategory.APPROVED_ACTIVITY, "work experience"),
    B("B", CodeCategory.APPROVED_ACTIVITY, "other approved educational activity"),
    C1("C1", CodeCategory.AUTHORISED_ABSENCE, "regulated performance or employment abroad"),
    M("M", CodeCategory.AUTHORISED_ABSENCE, "medical or dental appointment"),
    J1("J1", CodeCategory.AUTHORISED_ABSENCE, "interview for employment or another school"),
    S("S", CodeCategory.AUTHORISED_ABSENCE, "study leave"),
    C2("C2", CodeCategory.AUTHORISED_ABSENCE, "agreed temporary part-time timetable"),
    C("C", CodeCategory.AUTHORISED_ABSENCE, "leave in exceptional circumstances"),
    T("T", CodeCategory.AUTHORISED_ABSENCE, "parent travelling for occupational purposes"),
    R("R", CodeCategory.AUTHORISED_ABSENCE, "religious observance"),
    I("I", CodeCategory.AUTHORISED_ABSENCE, "illness (not appointments)"),
    E("E", CodeCategory.AUTHORISED_ABSENCE, "suspended or excluded, no alternative provision"),
    G("G", CodeCategory.UNAUTHORISED_ABSENCE, "holiday not granted by the school"),
    N("N", CodeCategory.UNAUTHORISED_ABSENCE, "reason not yet established"),
    O("O", CodeCategory.UNAUTHORISED_ABSENCE, "absent in other or unknown circumstances"),
    U("U", CodeCategory.UNAUTHORISED_ABSENCE, "arrived after the register closed"),
    D("D", CodeCategory.NOT_POSSIBLE, "dual registered, at the other school"),
    X("X", CodeCategory.NOT_POSSIBLE, "below compulsory school age, not required to attend"),
    Q("Q", CodeCategory.NOT_POSSIBLE, "unable to attend: lack of access arrangements"),
    Y1("Y1", CodeCategory.NOT_POSSIBLE, "unable to attend: transport not available"),
    Y2("Y2", CodeCategory.NOT_POSSIBLE, "unable to attend: widespread travel disruption"),
    Y3("Y3", CodeCategory.NOT_POSSIBLE, "unable to attend: part of the school premises closed"),
    Y4("Y4", CodeCategory.NOT_POSSIBLE, "unable to attend: whole school site unexpectedly closed"),
    Y5("Y5", CodeCategory.NOT_POSSIBLE, "unable to attend: criminal justice detention"),
    Y6("Y6", CodeCategory.NOT_POSSIBLE, "unable to attend: public health guidance or law"),
    Y7("Y7", CodeCategory.NOT_POSSIBLE, "unable to attend: any other unavoidable cause"),
    Z("Z", CodeCategory.NOT_POSSIBLE, "prospective pupil, not yet on the register"),
    CLOSED("#", CodeCategory.NOT_POSSIBLE, "planned whole or partial school closure"),
    // Withdrawn in 2024; accepted only when a school imports history.
    H("H", CodeCategory.AUTHORISED_ABSENCE, "holiday agreed by the school (withdrawn 2024)", true),
    J("J", CodeCategory.APPROVED_ACTIVITY, "interview (withdrawn 2024)", true),
    F("F", CodeCategory.AUTHORISED_ABSENCE, "extended family holiday agreed (withdrawn 2024)", true),
    Y("Y", CodeCategory.NOT_POSSIBLE, "unable to attend due to exceptional circumstances (withdrawn 2024)", true);

    private static final Map<String, AttendanceCode> BY_MARK = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AttendanceCode::mark, Function.identity()));

    private final String mark;
    private final CodeCategory category;
    private final String meaning;
    private final boolean withdrawn;

    AttendanceCode(String mark, CodeCategory category, String meaning) {
        this(mark, category, meaning, false);
    }

    AttendanceCode(String mark, CodeCategory category, String meaning, boolean withdrawn) {
        this.mark = mark;
        this.category = category;
        this.meaning = meaning;
        this.withdrawn = withdrawn;
    }

    /** The code as it appears on the register, e.g. {@code "/"} or {@code "C1"}. */
    public String mark() {
        return mark;
    }

    public CodeCategory category() {
        return category;
    }

    public String meaning() {
        return meaning;
    }

    /** Withdrawn in 2024: only valid in an explicit import of historical registers. */
    public boolean withdrawn() {
        return withdrawn;
    }

    public boolean isPossibleSession() {
        return category != CodeCategory.NOT_POSSIBLE;
    }

    public boolean isAbsence() {
        return category == CodeCategory.AUTHORISED_ABSENCE || category == CodeCategory.UNAUTHORISED_ABSENCE;
    }

    public boolean isUnauthorisedAbsence() {
        return category == CodeCategory.UNAUTHORISED_ABSENCE;
    }

    /** {@code L} and {@code U}: the pupil arrived after registration began. */
    public boolean isLate() {
        return this == L || this == U;
    }

    /** A session the school held: anything but a planned closure. */
    public boolean isSchoolSession() {
        return this != CLOSED;
    }

    /** Looks a register mark up, current codes only unless {@code allowWithdrawn}. */
    public static Optional<AttendanceCode> fromMark(String mark, boolean allowWithdrawn) {
        if (mark == null) {
            return Optional.empty();
        }
        AttendanceCode code = BY_MARK.get(mark.trim());
        if (code == null || (code.withdrawn && !allowWithdrawn)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** For stored marks, which were validated on the way in. */
    public static AttendanceCode ofMark(String mark) {
        AttendanceCode code = BY_MARK.get(mark);
        if (code == null) {
            throw new IllegalArgumentException("unknown attendance code '" + mark + "'");
        }
        return code;
    }
}
