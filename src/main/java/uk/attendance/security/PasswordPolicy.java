package uk.attendance.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What a password must be: at least 12 characters, at most 72 bytes (all that bcrypt reads), and not guessable
 * by nbvcxz's estimate (common passwords, dictionary words, repeats, sequences, keyboard walks, the username).
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Bcrypt ignores every byte after the 72nd: a longer password would be checked by its first 72 bytes only. */
    public static final int MAX_BYTES = 72;

    /** The problem with a password, in words for the person choosing it; empty when it will do. */
    public Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("a password has at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("a password has at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " letters or digits)");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("a password has no control characters");
        }
        Result result = estimator(username).estimate(password);
        if (!result.isMinimumEntropyMet()) {
            return Optional.of("this password is too easy to guess (common passwords and words, the username, repeats, "
                    + "sequences and keyboard patterns are tried first); use three or four unrelated words, or a "
                    + "password manager's suggestion");
        }
        return Optional.empty();
    }

    private static Nbvcxz estimator(String username) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (username != null && !username.isBlank()) {
            DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("user").setExclusion(true);
            for (String part : username.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
                if (part.length() > 2) {
                    own.addWord(part, 0);
                }
            }
            own.addWord(username.toLowerCase(), 0);
            own.addWord("attendance", 0);
            dictionaries.add(own.createDictionary());
        }
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration());
    }
}
