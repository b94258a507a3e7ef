package uk.attendance.school;

public record SchoolView(String id, String name, String policy) {

    static SchoolView of(School school) {
        return new SchoolView(school.id, school.name, school.policy);
    }
}
