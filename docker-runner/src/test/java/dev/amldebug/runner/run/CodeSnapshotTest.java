package dev.amldebug.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeSnapshotTest {
    @TempDir
    Path code;
    @TempDir
    Path runs;

    private List<String> tree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void theSnapshotHoldsTheCodeAndAMountPointWhileTheCodeFolderIsLeftAsItWas() throws Exception {
        Files.writeString(code.resolve("train.py"), "print(1)\n");
        Files.createDirectories(code.resolve("pkg"));
        Files.writeString(code.resolve("pkg/util.py"), "X = 1\n");
        Files.createDirectories(code.resolve(".azureml/runs/old"));
        Files.createDirectories(code.resolve(".git"));
        Files.writeString(code.resolve(".git/HEAD"), "ref\n");
        Files.createSymbolicLink(code.resolve("link.py"), Path.of("train.py"));
        List<String> before = tree(code);

        Path snapshot = runs.resolve("r1/snapshot");
        CodeSnapshot.take(code, snapshot);

        assertThat(tree(code)).isEqualTo(before);
        assertThat(tree(snapshot)).containsExactlyInAnyOrder("", "train.py", "pkg", "pkg/util.py", "link.py", "outputs");
        assertThat(Files.readString(snapshot.resolve("pkg/util.py"))).isEqualTo("X = 1\n");
        assertThat(Files.readSymbolicLink(snapshot.resolve("link.py"))).isEqualTo(Path.of("train.py"));
        assertThat(snapshot.resolve("outputs")).isEmptyDirectory();
    }

    @Test
    void anEditInPlaceAfterTheSnapshotChangesNeitherTheRunNorItsRecord() throws Exception {
        Path script = Files.writeString(code.resolve("train.py"), "print(1)\n");
        Path snapshot = code.resolve(".azureml/runs/r1/snapshot");
        CodeSnapshot.take(code, snapshot);
        try (var channel = java.nio.channels.FileChannel.open(script, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap("print(2)\n".getBytes()));
        }
        assertThat(snapshot.resolve("train.py")).hasContent("print(1)");
        assertThat(snapshot.resolve(".azureml")).doesNotExist();
    }

    @Test
    void aLinkOutOfTheCodeFolderIsRefusedAndNothingHalfCopiedStays() throws Exception {
        Files.writeString(code.resolve("train.py"), "print(1)\n");
        Files.createSymbolicLink(code.resolve("passwd"), Path.of("/etc/passwd"));
        Path snapshot = code.resolve(".azureml/runs/r2/snapshot");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CodeSnapshot.take(code, snapshot))
                .isInstanceOf(dev.amldebug.errors.AmlDebugException.class)
                .hasMessageContaining("has a link that leads out of it: passwd -> /etc/passwd");
        assertThat(snapshot).doesNotExist();
    }

    @Test
    void aLinkInsideTheCodeFolderIsKeptAsALink() throws Exception {
        Files.writeString(code.resolve("train.py"), "print(1)\n");
        Files.createSymbolicLink(code.resolve("main.py"), Path.of("train.py"));
        Path snapshot = code.resolve(".azureml/runs/r3/snapshot");

        CodeSnapshot.take(code, snapshot);

        assertThat(Files.readSymbolicLink(snapshot.resolve("main.py"))).isEqualTo(Path.of("train.py"));
    }

    @Test
    void aCodeFolderOverAzureMlsLimitIsRefusedAndLeavesNoPartialSnapshot() throws Exception {
        Files.writeString(code.resolve("a_small.py"), "print(1)\n");
        // Sparse: 301 MB in size, no disk taken; the size alone is refused before anything of it is copied.
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(code.resolve("z_data.bin").toFile(), "rw")) {
            big.setLength(CodeSnapshot.MAX_COPIED_BYTES + 1024 * 1024);
        }
        Path snapshot = code.resolve(".azureml/runs/r4/snapshot");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CodeSnapshot.take(code, snapshot))
                .isInstanceOf(dev.amldebug.errors.AmlDebugException.class)
                .hasMessageContaining("more than 300 MB");
        assertThat(snapshot).doesNotExist();
    }

    @Test
    void whatAmlignoreNamesStaysOutOfTheSnapshotAsItStaysOutOfTheUpload() throws Exception {
        Files.writeString(code.resolve("train.py"), "print(1)\n");
        Files.writeString(code.resolve(".amlignore"), "data/\n*.ckpt\n!keep.ckpt\n");
        Files.createDirectories(code.resolve("data"));
        Files.writeString(code.resolve("data/big.csv"), "1,2\n");
        Files.writeString(code.resolve("old.ckpt"), "x");
        Files.writeString(code.resolve("keep.ckpt"), "y");
        Path snapshot = code.resolve(".azureml/runs/r5/snapshot");

        CodeSnapshot.take(code, snapshot);

        assertThat(snapshot.resolve("train.py")).exists();
        assertThat(snapshot.resolve("keep.ckpt")).exists();
        assertThat(snapshot.resolve("data")).doesNotExist();
        assertThat(snapshot.resolve("old.ckpt")).doesNotExist();
    }
}
