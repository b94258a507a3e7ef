package uk.attendance.attendance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.attendance.problem.ProblemException;

/**
 * Reads a nightly post row by row into a {@link MarkBatchValidator}, streaming, so a year of marks
 * never exists as a tree of objects in memory.
 */
final class MarkBodyReader {

    static final List<String> CSV_HEADER = List.of("upn", "date", "session", "code");

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

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

    /**
     * Reads RFC 4180 CSV with the header {@code upn,date,session,code} (any column order, any case); blank lines
     * are skipped, a quoted field may hold commas, doubled quotes and line breaks.
     */
    static void readCsv(InputStream body, MarkBatchValidator validator) {
        try (Reader reader = withoutBom(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
                CSVParser parser = CSV.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            int[] column = null;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (blank(record)) {
                    continue;
                }
                if (column == null) {
                    column = columns(record);
                } else {
                    validator.row(cell(record, column[0]), cell(record, column[1]), cell(record, column[2]), cell(record, column[3]));
                }
            }
            expect(column != null, "The CSV body is empty; it needs the header upn,date,session,code.");
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ProblemException.badRequest("The CSV body is malformed: " + rootMessage(e));
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    private static int[] columns(CSVRecord header) {
        List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int[] column = CSV_HEADER.stream().mapToInt(names::indexOf).toArray();
        for (int c = 0; c < column.length; c++) {
            expect(column[c] >= 0, "The CSV header must name the columns upn,date,session,code; '"
                    + CSV_HEADER.get(c) + "' is missing.");
        }
        return column;
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static String cell(CSVRecord record, int column) {
        if (column >= record.size()) {
            return null;
        }
        String value = record.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    /** A spreadsheet's UTF-8 export may start with a byte-order mark, which is not part of the first column's name. */
    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static void expect(boolean condition, String detail) {
        if (!condition) {
            throw ProblemException.badRequest(detail);
        }
    }
}
