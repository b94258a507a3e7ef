package uk.attendance.demo;

/** A parent or carer of a generated pupil; {@code parentId} is unique within the school. */
public record DemoParent(String parentId, String name) {
}
