package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import nl.opvangmonitor.ingest.read.DefectiveWorkbooks;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded generator derives broken variants from a small copy of the sample Veilig Thuis export
 * (stray and unclosed quotes, truncations, encodings, values too wide for their column, lost
 * delimiters, repeated rows, renamed copies, malformed workbook XML) and loads them in batches, each
 * batch beside an untouched control file. For every batch and file it asserts the invariants: exit 0,
 * 2 or 3; the control file loads whole; a loaded file read every record it has (rows read plus note
 * rows = its records) and rows read = loaded + rejected; the meldingen are the rows loaded less those a
 * newer delivery of the same key replaced; every failure has a reason; no client identifier in the
 * output, the file messages or a client_id reject. {@code -Dopvangmonitor.fuzz.variants=N}
 * (default 200) and {@code -Dopvangmonitor.fuzz.seed=S} run more or other variants.
 */
class HostileDeliveriesFuzzIT {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int PER_RUN = 50;
    private static final int ROWS = 24;

    @TempDir
    Path temp;

    /** A variant: its file name, its bytes (or a workbook edit) and how many records it holds. */
    record Variant(String name, byte[] csv, UnaryOperator<String> sheetEdit, int records) {
    }

    @Test
    void load_whenDeliveriesAreBrokenInManyWays_thenEveryInvariantHoldsForEveryFile() throws Exception {
        int variants = Integer.getInteger("opvangmonitor.fuzz.variants", 200);
        long seed = Long.getLong("opvangmonitor.fuzz.seed", 20261130L);
        List<String> sample = Files.readAllLines(Path.of("input/veiligthuis/vtrr_meldingen_2018-2020.csv"), WINDOWS_1252);
        String header = sample.getFirst();
        List<String> base = sample.subList(1, ROWS + 1);
        Random random = new Random(seed);
        SoftAssertions softly = new SoftAssertions();
        for (int run = 0; run * PER_RUN < variants; run++) {
            Path input = Files.createDirectories(temp.resolve("run" + run + "/input/veiligthuis"));
            List<Variant> batch = new ArrayList<>();
            for (int v = 0; v < PER_RUN && run * PER_RUN + v < variants; v++) {
                batch.add(variant(random, run * PER_RUN + v, header, base));
            }
            List<String> clientIds = new ArrayList<>();
            for (Variant variant : batch) {
                write(input.resolve(variant.name()), variant, header, base, clientIds);
            }
            Variant control = new Variant("control.csv", csv(header, ids(base, "CTL")), null, ROWS);
            write(input.resolve(control.name()), control, header, base, clientIds);
            Path warehouse = temp.resolve("run" + run + "/wh/opvangmonitor.duckdb");
            var result = CommandLineRunner.run("load", "--input", input.getParent().toString(), "--warehouse", warehouse.toString());
            check(softly, "run " + run + " (seed " + seed + ")", result, warehouse, batch, control, clientIds);
        }
        softly.assertAll();
    }

    private static void check(SoftAssertions softly, String run, CommandLineRunner.Result result, Path warehouse, List<Variant> batch,
                              Variant control, List<String> clientIds) throws Exception {
        softly.assertThat(result.exitCode()).as(run + " exit code").isIn(0, 2, 3);
        for (String id : clientIds) {
            softly.assertThat(result.out() + result.err()).as(run + " output holds no client identifier").doesNotContain(id);
        }
        try (Warehouse w = Warehouse.open(warehouse)) {
            var files = w.dsl.selectFrom(LOAD_FILE).fetch();
            long loadedRows = 0;
            for (var file : files) {
                String name = file.getFilePath().substring("veiligthuis/".length());
                Variant variant = name.equals(control.name()) ? control
                        : batch.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
                String what = run + " " + name;
                switch (file.getStatus()) {
                    case "LOADED" -> {
                        softly.assertThat(file.getRowsRead()).as(what + ": rows read = loaded + rejected")
                                .isEqualTo(file.getRowsLoaded() + file.getRowsRejected());
                        softly.assertThat(file.getRowsRead() + file.getNoteRowsSkipped()).as(what + ": every record read")
                                .isEqualTo(variant.records());
                        loadedRows += file.getRowsLoaded();
                    }
                    case "FAILED" -> softly.assertThat(file.getMessage()).as(what + ": failure has a reason").isNotBlank();
                    case "SKIPPED" -> softly.assertThat(file.getMessage()).as(what + ": skipped says as what").startsWith("already loaded as file");
                    default -> softly.fail(what + ": unexpected status " + file.getStatus());
                }
                if (file.getMessage() != null) {
                    clientIds.forEach(id -> softly.assertThat(file.getMessage()).as(what + " message").doesNotContain(id));
                }
            }
            var controlFile = files.stream().filter(f -> f.getFilePath().endsWith(control.name())).findFirst().orElseThrow();
            softly.assertThat(List.of(controlFile.getStatus(), controlFile.getRowsLoaded())).as(run + ": the control file loads whole")
                    .containsExactly("LOADED", (long) ROWS);
            long replaced = w.dsl.fetchOne("SELECT coalesce(sum(rows_replaced), 0) FROM audit.row_replacement").get(0, Long.class);
            softly.assertThat((long) w.dsl.fetchCount(FCT_MELDING)).as(run + ": meldingen = rows loaded - rows replaced by a newer delivery")
                    .isEqualTo(loadedRows - replaced);
            softly.assertThat(w.dsl.fetchCount(REJECTED_ROW, REJECTED_ROW.COLUMN_NAME.eq("client_id")
                    .and(REJECTED_ROW.RAW_VALUE.ne("<masked>")))).as(run + ": client_id rejects masked").isZero();
        }
    }

    private static void write(Path file, Variant variant, String header, List<String> base, List<String> clientIds) throws Exception {
        if (variant.csv() != null) {
            Files.write(file, variant.csv());
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (String line : ids(base, variant.name())) {
                rows.add(Arrays.asList(line.split(";", -1)).subList(0, 11));
            }
            DefectiveWorkbooks.write(file, Arrays.asList(header.split(";")).subList(0, 11), rows, "Meldingsdatum", variant.sheetEdit());
        }
        base.forEach(line -> clientIds.add(line.split(";")[1]));
    }

    /** The rows with melding ids of their own (so variants never share a key) and their client ids. */
    private static List<String> ids(List<String> base, String prefix) {
        return base.stream().map(line -> prefix.replaceAll("\\W", "") + "-" + line).toList();
    }

    private static byte[] csv(String header, List<String> rows) {
        return (header + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(WINDOWS_1252);
    }

    private static Variant variant(Random random, int n, String header, List<String> base) {
        String name = "v" + n;
        List<String> rows = new ArrayList<>(ids(base, name));
        int line = random.nextInt(rows.size());
        String row = rows.get(line);
        int kind = random.nextInt(12);
        switch (kind) {
            case 0 -> { // a stray quote at the start of a field
                String[] cells = row.split(";", -1);
                cells[random.nextInt(cells.length)] = "\"" + cells[random.nextInt(cells.length)];
                rows.set(line, String.join(";", cells));
            }
            case 1 -> rows.set(line, row.substring(0, random.nextInt(row.length())) + "\"" + row.substring(random.nextInt(row.length()))); // a quote anywhere
            case 2 -> { // truncated at a random byte
                byte[] whole = csv(header, rows);
                int cut = header.length() + 2 + random.nextInt(whole.length - header.length() - 2);
                String kept = new String(whole, 0, cut, WINDOWS_1252);
                int records = (int) kept.substring(header.length() + 2).lines().filter(l -> !l.isBlank()).count();
                return new Variant(name + "_truncated.csv", Arrays.copyOf(whole, cut), null, records);
            }
            case 3 -> { // UTF-8 with a BOM instead of Windows-1252, or bytes that are not UTF-8
                byte[] utf8 = ("\uFEFF" + header + "\n" + String.join("\n", rows) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (random.nextBoolean()) {
                    utf8[header.length() + 10 + random.nextInt(utf8.length - header.length() - 11)] = (byte) 0xC3;
                }
                return new Variant(name + "_encoding.csv", utf8, null, rows.size());
            }
            case 4 -> rows.set(line, replaceCell(row, 5, random.nextBoolean() ? "99999,995" : "1" + "0".repeat(random.nextInt(40)))); // too wide
            case 5 -> rows.set(line, row.replaceFirst(";", "")); // a lost delimiter
            case 6 -> rows.add(random.nextInt(rows.size()), row); // a repeated row
            case 7 -> { // a renamed copy of the control file, delivered the same night: its rows count once
                return new Variant(name + "_renamed_control.csv", csv(header, ids(base, "CTL")), null, ROWS);
            }
            case 8 -> rows.set(line, row + ";" + "x".repeat(random.nextInt(3000))); // an overlong extra cell
            default -> {
                return workbook(random, name);
            }
        }
        return new Variant(name + "_kind" + kind + ".csv", csv(header, rows), null, rows.size());
    }

    private static String replaceCell(String row, int cell, String value) {
        String[] cells = row.split(";", -1);
        cells[cell] = value;
        return String.join(";", cells);
    }

    private static Variant workbook(Random random, String name) {
        int row = 2 + random.nextInt(ROWS);
        List<UnaryOperator<String>> edits = List.of(
                x -> x.replace("<row r=\"" + row + "\"", "<row r=\"abc\""),
                x -> x.replaceFirst("(<c r=\"C" + row + "\"[^>]*) s=\"\\d+\"", "$1 s=\"zz\""),
                x -> x.replaceFirst("(<c r=\"A" + row + "\"[^>]*t=\"s\"[^>]*><v>)\\d+", "$1" + (100000 + random.nextInt(1000))),
                x -> x.replace("r=\"B" + row + "\"", "r=\"ABCDEFG" + row + "\""),
                x -> x.replaceFirst("(<c r=\"C" + row + "\"[^>]*><v>)[^<]+", "$1-" + random.nextInt(100000)),
                x -> x.substring(0, x.length() / 2 + random.nextInt(x.length() / 2)),
                x -> x.replace("<row r=\"" + row + "\"", "<row r=\"" + (row - 1) + "\""));
        return new Variant(name + "_workbook.xlsx", null, edits.get(random.nextInt(edits.size())), ROWS);
    }
}
