package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShimLinesTest {
    private static final String LINE = "AML_DEBUG_POST_MORTEM {\"exception\": \"ZeroDivisionError: division by zero\","
            + " \"type\": \"ZeroDivisionError\", \"timeout\": 600, \"pid\": 1}\n";

    @Test
    void recognisesThePostMortemLineWhenItArrivesInPieces() {
        ShimLines lines = new ShimLines();
        assertThat(lines.postMortems("epoch 1\n" + LINE.substring(0, 30))).isEmpty();
        assertThat(lines.postMortems(LINE.substring(30) + "Waiting for a debugger ...\n"))
                .containsExactly(new ShimLines.PostMortem("ZeroDivisionError: division by zero", 600));
    }

    @Test
    void findsTheLineAfterOutputThatHadNoNewline() {
        assertThat(new ShimLines().postMortems("progress 90%" + LINE)).hasSize(1);
    }

    @Test
    void ignoresTextThatOnlyLooksLikeTheLine() {
        assertThat(new ShimLines().postMortems("AML_DEBUG_POST_MORTEM is what the shim prints\n")).isEmpty();
        assertThat(ShimLines.postMortem("plain output")).isEmpty();
    }
}
