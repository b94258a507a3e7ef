package uk.attendance.demo;

/** The year groups a school teaches, and the overall absence typical of its phase (England, 2024/25). */
public enum SchoolPhase {
    /** Reception (year group 0) to Year 6. */
    PRIMARY(0, 6, 0.053),
    /** Years 7 to 11. */
    SECONDARY(7, 11, 0.086);

    private final int firstYearGroup;
    private final int lastYearGroup;
    private final double overallAbsence;

    SchoolPhase(int firstYearGroup, int lastYearGroup, double overallAbsence) {
        this.firstYearGroup = firstYearGroup;
        this.lastYearGroup = lastYearGroup;
        this.overallAbsence = overallAbsence;
    }

    public int firstYearGroup() {
        return firstYearGroup;
    }

    public int lastYearGroup() {
        return lastYearGroup;
    }

    public int yearGroupCount() {
        return lastYearGroup - firstYearGroup + 1;
    }

    /** Share of possible sessions missed, as a fraction: what generated schools of this phase aim for. */
    public double overallAbsence() {
        return overallAbsence;
    }
}
