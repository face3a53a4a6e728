package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.opvangmonitor.common.load.RowValidator;
import nl.opvangmonitor.common.load.Validated;
import nl.opvangmonitor.financien.BudgetReference.TaskField;

/** Validates one line of a finance file, of whichever layout, into a {@link BudgetLine}. */
class BudgetLineProcessor {

    private static final Pattern HEADING = Pattern.compile("^(.*?)[\\s:]*((?:19|20)\\d{2})$");
    private static final Pattern INTO_RESERVE = Pattern.compile(".*\\b(toevoeging|storting|dotatie)\\w*\\b.*");
    private static final Pattern FROM_RESERVE = Pattern.compile(".*\\b(onttrekking|vrijval)\\w*\\b.*");

    private final BudgetReference reference;

    BudgetLineProcessor(BudgetReference reference) {
        this.reference = reference;
    }

    Validated<BudgetLine> process(RowValidator v) {
        return switch (v.text(FinanceColumns.LAYOUT)) {
            case "wide" -> wide(v);
            case "iv3" -> iv3(v);
            default -> longLayout(v);
        };
    }

    /** A line of a council table; its place in the table was worked out by {@link WideTable}. */
    private Validated<BudgetLine> wide(RowValidator v) {
        String role = v.text(FinanceColumns.ROLE);
        String label = v.text(FinanceColumns.LABEL);
        if ("unassigned".equals(role)) {
            v.reject(FinanceColumns.LABEL, label, label == null
                    ? "the line has amounts but no description"
                    : "cannot tell whether this line is baten, lasten or reserves: it is not below a 'Baten …', 'Lasten …' "
                            + "or reserves line of the table");
        }
        Integer municipality = Integer.valueOf(v.text(FinanceColumns.MUNICIPALITY));
        String kind = v.text(FinanceColumns.KIND);
        String path = v.text(FinanceColumns.PATH);
        int saldoSign = Integer.parseInt(v.text(FinanceColumns.SALDO_SIGN));
        List<BudgetLine.Amount> amounts = new ArrayList<>();
        String[] headings = v.text(FinanceColumns.HEADINGS).split("\\|");
        for (int h = 0; h < headings.length; h++) {
            String text = v.text(headings[h]);
            if (text == null) {
                continue;
            }
            BigDecimal amount;
            try {
                amount = CouncilAmounts.parseCouncil(text);
            } catch (IllegalArgumentException e) {
                v.reject(headings[h], text, e.getMessage());
                continue;
            }
            if (!v.fits(headings[h], text, amount, FCT_BUDGET.AMOUNT_KEUR)) {
                continue;
            }
            Matcher m = HEADING.matcher(headings[h]);
            m.matches();
            String version = reference.versionCode(m.group(1)).orElseThrow();
            amounts.add(new BudgetLine.Amount(h + 1, kind, path, version, Integer.parseInt(m.group(2)), amount,
                    amount.multiply(BigDecimal.valueOf(saldoSign))));
        }
        String parent = v.text(FinanceColumns.PARENT);
        String lineRole = amounts.isEmpty() ? "heading" : role;
        return v.result(() -> new BudgetLine("wide", lineRole, label, municipality, v.text(FinanceColumns.PROGRAMME),
                v.text(FinanceColumns.TASK_FIELD), parent == null ? null : Integer.valueOf(parent),
                Integer.parseInt(v.text(FinanceColumns.SIGN)), List.copyOf(amounts)));
    }

    /**
     * A CBS Iv3 row: gemeente x taakveld with baten and lasten; year and version come from the file
     * name. The 'Nederland' row is the national total of the file: kept as a reported total, never
     * counted as a municipality.
     */
    private Validated<BudgetLine> iv3(RowValidator v) {
        String gemeente = v.requiredText("gemeenten");
        boolean national = gemeente != null && gemeente.strip().equalsIgnoreCase("nederland");
        Integer municipality = null;
        if (gemeente != null && !national) {
            municipality = reference.municipalityKey(gemeente).orElse(null);
            if (municipality == null) {
                v.reject("gemeenten", gemeente, "unknown gemeente: not a municipality name or CBS code of core.dim_municipality "
                        + "(municipalities of 2023 and earlier; a name spelt otherwise can be added to core.budget_municipality_alias)");
            }
        }
        String taakveld = v.requiredText("taakveld");
        TaskField taskField = taakveld == null ? null : taskField(v, "taakveld", taakveld);
        BigDecimal baten = iv3Amount(v, "baten");
        BigDecimal lasten = iv3Amount(v, "lasten");
        String version = v.text(FinanceColumns.VERSION);
        int year = Integer.parseInt(v.text(FinanceColumns.YEAR));
        Integer key = municipality;
        return v.result(() -> new BudgetLine("iv3", national ? "total" : "detail", taakveld, key, null, taskField.code(), null, 1, List.of(
                new BudgetLine.Amount(1, "baten", "Baten", version, year, baten, baten),
                new BudgetLine.Amount(2, "lasten", "Lasten", version, year, lasten, lasten.negate()))));
    }

    private static BigDecimal iv3Amount(RowValidator v, String column) {
        String text = v.requiredText(column);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = CouncilAmounts.parseIv3(text);
            return v.fits(column, text, amount, FCT_BUDGET.AMOUNT_KEUR) ? amount : null;
        } catch (IllegalArgumentException e) {
            v.reject(column, text, e.getMessage());
            return null;
        }
    }

    /** A row of the long layout: one amount of one category, kind, version and year. */
    private Validated<BudgetLine> longLayout(RowValidator v) {
        Integer municipality = v.lookup("gemeente", reference::municipalityKey,
                "gemeente: not a municipality name or CBS code of core.dim_municipality");
        String programme = v.text("programma");
        String taakveld = v.text("taakveld");
        TaskField taskField = taakveld == null ? null : taskField(v, "taakveld", taakveld);
        if (programme == null && taakveld == null) {
            v.reject("taakveld", null, "taakveld and programma are both empty: a budget line needs at least one of them");
        }
        String category = v.text("categorie");
        String soort = v.requiredText("soort");
        String kind = null;
        int sign = 1;
        if (soort != null) {
            String s = soort.strip().toLowerCase(Locale.ROOT);
            if (s.equals("baten") || s.equals("lasten")) {
                kind = s;
                sign = s.equals("lasten") ? -1 : 1;
            } else if (s.contains("reserve")) {
                kind = "reserves";
                String direction = (s + " " + (category == null ? "" : category.toLowerCase(Locale.ROOT)));
                if (INTO_RESERVE.matcher(direction).matches()) {
                    sign = -1;
                } else if (!FROM_RESERVE.matcher(direction).matches()) {
                    v.reject("categorie", category, "for soort reserves, say in categorie (or soort) whether it is a toevoeging "
                            + "or an onttrekking: the one lowers the saldo, the other raises it");
                }
            } else {
                v.reject("soort", soort, "soort must be baten, lasten or reserves");
            }
        }
        String versie = v.requiredText("versie");
        String version = null;
        if (versie != null) {
            version = reference.versionCode(versie).orElse(null);
            if (version == null) {
                v.reject("versie", versie, "unknown versie: use realisatie, begroting, bijgestelde begroting or raming");
            }
        }
        Integer year = v.wholeNumber("jaar", true);
        if (year != null && (year < RowValidator.FIRST_DATE.getYear() || year > RowValidator.LAST_DATE.getYear())) {
            v.reject("jaar", v.text("jaar"), "year outside the supported range " + RowValidator.FIRST_DATE.getYear() + "-"
                    + RowValidator.LAST_DATE.getYear());
        }
        BigDecimal amount = null;
        String bedrag = v.requiredText("bedrag");
        if (bedrag != null) {
            try {
                amount = CouncilAmounts.parseCouncil(bedrag);
                v.fits("bedrag", bedrag, amount, FCT_BUDGET.AMOUNT_KEUR);
            } catch (IllegalArgumentException e) {
                v.reject("bedrag", bedrag, e.getMessage());
            }
        }
        String path = category == null ? capitalise(kind) : category.strip().replaceAll("\\s*>\\s*", BudgetTree.SEPARATOR).replaceAll("\\s+", " ");
        String k = kind;
        String ver = version;
        BigDecimal a = amount;
        BigDecimal effect = amount == null ? null : amount.multiply(BigDecimal.valueOf(sign));
        return v.result(() -> new BudgetLine("long", "detail", category, municipality, programme,
                taskField == null ? null : taskField.code(), null, 1,
                List.of(new BudgetLine.Amount(1, k, path, ver, year, a, effect))));
    }

    private TaskField taskField(RowValidator v, String column, String text) {
        Optional<TaskField> found = reference.taskField(text);
        if (found.isEmpty()) {
            v.reject(column, text, "unknown taakveld: not a code or name of the Iv3 taakvelden lists (core.dim_iv3_task_field)");
            return null;
        }
        return found.get();
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
