package uk.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.attendance.OnFixedToday;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.ActionView;
import uk.attendance.policy.PolicyRegistry;

/** Every letter a policy's ladder can ask for has a template in the policy's folder, and every template renders. */
@QuarkusTest
class LetterTemplatesTest implements OnFixedToday {

    /** The action type a rule recommends, e.g. Recommendation.of( kcontext, $p, "AT1_LETTER" ). */
    private static final Pattern ACTION_TYPE = Pattern.compile("Recommendation\\.of\\(\\s*kcontext\\s*,\\s*\\$\\w+\\s*,\\s*\"([A-Z0-9_]+)\"");
    /** Completing the action records a letter: .records( "LETTER", ... ). */
    private static final Pattern RECORDS_LETTER = Pattern.compile("\\.records\\(\\s*\"LETTER\"");

    @Inject
    Letters letters;

    @Inject
    PolicyRegistry policies;

    @Test
    void everyLetterActionOfEveryPolicyHasItsOwnTemplate() throws IOException {
        Path root = Path.of("policies");
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                TreeSet<String> letterTypes = new TreeSet<>();
                try (Stream<Path> drls = Files.list(folder)) {
                    for (Path drl : drls.filter(p -> p.toString().endsWith(".drl")).toList()) {
                        for (String rule : Files.readString(drl).split("\\nrule ")) {
                            Matcher type = ACTION_TYPE.matcher(rule);
                            if (type.find() && RECORDS_LETTER.matcher(rule).find()) {
                                letterTypes.add(type.group(1));
                            }
                        }
                    }
                }
                assertThat(letterTypes).as("letter actions of %s", folder).isNotEmpty();
                for (String type : letterTypes) {
                    assertThat(folder.resolve("letters").resolve(type + ".html")).as("the %s letter of %s", type, folder).isRegularFile();
                }
            }
        }
    }

    @Test
    void everyTemplateRendersWithThePupilAndNoError() throws IOException {
        int rendered = 0;
        for (var policy : policies.list()) {
            for (var file : letters.templates(policy.id())) {
                String type = file.name().replace(".html", "");
                Letters.Rendered letter = letters.render(action(policy.id(), type), model(policy.parameters().values()));
                assertThat(letter.error()).as("%s/letters/%s", policy.id(), file.name()).isNull();
                assertThat(letter.source()).isEqualTo(policy.id() + "/letters/" + file.name());
                assertThat(letter.html()).as("%s/letters/%s", policy.id(), file.name())
                        .contains("Wren").contains("Greenfield Academy").contains("Dear Jay Lowe")
                        .doesNotContain("NOT_FOUND").doesNotContain("{");
                rendered++;
            }
        }
        assertThat(rendered).as("templates rendered, of those in the policies' letters folders").isEqualTo(templatesOnDisk());
    }

    private static long templatesOnDisk() throws IOException {
        // policies/<id>/letters/<TYPE>.html, but the skeleton's (a folder whose name starts with "_" is not a policy).
        try (Stream<Path> files = Files.walk(Path.of("policies"), 3)) {
            return files.filter(f -> f.getNameCount() == 4 && f.getName(2).toString().equals("letters")
                    && !f.getName(1).toString().startsWith("_") && f.toString().endsWith(".html")).count();
        }
    }

    private static ActionView action(String policy, String type) {
        return new ActionView(1L, "s1", "B801200005001", type, "A letter", "A stage", policy, "v1", "a rule",
                "The reason in words.", "The clause.", "2025/26", LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3), false, ActionStatus.OPEN, null, null, null,
                null, List.of(), "LETTER", type, List.of());
    }

    private static LetterModel model(Map<String, String> params) {
        return new LetterModel("5 November 2025", new LetterModel.School("s1", "Greenfield Academy"),
                new LetterModel.Pupil("Wren", "Lowe", "Wren Lowe", "B801200005001", "Year 9", "4 October 2011"),
                List.of("Jay Lowe"), "Jay Lowe", "Dear Jay Lowe",
                new LetterModel.Attendance("5 November 2025", "89.5%", "10.5%", "7.5", 143, 15, 9, 6, 2, 6, true, false),
                new LetterModel.Action(1, "X", "A letter", "AMBER-GREEN", "The reason in words.", "The clause.", "3 November 2025"),
                "2025/26", "A policy", params);
    }
}
