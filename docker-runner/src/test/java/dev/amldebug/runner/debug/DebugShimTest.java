package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugShimTest {
    @TempDir
    Path cache;

    @Test
    void writesEveryFileOfTheShimReadableByTheContainersUser() throws Exception {
        Path dir = DebugShim.folder(cache);
        assertThat(DebugShim.FILES).contains("aml_debug_shim.py", "aml_debug_nodelay.py", "startup/sitecustomize.py");
        for (String name : DebugShim.FILES) {
            assertThat(dir.resolve(name)).hasBinaryContent(DebugShim.files().get(name));
            assertThat(Files.getPosixFilePermissions(dir.resolve(name))).contains(PosixFilePermission.OTHERS_READ);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("startup")))
                .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    }

    /** A file added beside the shim but not listed would be missing from /aml/debug in the container. */
    @Test
    void listsEveryFileThatTheBuildShipsBesideTheShim() throws Exception {
        Path resources = Path.of(DebugShim.class.getResource(DebugShim.FILE_NAME).toURI()).getParent();
        try (Stream<Path> files = Files.walk(resources)) {
            List<String> shipped = files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".py"))
                    .map(path -> resources.relativize(path).toString().replace('\\', '/'))
                    .toList();
            assertThat(Stream.concat(DebugShim.FILES.stream(), DebugShim.DORMANT_FILES.stream()))
                    .containsExactlyInAnyOrderElementsOf(shipped);
        }
    }

    @Test
    void writesTheFolderOnceAndWhole() throws Exception {
        Path first = DebugShim.folder(cache);
        Path second = DebugShim.folder(cache);
        assertThat(second).isEqualTo(first);
        try (Stream<Path> folders = Files.list(cache.resolve("shim"))) {
            assertThat(folders.toList()).as("no temporary folder is left behind").containsExactly(first);
        }
    }

    @Test
    void writersRacingForTheSameFolderAllGetItWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Path>> folders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                folders.add(pool.submit(() -> {
                    start.await();
                    return DebugShim.folder(cache);
                }));
            }
            start.countDown();
            Path first = folders.get(0).get();
            for (Future<Path> folder : folders) {
                assertThat(folder.get()).isEqualTo(first);
            }
            for (String name : DebugShim.FILES) {
                assertThat(first.resolve(name)).hasBinaryContent(DebugShim.files().get(name));
            }
            try (Stream<Path> left = Files.list(cache.resolve("shim"))) {
                assertThat(left.toList()).containsExactly(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
