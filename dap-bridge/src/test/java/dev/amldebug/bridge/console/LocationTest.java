package dev.amldebug.bridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationTest {
    @TempDir
    Path folder;

    @Test
    void aFileIsFoundInTheCodeFolderOrFromTheCurrentFolder() throws IOException {
        Path code = Files.createDirectories(folder.resolve("src/train"));
        Files.writeString(code.resolve("train.py"), "x = 1\n");

        assertThat(Location.parse("train.py:3", code)).isEqualTo(new Location(code.resolve("train.py"), 3));
        String fromHere = Path.of("").toAbsolutePath().relativize(code.resolve("train.py")).toString();
        assertThat(Location.parse(fromHere + ":7", code)).isEqualTo(new Location(code.resolve("train.py"), 7));
        assertThat(Location.parse("missing.py:1", code).file()).isEqualTo(code.resolve("missing.py"));
    }

    @Test
    void badBreakpointsSayWhatIsExpected() {
        assertThatThrownBy(() -> Location.parse("train.py", folder)).hasMessageContaining("FILE:LINE");
        assertThatThrownBy(() -> Location.parse("train.py:x", folder)).hasMessageContaining("not a number");
    }
}
