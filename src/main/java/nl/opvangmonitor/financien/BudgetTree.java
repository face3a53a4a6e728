package nl.opvangmonitor.financien;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises which lines of a council table are totals of which, so reported totals can be kept
 * apart from detail lines and reconciled with them.
 *
 * <p>A table is a sequence of blocks: a block starts at a line naming its kind ("Baten exclusief
 * reserves", "Lasten …", "Reserves", or directly "Onttrekking reserves"); that first line is the
 * block total. Saldo lines ("Saldo voor reserveringen", "Saldo") are balances over the blocks above
 * them. Inside a block the hierarchy comes from
 * <ol>
 *   <li>indentation, when the labels have it (leading spaces, or labels in further columns);</li>
 *   <li>otherwise from the sums: the block's lines are split into consecutive groups whose first
 *       line is a subtotal of the lines under it and whose first lines add up to the block total,
 *       every sum within the councils' rounding (1 per summed line). Of the groupings that add up,
 *       the one with the fewest subtotals wins (a line is a detail line unless it must be a total).</li>
 * </ol>
 * When neither works (the lines do not add up to the block total in any grouping), every line of
 * the block is taken as a detail line of the block total and the reconciliation reports the error.
 */
final class BudgetTree {

    enum Role { DETAIL, TOTAL, SALDO, HEADING, UNASSIGNED }

    /** A line of the table: its label (with its indentation), the indentation level and its amounts (null: empty cell). */
    record Line(String label, int indent, BigDecimal[] amounts) {

        boolean hasAmounts() {
            return Arrays.stream(amounts).anyMatch(a -> a != null);
        }
    }

    /**
     * What a line is. parent: index of the total it is a part of, or -1. signInParent: how it adds into
     * that total (-1 for a toevoeging under a reserves total). saldoSign: how its amount adds into the saldo.
     */
    record Node(Role role, String kind, int parent, int signInParent, int saldoSign, String path) {
    }

    record Result(List<Node> nodes, String note) {
    }

    static final String SEPARATOR = " > ";
    private static final Pattern SALDO = Pattern.compile("^(totaal\\s+)?saldo\\b.*");
    private static final Pattern BATEN = Pattern.compile("^(totaal\\s+)?baten\\b.*");
    private static final Pattern LASTEN = Pattern.compile("^(totaal\\s+)?lasten\\b.*");
    private static final Pattern RESERVES = Pattern.compile("^(totaal\\s+)?((mutaties?|mutatie)\\s+(in\\s+)?(de\\s+)?)?reserves?\\b.*|^reservemutaties\\b.*");
    private static final Pattern RESERVE_LINE = Pattern.compile("^(toevoeging|onttrekking|storting|dotatie|vrijval)\\w*\\b.*reserve.*");
    private static final Pattern INTO_RESERVE = Pattern.compile("^(toevoeging|storting|dotatie)\\w*\\b.*");
    private static final int SEARCH_BUDGET = 200_000;

    private BudgetTree() {
    }

    static Result build(List<Line> lines) {
        int n = lines.size();
        Role[] roles = new Role[n];
        String[] kinds = new String[n];
        int[] parents = new int[n];
        Arrays.fill(parents, -1);
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (int i = 0; i < n; i++) {
            Line line = lines.get(i);
            String label = normalise(line.label());
            String headKind = headKind(label);
            if (label.isEmpty()) {
                roles[i] = line.hasAmounts() ? Role.UNASSIGNED : Role.HEADING;
            } else if (SALDO.matcher(label).matches()) {
                roles[i] = line.hasAmounts() ? Role.SALDO : Role.HEADING;
                kinds[i] = "saldo";
                current = null;
            } else if (headKind != null) {
                current = new Block(headKind, line.hasAmounts() ? i : -1);
                blocks.add(current);
                roles[i] = line.hasAmounts() ? Role.DETAIL : Role.HEADING;
                kinds[i] = headKind;
            } else if (!line.hasAmounts()) {
                roles[i] = Role.HEADING;
            } else if (RESERVE_LINE.matcher(label).matches() && (current == null || !current.kind.equals("reserves"))) {
                current = new Block("reserves", -1);
                blocks.add(current);
                current.members.add(i);
                roles[i] = Role.DETAIL;
                kinds[i] = "reserves";
            } else if (current != null) {
                current.members.add(i);
                roles[i] = Role.DETAIL;
                kinds[i] = current.kind;
            } else {
                roles[i] = Role.UNASSIGNED;
            }
        }

        boolean indented = lines.stream().filter(Line::hasAmounts).mapToInt(Line::indent).distinct().count() > 1;
        List<String> notes = new ArrayList<>();
        for (Block block : blocks) {
            if (block.members.isEmpty()) {
                continue;
            }
            if (indented) {
                byIndentation(lines, block, parents);
            } else if (block.head >= 0) {
                String problem = bySums(lines, block, parents);
                if (problem != null) {
                    for (int m : block.members) {
                        parents[m] = block.head;
                    }
                    notes.add("the lines below '" + lines.get(block.head).label().strip() + "' " + problem
                            + ": all are taken as its detail lines");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (parents[i] >= 0) {
                roles[parents[i]] = Role.TOTAL;
            }
        }

        List<Node> nodes = new ArrayList<>(n);
        String[] paths = new String[n];
        for (int i = 0; i < n; i++) {
            String label = lines.get(i).label() == null ? "" : lines.get(i).label().strip().replaceAll("\\s+", " ");
            paths[i] = parents[i] >= 0 ? paths[parents[i]] + SEPARATOR + label : label;
            boolean intoReserve = "reserves".equals(kinds[i]) && INTO_RESERVE.matcher(normalise(label)).matches();
            int signInParent = intoReserve ? -1 : 1;
            int saldoSign = switch (kinds[i] == null ? "" : kinds[i]) {
                case "lasten" -> -1;
                case "reserves" -> roles[i] == Role.TOTAL ? 1 : (intoReserve ? -1 : 1);
                default -> 1;
            };
            nodes.add(new Node(roles[i], kinds[i], parents[i], signInParent, saldoSign, paths[i]));
        }
        String note = (indented ? "totals recognised from the indentation of the labels" : "totals recognised from the sums")
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return new Result(nodes, note);
    }

    /** The kind of block a line starts, or null. */
    static String headKind(String normalisedLabel) {
        if (BATEN.matcher(normalisedLabel).matches()) {
            return "baten";
        }
        if (LASTEN.matcher(normalisedLabel).matches()) {
            return "lasten";
        }
        if (RESERVES.matcher(normalisedLabel).matches()) {
            return "reserves";
        }
        return null;
    }

    static String normalise(String label) {
        return label == null ? "" : label.strip().replace('\u00a0', ' ').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static final class Block {
        final String kind;
        final int head;
        final List<Integer> members = new ArrayList<>();

        Block(String kind, int head) {
            this.kind = kind;
            this.head = head;
        }
    }

    /** Parent = the nearest line above (in the block) that is indented less; otherwise the block total. */
    private static void byIndentation(List<Line> lines, Block block, int[] parents) {
        List<Integer> seen = new ArrayList<>();
        if (block.head >= 0) {
            seen.add(block.head);
        }
        for (int m : block.members) {
            int parent = block.head;
            for (int j = seen.size() - 1; j >= 0; j--) {
                int candidate = seen.get(j);
                if (lines.get(candidate).indent() < lines.get(m).indent()) {
                    parent = candidate;
                    break;
                }
            }
            parents[m] = parent;
            seen.add(m);
        }
    }

    /** Finds a grouping of the block's lines that adds up to the block total; null when found, else why not. */
    private static String bySums(List<Line> lines, Block block, int[] parents) {
        Line head = lines.get(block.head);
        int columns = head.amounts().length;
        boolean[] checked = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            checked[c] = head.amounts()[c] != null;
        }
        int size = block.members.size();
        BigDecimal[][] values = new BigDecimal[size][columns];
        int[] signs = new int[size];
        for (int k = 0; k < size; k++) {
            Line line = lines.get(block.members.get(k));
            for (int c = 0; c < columns; c++) {
                BigDecimal v = c < line.amounts().length ? line.amounts()[c] : null;
                values[k][c] = v == null ? BigDecimal.ZERO : v;
            }
            signs[k] = block.kind.equals("reserves") && INTO_RESERVE.matcher(normalise(line.label())).matches() ? -1 : 1;
        }
        BigDecimal[] target = new BigDecimal[columns];
        for (int c = 0; c < columns; c++) {
            target[c] = checked[c] ? head.amounts()[c] : BigDecimal.ZERO;
        }
        SumSearch search = new SumSearch(values, signs, checked);
        int[] assignment;
        try {
            assignment = search.best(target, 0, size, -1);
        } catch (SearchTooLong e) {
            return "can be grouped in too many ways to tell the subtotals from the sums (indent the labels to show them)";
        }
        if (assignment == null) {
            return "do not add up to it in any grouping";
        }
        for (int k = 0; k < size; k++) {
            parents[block.members.get(k)] = assignment[k] < 0 ? block.head : block.members.get(assignment[k]);
        }
        return null;
    }

    private static final class SearchTooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SearchTooLong() {
            super(null, null, false, false);
        }
    }

    /**
     * Exhaustive search, with memory, over the ways to split lines [from, to) into consecutive groups
     * (a first line, then the lines that make it up); returns the grouping with the fewest subtotals
     * whose first lines add up to the target, or null. assignment[k] = index of line k's parent within
     * the block, or the given parent.
     */
    private static final class SumSearch {
        private final BigDecimal[][] values;
        private final int[] signs;
        private final boolean[] checked;
        private final Map<Long, int[]> subtrees = new HashMap<>();
        private int budget = SEARCH_BUDGET;

        SumSearch(BigDecimal[][] values, int[] signs, boolean[] checked) {
            this.values = values;
            this.signs = signs;
            this.checked = checked;
        }

        int[] best(BigDecimal[] target, int from, int to, int parent) {
            Candidate found = sequence(target, from, to, parent, 0);
            return found == null ? null : Arrays.copyOf(found.assignment, values.length);
        }

        /** A grouping of [from, to) with the fewest subtotals, or null. */
        private Candidate sequence(BigDecimal[] target, int from, int to, int parent, int roots) {
            if (--budget < 0) {
                throw new SearchTooLong();
            }
            if (from == to) {
                return roots > 0 && within(target, roots) ? new Candidate(new int[values.length], 0) : null;
            }
            Candidate best = null;
            for (int end = from + 1; end <= to; end++) {
                Candidate group = end == from + 1 ? new Candidate(new int[values.length], 0) : subtree(from, end);
                if (group == null) {
                    continue;
                }
                BigDecimal[] rest = new BigDecimal[target.length];
                for (int c = 0; c < target.length; c++) {
                    rest[c] = target[c].subtract(values[from][c].multiply(BigDecimal.valueOf(signs[from])));
                }
                Candidate tail = sequence(rest, end, to, parent, roots + 1);
                if (tail == null) {
                    continue;
                }
                int totals = group.totals + tail.totals;
                if (best == null || totals < best.totals) {
                    int[] assignment = tail.assignment.clone();
                    System.arraycopy(group.assignment, from + 1, assignment, from + 1, end - from - 1);
                    assignment[from] = parent;
                    best = new Candidate(assignment, totals);
                    if (totals == 0) {
                        break;
                    }
                }
            }
            return best;
        }

        /** Line first as the subtotal of lines (first, end); null when they do not add up to it. */
        private Candidate subtree(int first, int end) {
            long key = (long) first * 100_000 + end;
            if (subtrees.containsKey(key)) {
                int[] memo = subtrees.get(key);
                return memo == null ? null : new Candidate(memo, memo[values.length]);
            }
            Candidate children = sequence(values[first].clone(), first + 1, end, first, 0);
            if (children == null) {
                subtrees.put(key, null);
                return null;
            }
            int[] memo = Arrays.copyOf(children.assignment, values.length + 1);
            memo[values.length] = children.totals + 1;
            subtrees.put(key, memo);
            return new Candidate(memo, children.totals + 1);
        }

        private boolean within(BigDecimal[] residual, int roots) {
            BigDecimal tolerance = BigDecimal.valueOf(roots);
            for (int c = 0; c < residual.length; c++) {
                if (checked[c] && residual[c].abs().compareTo(tolerance) > 0) {
                    return false;
                }
            }
            return true;
        }

        private record Candidate(int[] assignment, int totals) {
        }
    }
}
