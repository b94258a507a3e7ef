package uk.attendance.attendance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.attendance.problem.ProblemException;

/**
 * Reads a nightly post row by row into a {@link MarkBatchValidator}, streaming, so a year of marks
 * never exists as a tree of objects in memory.
 */
final class MarkBodyReader {

    static final List<String> CSV_HEADER = List.of("upn", "date", "session", "code");

    private MarkBodyReader() {
    }

    /**
     * Reads {@code {"source": "...", "marks": [{upn, date, session, code}, ...]}}.
     *
     * @return the batch's source
     */
    static String readJson(JsonFactory factory, InputStream body, MarkBatchValidator validator) {
        String source = null;
        boolean sawMarks = false;
        try (JsonParser parser = factory.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "The body must be a JSON object with 'source' and 'marks'.");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("source".equals(field)) {
                    expect(value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL, "'source' must be a string.");
                    source = parser.getValueAsString();
                } else if ("marks".equals(field)) {
                    expect(value == JsonToken.START_ARRAY, "'marks' must be an array of marks.");
                    sawMarks = true;
                    readMarks(parser, validator);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            throw ProblemException.badRequest("The body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read: " + e.getMessage());
        }
        expect(sawMarks, "The body has no 'marks' array.");
        return source;
    }

    private static void readMarks(JsonParser parser, MarkBatchValidator validator) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                validator.row(null, null, null, null);
                continue;
            }
            String upn = null;
            String date = null;
            String session = null;
            String code = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getValueAsString() : null;
                parser.skipChildren();
                switch (field) {
                    case "upn" -> upn = text;
                    case "date" -> date = text;
                    case "session" -> session = text;
                    case "code" -> code = text;
                    default -> {
                    }
                }
            }
            validator.row(upn, date, session, code);
        }
    }

    /** Reads CSV with the header {@code upn,date,session,code} (any column order); blank lines are skipped. */
    static void readCsv(InputStream body, MarkBatchValidator validator) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            expect(headerLine != null, "The CSV body is empty; it needs the header upn,date,session,code.");
            List<String> header = splitCsvLine(stripBom(headerLine)).stream()
                    .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            int[] column = CSV_HEADER.stream().mapToInt(header::indexOf).toArray();
            for (int c = 0; c < column.length; c++) {
                expect(column[c] >= 0, "The CSV header must name the columns upn,date,session,code; '"
                        + CSV_HEADER.get(c) + "' is missing.");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = splitCsvLine(line);
                validator.row(cell(cells, column[0]), cell(cells, column[1]), cell(cells, column[2]), cell(cells, column[3]));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    private static String cell(List<String> cells, int column) {
        if (column >= cells.size()) {
            return null;
        }
        String value = cells.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    /** RFC 4180 fields: a quoted field may hold commas and doubled quotes. */
    static List<String> splitCsvLine(String line) {
        List<String> cells = new ArrayList<>(4);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static void expect(boolean condition, String detail) {
        if (!condition) {
            throw ProblemException.badRequest(detail);
        }
    }
}
