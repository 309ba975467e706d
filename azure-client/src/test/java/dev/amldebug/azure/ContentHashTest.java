package dev.amldebug.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
    @TempDir
    Path code;

    @Test
    void sameFilesGiveTheSameVersionAndAnyChangeANewOne() throws IOException {
        Files.writeString(code.resolve("train.py"), "print('hi')\n");
        Files.createDirectories(code.resolve("pkg"));
        Files.writeString(code.resolve("pkg/util.py"), "X = 1\n");
        String first = hash();

        assertThat(first).hasSize(32).matches("[0-9a-f]+");
        assertThat(hash()).isEqualTo(first);

        Files.writeString(code.resolve("pkg/util.py"), "X = 2\n");
        assertThat(hash()).isNotEqualTo(first);
    }

    @Test
    void aRenameChangesTheVersion() throws IOException {
        Files.writeString(code.resolve("a.py"), "x");
        String before = hash();
        Files.move(code.resolve("a.py"), code.resolve("b.py"));

        assertThat(hash()).isNotEqualTo(before);
    }

    @Test
    void excludedFilesAndRunsDoNotCount() throws IOException {
        Files.writeString(code.resolve("train.py"), "x");
        String before = hash();
        Files.createDirectories(code.resolve(".azureml/runs/r1"));
        Files.writeString(code.resolve(".azureml/runs/r1/run.json"), "{}");
        Files.createDirectories(code.resolve("data"));
        Files.writeString(code.resolve("data/big.csv"), "1,2");

        assertThat(SnapshotFiles.of(code, path -> path.toString().equals("data"))).containsExactly("train.py");
        assertThat(hash()).isEqualTo(before);
    }

    @Test
    void aLinkToAFileOutsideTheFolderIsRefusedAndNamed() throws IOException {
        Files.writeString(code.resolve("train.py"), "x");
        Files.createSymbolicLink(code.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(code.resolve("inside.py"), code.resolve("train.py"));

        assertThatThrownBy(() -> SnapshotFiles.of(code, path -> false)).isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("passwd -> /etc/passwd").hasMessageNotContaining("inside.py");
        Files.delete(code.resolve("passwd"));
        assertThat(SnapshotFiles.of(code, path -> false)).containsExactly("inside.py", "train.py");
    }

    private String hash() {
        return ContentHash.of(code, SnapshotFiles.of(code, path -> path.startsWith("data")));
    }
}
