package dev.amldebug.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void colourIsWantedUnlessNoColorIsSetAndNotEmptyTheFlagIsGivenOrTheTerminalIsDumb() {
        assertThat(Terminal.detect(Map.of(), List.of()).colourWanted()).isTrue();
        assertThat(Terminal.detect(Map.of("NO_COLOR", ""), List.of()).colourWanted()).isTrue();
        assertThat(Terminal.detect(Map.of("NO_COLOR", "1"), List.of()).colourWanted()).isFalse();
        assertThat(Terminal.detect(Map.of(), List.of("runs", "list", "--no-color")).colourWanted()).isFalse();
        assertThat(Terminal.detect(Map.of("TERM", "dumb"), List.of()).colourWanted()).isFalse();
    }

    @Test
    void aTestsOutputIsAPipeNotATerminal() {
        Terminal terminal = Terminal.detect(Map.of(), List.of());
        assertThat(terminal.stdoutIsTerminal()).isFalse();
        assertThat(terminal.colourOut()).isFalse();
    }
}
