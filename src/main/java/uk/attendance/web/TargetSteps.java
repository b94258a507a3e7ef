package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import uk.attendance.action.ActionView;
import uk.attendance.policy.PolicyRegistry;

/**
 * Which steps of a ladder agree a target with the family, so the lead's form asks for it there: the action types a
 * policy lists in its parameter {@value #PARAMETER} (e.g. the trust template's target-setting parent meeting).
 */
@ApplicationScoped
class TargetSteps {

    static final String PARAMETER = "target.agreedAt.actionTypes";

    private final PolicyRegistry policies;

    TargetSteps(PolicyRegistry policies) {
        this.policies = policies;
    }

    boolean setsTarget(ActionView action) {
        return policies.find(action.policy())
                .map(policy -> policy.parameters().values().getOrDefault(PARAMETER, ""))
                .map(types -> Arrays.stream(types.split(",")).map(String::trim).anyMatch(action.type()::equals))
                .orElse(false);
    }
}
