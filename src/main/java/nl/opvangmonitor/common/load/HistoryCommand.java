package nl.opvangmonitor.common.load;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.LOAD_RUN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** {@code history}: past load runs with their files, rows and rejects, newest first. */
@Component
public class HistoryCommand {

    private final Flyway flyway;
    private final DSLContext dsl;

    public HistoryCommand(Flyway warehouseFlyway, DSLContext dsl) {
        this.flyway = warehouseFlyway;
        this.dsl = dsl;
    }

    public int run(PrintStream out) {
        flyway.migrate();
        out.printf("%6s %-19s %-19s %-22s %5s %6s %10s %9s%n", "run", "started", "finished", "status", "exit", "files", "rows", "rejected");
        dsl.select(LOAD_RUN.RUN_ID, LOAD_RUN.STARTED_AT, LOAD_RUN.FINISHED_AT, LOAD_RUN.STATUS, LOAD_RUN.EXIT_CODE,
                        count(LOAD_FILE.FILE_ID), sum(LOAD_FILE.ROWS_READ), sum(LOAD_FILE.ROWS_REJECTED))
                .from(LOAD_RUN).leftJoin(LOAD_FILE).on(LOAD_FILE.RUN_ID.eq(LOAD_RUN.RUN_ID))
                .groupBy(LOAD_RUN.RUN_ID, LOAD_RUN.STARTED_AT, LOAD_RUN.FINISHED_AT, LOAD_RUN.STATUS, LOAD_RUN.EXIT_CODE)
                .orderBy(LOAD_RUN.RUN_ID.desc())
                .limit(50)
                .forEach(r -> out.printf(Locale.ROOT, "%6d %-19s %-19s %-22s %5s %6d %10d %9d%n", r.value1(),
                        r.value2() == null ? "" : r.value2().withNano(0).toString().replace('T', ' '),
                        r.value3() == null ? "" : r.value3().withNano(0).toString().replace('T', ' '),
                        r.value4(), r.value5() == null ? "" : r.value5().toString(), r.value6(), nz(r.value7()), nz(r.value8())));
        return ExitCodes.OK;
    }

    private static long nz(BigDecimal v) {
        return v == null ? 0 : v.longValue();
    }
}
