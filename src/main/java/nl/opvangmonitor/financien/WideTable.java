package nl.opvangmonitor.financien;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.opvangmonitor.ingest.read.FileRejectedException;
import nl.opvangmonitor.ingest.read.RawRow;
import nl.opvangmonitor.ingest.read.RawRowSource;
import nl.opvangmonitor.ingest.StagedRows;
import nl.opvangmonitor.financien.BudgetReference.TaskField;

/**
 * A council table as finance copies it out of a begroting or jaarstukken: title rows, a header
 * row with one column per {@code <versie> <jaar>} ("Realisatie 2019", "Begroting\n2020",
 * "Raming 2024"), then a label column holding the category hierarchy (block totals, subtotals,
 * detail lines, saldo lines) with the amounts x € 1.000 beside it, and perhaps notes below.
 *
 * <p>The table carries no gemeente or taakveld column: they come from the title rows above the
 * header (and the header's label cell), e.g. "Rotterdam – Geëscaleerde zorg 18+ (6.81)",
 * "Gemeente Rotterdam", "Taakveld 6.81 Geëscaleerde zorg 18+", "Programma: Zorg, welzijn en
 * wijkteams", or, failing that, from the file name (rotterdam_6.81_begroting_2021.xlsx). When a
 * code and a name disagree, or the gemeente cannot be found, the file is not loaded.
 *
 * <p>Council tables are small; the whole table is read before its rows are handed on, because
 * which line is a total of which follows from the lines below it ({@link BudgetTree}).
 */
final class WideTable {

    static final int HEADER_SEARCH_ROWS = 30;
    static final int MAX_LINES = 5_000;
    private static final Pattern HEADING = Pattern.compile("^(.*?)[\\s:]*((?:19|20)\\d{2})$");
    private static final Pattern PROGRAMME = Pattern.compile("(?i)^\\s*programma(?:onderdeel)?\\s*[:\\-–]?\\s*(.+?)\\s*$");
    private static final Pattern MUNICIPALITY_NAMED = Pattern.compile("(?i)\\bgemeente\\s+(.+)$");
    private static final Pattern TITLE_PARTS = Pattern.compile("\\s+[–—-]\\s+|\\s*[:|(),;]\\s*");

    record Heading(int column, String text, String versionCode, int year) {
    }

    private final List<Heading> headings;
    private final List<Integer> rowNumbers = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<String[]> amountTexts = new ArrayList<>();
    private final List<String> ignored;
    private final Integer municipalityKey;
    private final TaskField taskField;
    private final String programme;
    private final BudgetTree.Result tree;
    private final int noteRows;

    private WideTable(List<Heading> headings, List<String> ignored, Integer municipalityKey, TaskField taskField, String programme,
                      List<RawRow> lines, Map<String, BigDecimal> amountOf, int firstHeadingColumn, int noteRows) {
        this.headings = headings;
        this.ignored = ignored;
        this.municipalityKey = municipalityKey;
        this.taskField = taskField;
        this.programme = programme;
        this.noteRows = noteRows;
        List<BudgetTree.Line> treeLines = new ArrayList<>();
        for (RawRow row : lines) {
            StringBuilder label = new StringBuilder();
            int indent = -1;
            for (int c = 0; c < firstHeadingColumn; c++) {
                String cell = row.cell(c);
                if (cell != null && !cell.isBlank()) {
                    if (indent < 0) {
                        indent = c * 1000 + leadingWhitespace(cell);
                    } else {
                        label.append(' ');
                    }
                    label.append(label.isEmpty() ? cell.stripTrailing() : cell.strip());
                }
            }
            String[] texts = new String[headings.size()];
            BigDecimal[] amounts = new BigDecimal[headings.size()];
            for (int h = 0; h < headings.size(); h++) {
                texts[h] = amountText(row, headings.get(h));
                amounts[h] = texts[h] == null ? null : amountOf.get(texts[h]);
            }
            rowNumbers.add(row.rowNumber());
            labels.add(label.isEmpty() ? null : label.toString().strip().replaceAll("\\s+", " "));
            amountTexts.add(texts);
            treeLines.add(new BudgetTree.Line(label.toString(), Math.max(indent, 0), amounts));
        }
        this.tree = BudgetTree.build(treeLines);
    }

    /** The text of an amount cell, stripped; null when the cell is empty. */
    private static String amountText(RawRow row, Heading heading) {
        String cell = row.cell(heading.column());
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    /** Whether a row is the header of a council table: a version-and-year heading right of the first filled cell. */
    static boolean isHeaderRow(RawRow row, BudgetReference reference) {
        return !headings(row, reference).isEmpty();
    }

    private static List<Heading> headings(RawRow row, BudgetReference reference) {
        List<Heading> found = new ArrayList<>();
        int first = -1;
        for (int c = 0; c < row.cells().size(); c++) {
            String cell = row.cell(c);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            String text = cell.strip().replaceAll("\\s+", " ");
            Matcher m = HEADING.matcher(text);
            Optional<String> version = m.matches() ? reference.versionCode(m.group(1)) : Optional.empty();
            if (version.isPresent() && (first >= 0 || c > 0)) {
                found.add(new Heading(c, text, version.get(), Integer.parseInt(m.group(2))));
            }
            if (first < 0) {
                first = c;
            }
        }
        return found;
    }

    /** Reads the table; {@code connection} reads its amounts (core.council_amount) in one query. */
    static WideTable read(RawRowSource source, String fileName, BudgetReference reference, Connection connection)
            throws IOException, FileRejectedException, SQLException {
        List<RawRow> above = new ArrayList<>();
        RawRow header = null;
        RawRow row;
        while (header == null && above.size() < HEADER_SEARCH_ROWS && (row = source.next()) != null) {
            if (row.nonEmptyCount() == 0) {
                continue;
            }
            if (isHeaderRow(row, reference)) {
                header = row;
            } else {
                above.add(row);
            }
        }
        if (header == null) {
            throw new FileRejectedException("no header row with column headings such as 'Realisatie 2019' or 'Begroting 2020' "
                    + "in the first " + HEADER_SEARCH_ROWS + " rows");
        }
        List<Heading> headings = headings(header, reference);
        int firstHeadingColumn = headings.getFirst().column();
        Set<String> seen = new LinkedHashSet<>();
        for (Heading h : headings) {
            if (h.year() < StagedRows.FIRST_DATE.getYear() || h.year() > StagedRows.LAST_DATE.getYear()) {
                throw new FileRejectedException("column '" + h.text() + "': year outside the supported range "
                        + StagedRows.FIRST_DATE.getYear() + "-" + StagedRows.LAST_DATE.getYear());
            }
            if (!seen.add(h.versionCode() + " " + h.year())) {
                throw new FileRejectedException("two columns are headed '" + h.text() + "' (" + h.versionCode() + " " + h.year() + ")");
            }
        }
        List<String> ignored = new ArrayList<>();
        for (int c = firstHeadingColumn; c < header.cells().size(); c++) {
            final int column = c;
            String cell = header.cell(c);
            if (cell != null && !cell.isBlank() && headings.stream().noneMatch(h -> h.column() == column)) {
                ignored.add(cell.strip().replaceAll("\\s+", " "));
            }
        }

        List<RawRow> lines = new ArrayList<>();
        List<RawRow> pendingNotes = new ArrayList<>();
        while ((row = source.next()) != null) {
            if (row.nonEmptyCount() == 0) {
                continue;
            }
            RawRow current = row;
            boolean hasAmountCells = headings.stream().anyMatch(h -> amountText(current, h) != null);
            if (hasAmountCells) {
                lines.addAll(pendingNotes);
                pendingNotes.clear();
                lines.add(row);
            } else {
                pendingNotes.add(row);
            }
            if (lines.size() > MAX_LINES) {
                throw new FileRejectedException("more than " + MAX_LINES + " lines below the header: not a council table "
                        + "(a long export needs the columns gemeente, soort, versie, jaar, bedrag)");
            }
        }

        int year = headings.stream().mapToInt(Heading::year).max().orElse(0);
        List<String> titles = new ArrayList<>();
        for (RawRow r : above) {
            r.cells().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(titles::add);
        }
        for (int c = 0; c < firstHeadingColumn; c++) {
            String cell = header.cell(c);
            if (cell != null && !cell.isBlank()) {
                titles.add(cell.strip());
            }
        }
        String programme = titles.stream().map(PROGRAMME::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst().orElse(null);
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
        // the first candidate naming a municipality, of the titles first, then of the file name
        List<String> candidates = Stream.concat(titles.stream(), fileNameParts(base).stream())
                .flatMap(text -> municipalityCandidates(text).stream()).toList();
        Map<String, Integer> keys = BudgetReference.municipalityKeys(connection, candidates);
        Integer municipality = candidates.stream().map(keys::get).filter(Objects::nonNull).findFirst().orElse(null);
        if (municipality == null) {
            throw new FileRejectedException("a council table, but which gemeente is it about? Name it in a title row above the table "
                    + "(e.g. 'Rotterdam – Geëscaleerde zorg 18+ (6.81)' or 'Gemeente Rotterdam') or in the file name");
        }
        TaskField taskField = taskFieldIn(titles, year, reference);
        if (taskField == null) {
            taskField = taskFieldIn(List.of(base.replace('_', ' ')), year, reference);
        }
        if (taskField == null && programme == null) {
            throw new FileRejectedException("a council table of " + reference.municipalityName(municipality) + ", but which taakveld "
                    + "(or programma) is it about? Name it in a title row above the table (e.g. 'Taakveld 6.81 Geëscaleerde zorg 18+' "
                    + "or 'Programma: Zorg, welzijn en wijkteams') or put the taakveld code in the file name");
        }
        List<String> amountTexts = new ArrayList<>();
        for (RawRow line : lines) {
            headings.forEach(h -> amountTexts.add(amountText(line, h)));
        }
        return new WideTable(headings, ignored, municipality, taskField, programme, lines, CouncilAmounts.read(connection, amountTexts),
                firstHeadingColumn, pendingNotes.size());
    }

    /** What in a title (or a part of the file name) may name the gemeente: the whole, what follows "gemeente", its parts. */
    private static List<String> municipalityCandidates(String text) {
        List<String> candidates = new ArrayList<>();
        candidates.add(text);
        Matcher named = MUNICIPALITY_NAMED.matcher(text);
        if (named.find()) {
            candidates.add(named.group(1).strip());
            candidates.addAll(List.of(TITLE_PARTS.split(named.group(1).strip())));
        }
        for (String part : TITLE_PARTS.split(text)) {
            candidates.add(part.strip());
        }
        candidates.removeIf(candidate -> candidate.isEmpty() || candidate.matches("\\d+"));
        return candidates;
    }

    /** The words of a file name, alone and as runs of up to four (capelle_aan_den_ijssel). */
    private static List<String> fileNameParts(String base) {
        String[] words = base.split("[_\\s]+|(?<!\\d)-|-(?!\\d)");
        List<String> parts = new ArrayList<>();
        for (int n = Math.min(4, words.length); n >= 1; n--) {
            for (int start = 0; start + n <= words.length; start++) {
                parts.add(String.join(" ", java.util.Arrays.copyOfRange(words, start, start + n)));
            }
        }
        return parts;
    }

    /** The taakveld a title names by code or by name; a code and a name that disagree fail the file. */
    private static TaskField taskFieldIn(List<String> titles, int year, BudgetReference reference) throws FileRejectedException {
        TaskField byCode = null;
        List<TaskField> byName = List.of();
        String namedIn = null;
        for (String title : titles) {
            Matcher m = BudgetReference.TASK_FIELD_CODE.matcher(title);
            while (byCode == null && m.find()) {
                byCode = reference.taskFieldByCode(m.group(1)).orElse(null);
            }
            if (byName.isEmpty()) {
                byName = reference.taskFieldsNamedIn(title, year);
                namedIn = title;
            }
        }
        if (byCode != null && !byName.isEmpty() && !byName.contains(byCode)) {
            TaskField named = byName.getFirst();
            throw new FileRejectedException("the title rows disagree about the taakveld: code " + byCode.code() + " is '" + byCode.name()
                    + "', but '" + namedIn + "' names '" + named.name() + "' (" + named.code() + "); correct the title");
        }
        return byCode != null ? byCode : byName.isEmpty() ? null : byName.getFirst();
    }

    private static int leadingWhitespace(String cell) {
        int n = 0;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == ' ' || ch == '\u00a0') {
                n++;
            } else if (ch == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }

    /**
     * The lines of the table, typed: role, kind, parent and signs as the table's structure says, one
     * amount per filled cell under a heading (its version and year from the heading).
     */
    List<BudgetLine> lines() {
        List<BudgetLine> lines = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            BudgetTree.Node node = tree.nodes().get(i);
            List<BudgetLine.Amount> amounts = new ArrayList<>();
            for (int h = 0; h < headings.size(); h++) {
                String text = amountTexts.get(i)[h];
                if (text != null) {
                    Heading heading = headings.get(h);
                    amounts.add(new BudgetLine.Amount(h + 1, heading.text(), text, BudgetLine.Kind.of(node.kind()), node.path(),
                            node.saldoSign(), heading.versionCode(), heading.year()));
                }
            }
            BudgetTree.Role role = amounts.isEmpty() ? BudgetTree.Role.HEADING : node.role();
            lines.add(new BudgetLine(BudgetLine.Layout.WIDE, rowNumbers.get(i), role, labels.get(i), null, municipalityKey, programme, null,
                    taskField == null ? null : taskField.code(), null, null, null, null,
                    node.parent() < 0 ? null : rowNumbers.get(node.parent()), node.signInParent(), List.copyOf(amounts)));
        }
        return lines;
    }

    List<Heading> headings() {
        return headings;
    }

    List<String> ignoredColumns() {
        return ignored;
    }

    int noteRows() {
        return noteRows;
    }

    String structureNote() {
        return tree.note();
    }

    String description(BudgetReference reference) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("gemeente", reference.municipalityName(municipalityKey));
        if (taskField != null) {
            parts.put("taakveld", taskField.code() + " " + taskField.name());
        }
        if (programme != null) {
            parts.put("programma", programme);
        }
        StringBuilder s = new StringBuilder("council table (wide): ");
        parts.forEach((k, v) -> s.append(k).append(' ').append(v).append(", "));
        s.append("columns ").append(String.join(", ", headings.stream().map(Heading::text).toList()));
        return s.toString();
    }
}
