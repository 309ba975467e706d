package dev.amldebug.runner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotIgnoreTest {
    @TempDir
    Path code;

    private Path file(String relative) throws IOException {
        Path path = code.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        return path;
    }

    @Test
    void theRunStoreNeverGoesEvenWithoutIgnoreFiles() throws IOException {
        SnapshotIgnore ignore = SnapshotIgnore.of(code);

        assertThat(ignore.test(file(".azureml/runs/digits_1/run.json"))).isTrue();
        assertThat(ignore.test(file(".azureml/config.json"))).isFalse();
        assertThat(ignore.test(file("train.py"))).isFalse();
    }

    @Test
    void gitignorePatternsMatchAtAnyDepthAndFoldersTakeTheirContents() throws IOException {
        Files.writeString(code.resolve(".gitignore"), "# caches\n*.pyc\ndata/\n/build\n!keep.pyc\n");
        SnapshotIgnore ignore = SnapshotIgnore.of(code);

        assertThat(ignore.test(file("pkg/mod.pyc"))).isTrue();
        assertThat(ignore.test(file("keep.pyc"))).isFalse();
        assertThat(ignore.test(file("data/big.csv"))).isTrue();
        assertThat(ignore.test(file("src/data/big.csv"))).isTrue();
        assertThat(ignore.test(file("build/out.txt"))).isTrue();
        assertThat(ignore.test(file("src/build/out.txt"))).isFalse();
        assertThat(ignore.test(file("src/train.py"))).isFalse();
    }

    @Test
    void amlignoreWinsOverGitignore() throws IOException {
        Files.writeString(code.resolve(".gitignore"), "*.py\n");
        Files.writeString(code.resolve(".amlignore"), "logs/**\n");
        SnapshotIgnore ignore = SnapshotIgnore.of(code);

        assertThat(ignore.test(file("train.py"))).isFalse();
        assertThat(ignore.test(file("logs/a/b.txt"))).isTrue();
    }

    @Test
    void aFolderOnlyRuleLeavesFilesOfThatName() throws IOException {
        Files.writeString(code.resolve(".gitignore"), "out/\n");
        SnapshotIgnore ignore = SnapshotIgnore.of(code);

        assertThat(ignore.test(file("out"))).isFalse();
    }
}
