package dev.amldebug.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.ErrorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a YAML file can be unusable ends in one sentence that names the file, never a parser's raw text. */
class YamlFilesTest {
    @TempDir
    Path dir;

    @Test
    void aBinaryFileIsRefusedAsNotUtf8Text() throws IOException {
        Path file = Files.write(dir.resolve("job.yml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 1});
        assertThatThrownBy(() -> YamlFiles.read(file)).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.getMessage()).startsWith(file + ": this is not a UTF-8 text file")
                    .doesNotContain("MalformedInputException");
        });
    }

    @Test
    void aLatin1FileIsRefusedToo() throws IOException {
        Path file = Files.write(dir.resolve("env.yml"), "name: caf\u00e9\nimage: x\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> YamlFiles.read(file)).hasMessageContaining("not a UTF-8 text file");
    }

    @Test
    void aKeyGivenTwiceNamesItsLineAndColumnAndTheFirst() throws IOException {
        Path file = Files.writeString(dir.resolve("job.yml"), "command: python a.py\nenvironment:\n  image: x\n"
                + "command: python b.py\n");
        assertThatThrownBy(() -> YamlFiles.read(file)).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.getMessage()).isEqualTo(file + ":4:1: key 'command' is given twice (first at line 1);"
                    + " keep one of them");
        });
    }

    @Test
    void aDuplicateKeyDeeperInIsFoundToo() throws IOException {
        Path file = Files.writeString(dir.resolve("job.yml"), "inputs:\n  - a: 1\n    a: 2\n");
        assertThatThrownBy(() -> YamlFiles.read(file)).hasMessageContaining(":3:5: key 'a' is given twice");
    }

    @Test
    void anAliasBombGetsASentenceNotSnakeYamlsText() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("b").append(i).append(": [*a, *a]\n");
        }
        Path file = Files.writeString(dir.resolve("bomb.yml"), yaml);
        assertThatThrownBy(() -> YamlFiles.read(file)).hasMessage(file + ": it uses more than 50 aliases (*name)"
                + " for lists and mappings; write the values out instead");
    }

    @Test
    void aHugeFileIsRefusedWithASentence() throws IOException {
        Path file = Files.writeString(dir.resolve("big.yml"), "a: '" + "x".repeat(YamlFiles.MAX_CODE_POINTS + 10) + "'\n");
        assertThatThrownBy(() -> YamlFiles.read(file)).hasMessageStartingWith(file + ": the file is larger than")
                .hasMessageNotContaining("code points");
    }

    @Test
    void deepNestingIsRefusedWithASentence() throws IOException {
        Path file = Files.writeString(dir.resolve("deep.yml"), "a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertThatThrownBy(() -> YamlFiles.read(file)).hasMessageContaining("nests lists and mappings more than 50");
    }
}
