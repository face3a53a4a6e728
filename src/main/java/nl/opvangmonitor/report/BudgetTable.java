package nl.opvangmonitor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.opvangmonitor.report.PublicFigures.BudgetAmount;

/**
 * A council's "Overzicht van baten en lasten" rebuilt from the public budget marts: the lines in the
 * order and indentation of the council's own table (the category path gives the tree, the row number
 * of the document the order), a column per version and year, and per total or saldo line either the
 * terms it is the sum of (when the published figure equals that sum, so a spreadsheet can show it as
 * a formula) or the published figure with a note (councils round every figure on its own).
 * A table without totals of its own (the long layout) is grouped into Baten, Lasten and Reserves
 * blocks with a Saldo line under them.
 */
final class BudgetTable {

    record Column(String version, int year) {
        String label() {
            return CouncilNotation.version(version) + " " + year;
        }
    }

    /** {@code sign} times the value of row {@code row}. */
    record Term(int row, int sign) {
    }

    /** A figure; {@code terms} non-empty when it equals their sum; {@code note} when the published total differs from it. */
    record Cell(BigDecimal value, List<Term> terms, String note) {
    }

    static final class Row {
        final String label;
        final int depth;
        final List<Row> children = new ArrayList<>();
        final Map<Column, BigDecimal> lines = new HashMap<>();
        final Map<Column, BudgetAmount> reported = new HashMap<>();
        boolean saldo;
        String kind;
        int sign;
        int index;

        Row(String label, int depth) {
            this.label = label;
            this.depth = depth;
        }

        String label() {
            return label;
        }

        int depth() {
            return depth;
        }

        boolean isTotal() {
            return saldo || !children.isEmpty();
        }
    }

    private static final List<String> VERSION_ORDER = List.of("begroting", "bijgestelde_begroting", "realisatie", "raming");
    private static final String SEPARATOR = " > ";

    final List<Column> columns;
    final List<Row> rows = new ArrayList<>();
    private final List<Row> topLevel = new ArrayList<>();
    private final Map<Row, Map<Column, Cell>> cells = new HashMap<>();

    private BudgetTable(List<Column> columns) {
        this.columns = columns;
    }

    static BudgetTable of(List<BudgetAmount> amounts) {
        TreeSet<Column> columns = new TreeSet<>(Comparator.comparingInt(Column::year)
                .thenComparingInt(c -> VERSION_ORDER.indexOf(c.version())).thenComparing(Column::version));
        amounts.forEach(a -> columns.add(new Column(a.version(), a.year())));
        BudgetTable table = new BudgetTable(List.copyOf(columns));
        boolean structured = amounts.stream().anyMatch(a -> a.lineRole() != null);
        Map<String, Row> byPath = new LinkedHashMap<>();
        Map<String, Long> totalsPerFile = new HashMap<>();
        Map<String, Long> rowsPerFile = new HashMap<>();
        for (BudgetAmount a : amounts) {
            rowsPerFile.merge(a.file(), 1L, Long::sum);
            totalsPerFile.merge(a.file(), a.lineRole() == null ? 0L : 1L, Long::sum);
        }
        if (!structured) {
            for (String kind : List.of("baten", "lasten", "reserves")) {
                if (amounts.stream().anyMatch(a -> a.kind().equals(kind))) {
                    table.row(byPath, block(kind));
                }
            }
        }
        List<BudgetAmount> inDocumentOrder = new ArrayList<>(amounts);
        inDocumentOrder.sort(Comparator.<BudgetAmount>comparingLong(a -> -totalsPerFile.get(a.file()))
                .thenComparingLong(a -> -rowsPerFile.get(a.file())).thenComparing(BudgetAmount::file).thenComparingInt(BudgetAmount::row));
        for (BudgetAmount a : inDocumentOrder) {
            Row row = table.row(byPath, structured ? a.path() : block(a.kind()) + SEPARATOR + a.path());
            Column column = new Column(a.version(), a.year());
            if (a.lineRole() == null) {
                row.lines.put(column, a.amount());
                row.kind = a.kind();
                if (row.sign == 0 && a.amount().signum() != 0 && a.saldoEffect() != null && a.saldoEffect().signum() != 0) {
                    row.sign = a.amount().signum() * a.saldoEffect().signum();
                }
            } else {
                row.reported.put(column, a);
                row.saldo |= a.lineRole().equals("saldo");
            }
        }
        if (!structured) {
            table.row(byPath, "Saldo").saldo = true;
        }
        for (Row top : table.topLevel) {
            table.flatten(top);
        }
        return table;
    }

    private static String block(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    private Row row(Map<String, Row> byPath, String path) {
        Row row = byPath.get(path);
        if (row != null) {
            return row;
        }
        int cut = path.lastIndexOf(SEPARATOR);
        Row parent = cut < 0 ? null : row(byPath, path.substring(0, cut));
        row = new Row(cut < 0 ? path : path.substring(cut + SEPARATOR.length()), parent == null ? 0 : parent.depth + 1);
        (parent == null ? topLevel : parent.children).add(row);
        byPath.put(path, row);
        return row;
    }

    private void flatten(Row row) {
        row.index = rows.size();
        rows.add(row);
        row.children.forEach(this::flatten);
    }

    /** The cell of a row and column; null when the table has no figure there. */
    Cell cell(Row row, Column column) {
        Map<Column, Cell> ofRow = cells.computeIfAbsent(row, r -> new HashMap<>());
        if (!ofRow.containsKey(column)) {
            ofRow.put(column, compute(row, column));
        }
        return ofRow.get(column);
    }

    private Cell compute(Row row, Column column) {
        if (!row.isTotal()) {
            BigDecimal line = row.lines.get(column);
            return line == null ? null : new Cell(line, List.of(), null);
        }
        List<Term> terms = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<Row> parts = row.saldo ? topLevel.subList(0, topLevel.indexOf(row)).stream().filter(r -> !r.saldo).toList() : row.children;
        for (Row part : parts) {
            Cell cell = cell(part, column);
            if (cell != null) {
                int sign = row.saldo ? saldoSign(part) : 1;
                terms.add(new Term(part.index, sign));
                sum = sum.add(cell.value().multiply(BigDecimal.valueOf(sign)));
            }
        }
        BudgetAmount reported = row.reported.get(column);
        if (reported == null) {
            return terms.isEmpty() ? null : new Cell(sum, terms, null);
        }
        if (!terms.isEmpty() && reported.amount().compareTo(sum) == 0) {
            return new Cell(sum, terms, null);
        }
        String note = terms.isEmpty() ? null : "Gepubliceerd: " + CouncilNotation.number(reported.amount(), 0)
                + "; de regels eronder tellen op tot " + CouncilNotation.number(sum, 0)
                + ("rounding".equals(reported.reconciliation())
                ? " (afrondingsverschil: de raad rondt elk bedrag los af)" : " (verschil groter dan afronding)");
        return new Cell(reported.amount(), List.of(), note);
    }

    /** The sum of the top-level blocks of a kind (baten, lasten) in a column; null when the table has none. */
    BigDecimal total(String kind, Column column) {
        BigDecimal sum = null;
        for (Row top : topLevel) {
            Cell cell = top.saldo || !kind.equals(kindOf(top)) ? null : cell(top, column);
            if (cell != null) {
                sum = sum == null ? cell.value() : sum.add(cell.value());
            }
        }
        return sum;
    }

    private static String kindOf(Row row) {
        String kind = row.kind;
        for (int i = 0; kind == null && i < row.children.size(); i++) {
            kind = kindOf(row.children.get(i));
        }
        return kind;
    }

    /** How a block counts in a saldo: baten and withdrawals from reserves add, lasten and additions subtract. */
    private static int saldoSign(Row block) {
        int sign = knownSign(block);
        return sign != 0 ? sign : block.label.toLowerCase(java.util.Locale.ROOT).startsWith("lasten") ? -1 : 1;
    }

    private static int knownSign(Row row) {
        int sign = row.sign;
        for (int i = 0; sign == 0 && i < row.children.size(); i++) {
            sign = knownSign(row.children.get(i));
        }
        return sign;
    }
}
