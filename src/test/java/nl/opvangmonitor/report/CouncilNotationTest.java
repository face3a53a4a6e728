package nl.opvangmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import nl.opvangmonitor.report.PublicFigures.Figure;
import nl.opvangmonitor.report.PublicFigures.IndicatorInfo;
import org.junit.jupiter.api.Test;

class CouncilNotationTest {

    static IndicatorInfo indicator(String code, String unit) {
        return new IndicatorInfo(code, code, unit, null, null, null);
    }

    static Figure value(String v) {
        return new Figure(new BigDecimal(v), false);
    }

    @Test
    void figure_whenEachUnit_thenWrittenAsTheCouncilsPrintThem() {
        assertThat(CouncilNotation.figure(indicator("hg_duur_kort", "percent"), value("64.00"))).isEqualTo("64%");
        assertThat(CouncilNotation.figure(indicator("mo_nacht_frequent", "percent"), value("39.04"))).isEqualTo("39%");
        assertThat(CouncilNotation.figure(indicator("mo_verblijf_90plus", "percent"), value("48.33"))).isEqualTo("48,33%");
        assertThat(CouncilNotation.figure(indicator("bw_voorzieningen", "count"), value("2097.00"))).isEqualTo("2.097");
        assertThat(CouncilNotation.figure(indicator("vo_duur", "months"), value("9.40"))).isEqualTo("9,4");
        assertThat(CouncilNotation.figure(indicator("vt_meldingen", "count"), value("1031000"))).isEqualTo("1.031.000");
    }

    @Test
    void figure_whenMissingOrSuppressed_thenDashOrX() {
        assertThat(CouncilNotation.figure(indicator("vt_meldingen", "count"), null)).isEqualTo("-");
        assertThat(CouncilNotation.figure(indicator("vt_meldingen", "count"), new Figure(null, true))).isEqualTo("x");
        assertThat(CouncilNotation.target(null)).isEqualTo("-");
        assertThat(CouncilNotation.target(" >55% ")).isEqualTo(">55%");
        assertThat(CouncilNotation.target("**")).isEqualTo("**");
    }

    @Test
    void number_whenNegativeThousands_thenDotsAndMinus() {
        assertThat(CouncilNotation.number(new BigDecimal("-133727.000"), 0)).isEqualTo("-133.727");
        assertThat(CouncilNotation.number(new BigDecimal("-23"), 0)).isEqualTo("-23");
    }
}
