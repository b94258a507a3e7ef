package uk.attendance.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.demo.DemoPupil;
import uk.attendance.demo.DemoSchoolGenerator;
import uk.attendance.demo.SchoolPhase;
import uk.attendance.pupil.Parent;
import uk.attendance.pupil.Pupil;

/** A generated school held in memory: its pupils as entities (ids from 1) and their marks, with the national code mix. */
record GeneratedSchool(List<Pupil> pupils, Map<Long, List<MarkedSession>> marks, SchoolCalendar calendar, List<LocalDate> days) {

    static GeneratedSchool of(String schoolId, SchoolPhase phase, int pupilCount, int startYear, int schoolDays) {
        DemoSchoolGenerator generator = new DemoSchoolGenerator(11);
        List<DemoPupil> demo = generator.pupils(schoolId, phase, pupilCount, startYear);
        List<LocalDate> days = DemoSchoolGenerator.academicYearSchoolDays(startYear).subList(0, schoolDays);
        Map<String, Long> ids = new HashMap<>();
        List<Pupil> pupils = new ArrayList<>();
        for (DemoPupil d : demo) {
            Pupil pupil = new Pupil();
            pupil.id = (long) pupils.size() + 1;
            pupil.upn = d.upn();
            pupil.yearGroup = d.yearGroup();
            pupil.dateOfBirth = d.dateOfBirth();
            pupil.characteristics = java.util.Set.copyOf(d.characteristics());
            pupil.parents = d.parents().stream().map(p -> {
                Parent parent = new Parent();
                parent.parentRef = p.parentId();
                return parent;
            }).toList();
            ids.put(d.upn(), pupil.id);
            pupils.add(pupil);
        }
        Map<Long, List<MarkedSession>> marks = new HashMap<>();
        generator.forEachMark(schoolId, phase, demo, days, m ->
                marks.computeIfAbsent(ids.get(m.upn()), id -> new ArrayList<>()).add(new MarkedSession(m.date(), m.session(), m.code())));
        return new GeneratedSchool(pupils, marks, SchoolCalendar.of(days), days);
    }
}
