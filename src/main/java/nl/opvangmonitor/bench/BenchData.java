package nl.opvangmonitor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Synthetic exports at national scale, deterministic from a seed and a scale factor (scale 1:
 * 1,000,000 meldingen, 2,000,000 stays, 10,000,000 nights as CSV and a 500,000-row XLSX of
 * meldingen, capped at a million rows from scale 2), and ten years of budget lines for all 342
 * municipalities. One row in a thousand carries a bad value, so rejects are exercised at scale.
 */
final class BenchData {

    static final String[] MUNICIPALITIES = {"GM0599", "GM0613", "GM0489", "GM0502", "GM0542", "GM1621", "GM0597", "GM0014",
            "GM0003", "GM0010", "GM0024", "GM1966", "GM1969", "GM1952", "GM1895", "GM0765", "GM0037", "GM0047", "GM1950"};
    static final String[] TYPES = {"nachtopvang", "dagopvang", "crisisopvang", "24-uursopvang", "vrouwenopvang", "beschermd_wonen",
            "doorstroom", "housing_first"};
    static final String[] VORMEN = {"partnergeweld", "kindermishandeling", "ouderenmishandeling", "seksueel geweld"};
    static final LocalDate FIRST = LocalDate.of(2015, 1, 1);

    /** The generated dates: this many days from 2015-01-01, the last 2024-12-28 (ten years). */
    private static final int YEARS_DAYS = 3650;

    record Generated(List<Path> csvFiles, Path xlsx, long csvRows, long xlsxRows, long budgetRows) {
    }

    /** The month's delivery: one CSV file per large source and their rows together. */
    record Month(List<Path> csvFiles, long rows) {
    }

    /** Rows with the ids {@code firstId ...} and dates in the {@code days} days from {@code first}. */
    private record Span(long firstId, long rows, LocalDate first, int days) {
        LocalDate date(SplittableRandom random) {
            return first.plusDays(random.nextInt(days));
        }
    }

    private BenchData() {
    }

    static Generated generate(Path input, double scale, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Path> csv = new ArrayList<>();
        Span meldingen = new Span(0, meldingen(scale), FIRST, YEARS_DAYS);
        Span stays = new Span(0, stays(scale), FIRST, YEARS_DAYS);
        Span nights = new Span(0, nights(scale), FIRST, YEARS_DAYS);
        // a sheet holds at most 1,048,576 rows: from scale 2 on the workbook stays at a million
        long xlsxRows = Math.min(1_000_000, Math.max(1, Math.round(500_000 * scale)));
        csv.addAll(meldingen(Files.createDirectories(input.resolve("veiligthuis")), "bench_meldingen", 4, meldingen, random));
        csv.addAll(stays(Files.createDirectories(input.resolve("opvang/verblijven")), "bench_verblijven", 4, stays, random));
        csv.addAll(nights(Files.createDirectories(input.resolve("opvang/nachten")), "bench_nachten", 10, nights, random));
        Path xlsx = xlsx(input.resolve("veiligthuis/bench_meldingen.xlsx"), xlsxRows, random);
        long budgetRows = budget(Files.createDirectories(input.resolve("financien")).resolve("bench_begroting.csv"), random);
        return new Generated(csv, xlsx, meldingen.rows() + stays.rows() + nights.rows(), xlsxRows, budgetRows);
    }

    /**
     * One more delivery per large CSV source: the month after the generated years (January 2025), about
     * 1/120 of each source's rows (ten years of months), new melding and verblijf ids following those of
     * {@link #generate}, one file per source, deterministic from the seed.
     */
    static Month month(Path input, double scale, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed + 1);
        LocalDate first = FIRST.plusDays(YEARS_DAYS - 1).withDayOfMonth(1).plusMonths(1);
        int days = first.lengthOfMonth();
        String suffix = "_" + first.getYear() + "-" + (first.getMonthValue() < 10 ? "0" : "") + first.getMonthValue();
        Span meldingen = new Span(meldingen(scale), Math.max(1, Math.round(meldingen(scale) / 120.0)), first, days);
        Span stays = new Span(stays(scale), Math.max(1, Math.round(stays(scale) / 120.0)), first, days);
        Span nights = new Span(nights(scale), Math.max(1, Math.round(nights(scale) / 120.0)), first, days);
        List<Path> csv = new ArrayList<>();
        csv.addAll(meldingen(input.resolve("veiligthuis"), "bench_meldingen" + suffix, 1, meldingen, random));
        csv.addAll(stays(input.resolve("opvang/verblijven"), "bench_verblijven" + suffix, 1, stays, random));
        csv.addAll(nights(input.resolve("opvang/nachten"), "bench_nachten" + suffix, 1, nights, random));
        return new Month(csv, meldingen.rows() + stays.rows() + nights.rows());
    }

    private static long meldingen(double scale) {
        return Math.max(1, Math.round(1_000_000 * scale));
    }

    private static long stays(double scale) {
        return Math.max(1, Math.round(2_000_000 * scale));
    }

    private static long nights(double scale) {
        return Math.max(1, Math.round(10_000_000 * scale));
    }

    private static List<Path> meldingen(Path dir, String name, int files, Span span, SplittableRandom random) throws IOException {
        return write(dir, name, files, span, "melding_id;client_id;meldingsdatum;gemeente;vorm_geweld;duur_geweld_maanden;"
                + "in_onderzoek;veilig_na_12_maanden;huisverbod;aantal_kinderen_huisverbod;intensief_casemanagement", (i, sb) -> {
            boolean bad = i % 1000 == 999;
            sb.append('M').append(i).append(';').append('C').append(random.nextInt(400_000)).append(';')
                    .append(bad ? "31-02-2020" : dutch(span.date(random))).append(';')
                    .append(MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)]).append(';')
                    .append(VORMEN[random.nextInt(VORMEN.length)]).append(';');
            if (random.nextInt(10) > 0) {
                sb.append(random.nextInt(60));
            }
            boolean onderzoek = random.nextInt(4) == 0;
            sb.append(';').append(onderzoek ? "ja" : "nee").append(';').append(onderzoek && random.nextBoolean() ? (random.nextInt(5) > 0 ? "ja" : "nee") : "")
                    .append(';');
            boolean huisverbod = random.nextInt(30) == 0;
            sb.append(huisverbod ? "ja" : "nee").append(';').append(huisverbod ? String.valueOf(random.nextInt(4)) : "").append(';')
                    .append(random.nextInt(12) == 0 ? "ja" : "nee");
        });
    }

    private static List<Path> stays(Path dir, String name, int files, Span span, SplittableRandom random) throws IOException {
        return write(dir, name, files, span, "verblijf_id;client_id;geboortejaar;huishouden;geslacht;voorziening;voorzieningstype;"
                + "aanbieder;gemeente_herkomst;startdatum;einddatum;uitstroom_bestemming;co_pas", (i, sb) -> {
            boolean bad = i % 1000 == 999;
            int type = random.nextInt(TYPES.length);
            LocalDate start = span.date(random);
            sb.append('V').append(i).append(';').append('C').append(random.nextInt(600_000)).append(';')
                    .append(1940 + random.nextInt(65)).append(';').append(random.nextInt(5) == 0 ? "gezin" : "alleenstaand").append(';')
                    .append(random.nextInt(3) == 0 ? 'v' : 'm').append(';').append("Voorziening ").append(type * 10 + random.nextInt(10)).append(';')
                    .append(bad ? "hotel" : TYPES[type]).append(';').append("Aanbieder ").append(type).append(';')
                    .append(MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)]).append(';').append(dutch(start)).append(';');
            if (random.nextInt(10) > 0) {
                sb.append(dutch(start.plusDays(1 + random.nextInt(400))));
            }
            sb.append(';').append(random.nextInt(4) == 0 ? "zelfstandig_wonen" : "onbekend").append(';').append(random.nextBoolean() ? "ja" : "nee");
        });
    }

    private static List<Path> nights(Path dir, String name, int files, Span span, SplittableRandom random) throws IOException {
        return write(dir, name, files, span, "client_id,datum,voorziening", (i, sb) -> {
            boolean bad = i % 1000 == 999;
            sb.append('C').append(random.nextInt(600_000)).append(',')
                    .append(bad ? "2020-13-01" : span.date(random).toString()).append(',')
                    .append("Voorziening ").append(random.nextInt(80));
        });
    }

    interface RowWriter {
        void write(long i, StringBuilder sb);
    }

    /** The span's rows in {@code files} files {@code name_1.csv ...}, or in {@code name.csv} when one. */
    private static List<Path> write(Path dir, String name, int files, Span span, String header, RowWriter row) throws IOException {
        List<Path> written = new ArrayList<>();
        long rows = span.firstId() + span.rows();
        long perFile = (span.rows() + files - 1) / files;
        long i = span.firstId();
        for (int f = 1; f <= files && i < rows; f++) {
            Path file = dir.resolve(files == 1 ? name + ".csv" : name + "_" + f + ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(header);
                out.write('\n');
                StringBuilder sb = new StringBuilder(256);
                for (long end = Math.min(rows, i + perFile); i < end; i++) {
                    sb.setLength(0);
                    row.write(i, sb);
                    sb.append('\n');
                    out.append(sb);
                }
            }
            written.add(file);
        }
        return written;
    }

    /** A workbook streamed to disk (SXSSF keeps 100 rows in memory), with date cells and number cells. */
    private static Path xlsx(Path file, long rows, SplittableRandom random) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Meldingen");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
            sheet.createRow(0).createCell(0).setCellValue("Benchmark meldingen (synthetisch)");
            String[] header = {"melding_id", "client_id", "meldingsdatum", "gemeente", "vorm_geweld", "duur_geweld_maanden", "in_onderzoek",
                    "veilig_na_12_maanden", "huisverbod", "aantal_kinderen_huisverbod", "intensief_casemanagement"};
            Row h = sheet.createRow(2);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (long i = 0; i < rows; i++) {
                Row r = sheet.createRow((int) (i + 3));
                r.createCell(0).setCellValue("X" + i);
                r.createCell(1).setCellValue("C" + random.nextInt(400_000));
                var d = r.createCell(2);
                d.setCellValue(FIRST.plusDays(random.nextInt(YEARS_DAYS)));
                d.setCellStyle(date);
                r.createCell(3).setCellValue(MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)]);
                r.createCell(4).setCellValue(VORMEN[random.nextInt(VORMEN.length)]);
                r.createCell(5).setCellValue(random.nextInt(60));
                r.createCell(6).setCellValue("nee");
                r.createCell(8).setCellValue("nee");
                r.createCell(10).setCellValue(random.nextInt(12) == 0 ? "ja" : "nee");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            workbook.close();
        }
        return file;
    }

    /**
     * Ten years of budget lines for every municipality (long layout): lasten and baten, begroting and
     * realisatie, on three taakvelden: 41,040 lines whatever the scale, as the country has 342 municipalities.
     */
    private static long budget(Path file, SplittableRandom random) throws IOException {
        List<String> codes = new ArrayList<>();
        try (var in = BenchData.class.getResourceAsStream("/db/migrations/V021__add_municipalities_2023.sql")) {
            var m = java.util.regex.Pattern.compile("'(GM\\d{4})'").matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        long lines = 0;
        try (var out = Files.newBufferedWriter(file)) {
            out.write("gemeente;taakveld;soort;versie;jaar;bedrag\n");
            for (String code : codes) {
                for (int year = 2015; year <= 2024; year++) {
                    for (String taakveld : new String[] {"0.1", "6.81", "6.82"}) {
                        for (String versie : new String[] {"Begroting", "Realisatie"}) {
                            long lasten = 500 + random.nextInt(200_000);
                            out.write(code + ";" + taakveld + ";Lasten;" + versie + ";" + year + ";" + lasten + "\n");
                            out.write(code + ";" + taakveld + ";Baten;" + versie + ";" + year + ";" + random.nextLong(lasten) + "\n");
                            lines += 2;
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static String dutch(LocalDate d) {
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        return (day < 10 ? "0" : "") + day + "-" + (month < 10 ? "0" : "") + month + "-" + d.getYear();
    }
}
