package uk.attendance.evaluation;

import uk.attendance.pupil.*;

import java.util.List;

/** One page of the pupils list, and how many pupils match in all. */
public record PupilPage(long total, List<PupilListItem> items) {
}
