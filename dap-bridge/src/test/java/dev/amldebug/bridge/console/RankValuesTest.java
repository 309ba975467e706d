package dev.amldebug.bridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankValuesTest {
    private static final String SAME = "Tensor[3] float32 cpu crc=0a1b2c3d";
    private static final String OTHER = "Tensor[3] float32 cpu crc=99999999";

    @Test
    void theValueThatDiffersFromTheMajorityIsMarkedAndNamedAndARunningRankIsListedUnevaluated() {
        String printed = printed(List.of(row(0, 0, SAME), row(1, 0, SAME), row(2, 1, OTHER), row(3, 1, SAME),
                row(4, 2, null)));

        assertThat(printed).isEqualTo("""
                rank  node  value
                0     0     Tensor[3] float32 cpu crc=0a1b2c3d
                1     0     Tensor[3] float32 cpu crc=0a1b2c3d
                2     1     Tensor[3] float32 cpu crc=99999999  (differs)
                3     1     Tensor[3] float32 cpu crc=0a1b2c3d
                4     2     running, not evaluated
                3 of 4 paused ranks agree; rank 2 differs; rank 4 is running
                """);
    }

    @Test
    void ranksThatAllAgreeSaySoWithNoMark() {
        String printed = printed(List.of(row(0, 0, "0.25"), row(1, 0, "0.25")));

        assertThat(printed).doesNotContain(RankValues.DIFFERS).endsWith("all 2 ranks agree\n");
    }

    @Test
    void aTieHasNoMajoritySoNothingIsMarked() {
        RankValues values = new RankValues(List.of(row(0, 0, "1"), row(1, 0, "1"), row(2, 1, "2"), row(3, 1, "2")));

        assertThat(printed(values)).doesNotContain(RankValues.DIFFERS);
        assertThat(values.summary()).isEqualTo("no value has a majority: 2 values among 4 ranks");
    }

    @Test
    void theMostCommonValueIsTheMajorityEvenWithoutHalfTheRanks() {
        RankValues values = new RankValues(List.of(row(0, 0, "1"), row(1, 0, "1"), row(2, 1, "2"), row(3, 1, "3")));

        assertThat(values.summary()).isEqualTo("2 of 4 ranks agree; rank 2, rank 3 differ");
    }

    @Test
    void aFailedEvaluationIsOneLineItsErrorAndAnExpressionIsWrappedInTheFingerprint() {
        assertThat(RankValues.oneLine("error: Traceback (most recent call last):\n  File \"<string>\", line 1\n"
                + "NameError: name 'x' is not defined\n")).isEqualTo("error: NameError: name 'x' is not defined");
        assertThat(RankValues.oneLine("Tensor[] float32 cpu value=0.5 crc=3f000000"))
                .isEqualTo("Tensor[] float32 cpu value=0.5 crc=3f000000");
        assertThat(RankValues.fingerprint("a, b")).isEqualTo("__import__('aml_debug_fingerprint').of((a, b))");
    }

    private static RankValues.Row row(int rank, int node, String value) {
        return new RankValues.Row("rank " + rank, String.valueOf(rank), String.valueOf(node), value);
    }

    private static String printed(List<RankValues.Row> rows) {
        return printed(new RankValues(rows));
    }

    private static String printed(RankValues values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        values.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
