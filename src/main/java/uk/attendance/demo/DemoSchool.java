package uk.attendance.demo;

import java.util.List;

/** A generated school: its roll and every register mark for the school days it was generated for. */
public record DemoSchool(
        String schoolId,
        String name,
        String policy,
        SchoolPhase phase,
        List<DemoPupil> pupils,
        List<DemoMark> marks) {

    public DemoSchool {
        pupils = List.copyOf(pupils);
        marks = List.copyOf(marks);
    }
}
