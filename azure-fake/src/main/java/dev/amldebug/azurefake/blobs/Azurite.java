package dev.amldebug.azurefake.blobs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/** The real Azure Storage emulator's blob service, started on a free loopback port in a temporary folder. */
public final class Azurite implements AutoCloseable {
    public static final String ACCOUNT = "devstoreaccount1";
    /** The emulator's well-known development key (public, documented by Microsoft). */
    public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Path INSTALLED = Path.of("/opt/aml-debug/azurite/node_modules/.bin/azurite-blob");
    private final Process process;
    private final Path folder;
    private final int port;

    private Azurite(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    public static Azurite start() throws IOException {
        Path binary = binary();
        Path folder = Files.createTempDirectory("azurite-");
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(), "--silent", "--disableTelemetry", "--skipApiVersionCheck",
                "--location", folder.toString(), "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("azurite.log").toFile())
                .start();
        Azurite azurite = new Azurite(process, folder, port);
        azurite.awaitListening();
        return azurite;
    }

    /** The installed azurite-blob: AML_DEBUG_AZURITE, then scripts/setup-azurite.sh's place, then the PATH. */
    static Path binary() {
        String configured = System.getenv("AML_DEBUG_AZURITE");
        List<Path> candidates = Stream.concat(
                Stream.of(configured == null ? null : Path.of(configured), INSTALLED).filter(p -> p != null),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(s -> !s.isEmpty()).map(p -> Path.of(p, "azurite-blob")))
                .toList();
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "Azurite is not installed: run scripts/setup-azurite.sh (it installs azurite-blob into /opt/aml-debug/azurite)."));
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Azurite exited at start: see " + folder.resolve("azurite.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleepBriefly();
            }
        }
        close();
        throw new IOException("Azurite did not listen on 127.0.0.1:" + port + " within 30 s: see " + folder.resolve("azurite.log"));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The account's blob endpoint, IP style: http://127.0.0.1:PORT/devstoreaccount1. */
    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is harmless; the emulator is stopped either way.
        }
    }
}
