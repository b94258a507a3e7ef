package uk.attendance.demo;

/**
 * The pupil characteristics the generator draws, with how common each is in England and how it
 * shifts a pupil's absence (disadvantaged pupils and pupils with SEND miss noticeably more school).
 */
enum Characteristic {
    FSM(0.25, 1.6),
    SEND(0.15, 1.4),
    EAL(0.20, 0.9),
    LAC(0.01, 1.0);

    private final double prevalence;
    private final double absenceWeight;

    Characteristic(double prevalence, double absenceWeight) {
        this.prevalence = prevalence;
        this.absenceWeight = absenceWeight;
    }

    double prevalence() {
        return prevalence;
    }

    double absenceWeight() {
        return absenceWeight;
    }

    /** The average absence weight over all pupils, so weighting by characteristic keeps the school's overall absence. */
    static double meanAbsenceWeight() {
        double mean = 1;
        for (Characteristic characteristic : values()) {
            mean *= 1 - characteristic.prevalence + characteristic.prevalence * characteristic.absenceWeight;
        }
        return mean;
    }
}
