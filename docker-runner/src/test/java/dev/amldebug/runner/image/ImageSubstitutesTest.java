package dev.amldebug.runner.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSubstitutesTest {
    @TempDir
    Path dir;

    @Test
    void theVariableWinsOverTheFileAndEachSaysWhereItCameFrom() throws Exception {
        Path file = Files.writeString(dir.resolve("image-substitutes"), "# comment\na:1 = b:1  # trailing\nc:1=d:1\n");

        ImageSubstitutes substitutes = ImageSubstitutes.of(Map.of(ImageSubstitutes.VARIABLE, "c:1=e:1, f=g"), file);

        assertThat(substitutes.of("a:1")).contains(new ImageSubstitutes.Substitute("b:1", file + ":2"));
        assertThat(substitutes.of("c:1")).contains(new ImageSubstitutes.Substitute("e:1", ImageSubstitutes.VARIABLE));
        assertThat(substitutes.of("f")).map(ImageSubstitutes.Substitute::image).contains("g");
        assertThat(substitutes.of("b:1")).isEmpty();
    }

    @Test
    void aLineWithoutEqualsNamesItsFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("image-substitutes"), "a:1 = b:1\njust-an-image\n");

        assertThatThrownBy(() -> ImageSubstitutes.of(Map.of(), file)).isInstanceOf(AmlDebugException.class)
                .hasMessageContaining(file + ":2: 'just-an-image' is not NAMED_IMAGE=SUBSTITUTE_IMAGE");
    }

    @Test
    void theFileLivesInTheUsersConfigurationFolder() {
        assertThat(ImageSubstitutes.file(Map.of("XDG_CONFIG_HOME", "/home/u/.cfg")))
                .isEqualTo(Path.of("/home/u/.cfg/aml-debug/image-substitutes"));
    }
}
