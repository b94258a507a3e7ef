package uk.attendance.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import uk.attendance.rules.CompileError;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationResult(boolean valid, List<CompileError> errors) {
}
