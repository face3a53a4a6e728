package nl.opvangmonitor.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BsnGuardTest {

    /** Synthetic numbers that pass the elfproef (not real persons' BSNs). */
    static List<String> syntheticBsns(int count, long seed) {
        Random random = new Random(seed);
        List<String> bsns = new ArrayList<>();
        while (bsns.size() < count) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                int d = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                digits.append(d);
                sum += d * (9 - i);
            }
            int check = sum % 11;
            if (check < 10) {
                bsns.add(digits.append(check).toString());
            }
        }
        return bsns;
    }

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "123.456.782", "1234.56.782", "123-456-782", "123 456 782"})
    void isBsn_whenElfproefPasses_thenTrue(String text) {
        assertThat(BsnGuard.isBsn(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678", "1234567820", "000000000", "abc"})
    void isBsn_whenNotNineDigitsPassingElfproef_thenFalse(String text) {
        assertThat(BsnGuard.isBsn(text)).isFalse();
    }

    @Test
    void syntheticBsns_whenGenerated_thenAllPassTheElfproef() {
        assertThat(syntheticBsns(100, 1)).hasSize(100).allSatisfy(b -> assertThat(BsnGuard.isBsn(b)).isTrue());
    }
}
