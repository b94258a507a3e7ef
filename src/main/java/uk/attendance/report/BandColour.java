package uk.attendance.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour a band is printed in. Bands are the policy's own (its ladder names them); a band named by a colour
 * (St Clare's GREEN, AMBER-GREEN, RED-AMBER, RED) keeps that colour, and any other is coloured by its rank: the band
 * whose pupils attend best is green, the worst red. Light tints, so black text on them keeps its contrast.
 */
public enum BandColour {
    GREEN("C8E6C9"), AMBER_GREEN("E6EE9C"), AMBER("FFE082"), RED_AMBER("FFCC80"), RED("FFCDD2");

    private final String hex;

    BandColour(String hex) {
        this.hex = hex;
    }

    /** RRGGBB, as spreadsheets take it. */
    public String hex() {
        return hex;
    }

    private static final List<BandColour> BY_RANK = List.of(GREEN, AMBER_GREEN, AMBER, RED_AMBER, RED);

    static Map<String, BandColour> forBands(Map<String, Double> meanAttendanceByBand) {
        Map<String, BandColour> colours = new HashMap<>();
        List<String> ranked = meanAttendanceByBand.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < ranked.size(); i++) {
            String band = ranked.get(i);
            int rank = ranked.size() == 1 ? 0 : Math.round((float) i * (BY_RANK.size() - 1) / (ranked.size() - 1));
            colours.put(band, named(band).orElse(BY_RANK.get(rank)));
        }
        return colours;
    }

    private static java.util.Optional<BandColour> named(String band) {
        String name = band.toUpperCase().replaceAll("[^A-Z]+", "_").replaceAll("^_|_$", "");
        return BY_RANK.stream().sorted(Comparator.comparingInt((BandColour c) -> -c.name().length()))
                .filter(c -> name.equals(c.name()) || name.startsWith(c.name() + "_"))
                .findFirst();
    }
}
