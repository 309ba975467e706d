package dev.amldebug.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final LineSplitter splitter = new LineSplitter();

    @Test
    void holdsALineCutBetweenReadsUntilItEnds() {
        assertThat(splitter.feed(bytes("epoch 1 loss 0.5\nepoch 2 lo"))).isEqualTo("epoch 1 loss 0.5\n");
        assertThat(splitter.feed(bytes("ss 0.4"))).isEmpty();
        assertThat(splitter.feed(bytes("\nepoch 3\n"))).isEqualTo("epoch 2 loss 0.4\nepoch 3\n");
    }

    @Test
    void keepsAMultiByteCharacterCutBetweenReadsWhole() {
        byte[] text = bytes("température 20°C\n");
        int cut = "tempé".getBytes(StandardCharsets.UTF_8).length - 1;

        assertThat(splitter.feed(Arrays.copyOfRange(text, 0, cut))).isEmpty();
        assertThat(splitter.feed(Arrays.copyOfRange(text, cut, text.length))).isEqualTo("température 20°C\n");
    }

    @Test
    void flushesTheLastUnfinishedLineAtTheEnd() {
        splitter.feed(bytes("done"));

        assertThat(splitter.flush()).isEqualTo("done\n");
        assertThat(splitter.flush()).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
