/*
 * The language server's start-up, memory and log latency. Run from the repository root after
 * `bash scripts/build.sh` (Docker must answer, for the log latency part):
 *
 *   java -cp server/target/aml-debug.jar bench/LspBench.java [starts]
 *
 * 1. process start to the initialize response, `bin/aml-debug serve` (AppCDS) and plain `java -jar`;
 * 2. resident memory (VmRSS) at idle, and after the tree lists 100 runs;
 * 3. a driver-log line's latency from the container writing it to the azureml/runLog notification;
 * 4. azureml.submitExperiment to the script's first azureml/runLog line (warm image), side by side with
 *    a bare `docker run` of the same image to its first output line.
 */
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.lsp.AmlLanguageClient;
import dev.amldebug.server.lsp.AzureMlService;
import dev.amldebug.server.lsp.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageServer;

public class LspBench {
    static final String MARKER = "first line from the script";
    interface Remote extends LanguageServer, AzureMlService {
    }

    /** Records log lines with their arrival time. */
    static final class Client implements AmlLanguageClient {
        final List<double[]> latencies = new CopyOnWriteArrayList<>();
        volatile String status = "";
        volatile CompletableFuture<Long> firstLine = new CompletableFuture<>();

        public void treeChanged(Protocol.TreeChangedParams params) { }
        public void runStatus(Protocol.RunStatusParams params) { status = params.status(); }
        public void debugReady(Protocol.DebugReadyParams params) { }
        public void runLog(Protocol.RunLogParams params) {
            double now = System.currentTimeMillis() / 1000.0;
            for (String line : params.lines()) {
                if (line.equals(MARKER)) {
                    firstLine.complete(System.nanoTime());
                }
                if (line.startsWith("t=")) {
                    latencies.add(new double[] {(now - Double.parseDouble(line.substring(2))) * 1000});
                }
            }
        }
        public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) { return CompletableFuture.completedFuture(null); }
        public void notifyProgress(ProgressParams params) { }
        public void telemetryEvent(Object object) { }
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) { }
        public void showMessage(MessageParams messageParams) { }
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) { return CompletableFuture.completedFuture(null); }
        public void logMessage(MessageParams message) { }
    }

    record Server(Process process, Remote remote, Client client) {
    }

    static Server start(List<String> command, Path workspace, long[] initMillis) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Client client = new Client();
        Launcher<Remote> launcher = new Launcher.Builder<Remote>().setLocalService(client).setRemoteInterface(Remote.class)
                .setInput(process.getInputStream()).setOutput(process.getOutputStream()).create();
        launcher.startListening();
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "bench")));
        launcher.getRemoteProxy().initialize(params).get(60, TimeUnit.SECONDS);
        initMillis[0] = (System.nanoTime() - started) / 1_000_000;
        return new Server(process, launcher.getRemoteProxy(), client);
    }

    static long rssKb(Process process) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path workspace = Files.createTempDirectory("aml-debug-lsp-bench");
        List<String> launcher = List.of("bin/aml-debug", "serve");
        List<String> plain = List.of("java", "-jar", "server/target/aml-debug.jar", "serve");
        List<Double> launcherTimes = new ArrayList<>();
        List<Double> plainTimes = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            for (List<String> command : List.of(launcher, plain)) {
                long[] millis = new long[1];
                Server server = start(command, workspace, millis);
                (command == launcher ? launcherTimes : plainTimes).add((double) millis[0]);
                server.process().destroy();
                server.process().waitFor();
            }
        }
        System.out.printf("| start-up to initialize response | median (ms), %d starts | all (ms) |%n|---|---|---|%n", starts);
        System.out.printf("| `bin/aml-debug serve` (AppCDS, C1) | %.0f | %s |%n", percentile(launcherTimes, 0.5), launcherTimes);
        System.out.printf("| `java -jar aml-debug.jar serve` | %.0f | %s |%n", percentile(plainTimes, 0.5), plainTimes);

        long[] millis = new long[1];
        Server server = start(launcher, workspace, millis);
        server.remote().treeChildren(new Protocol.TreeChildrenParams("local")).get();
        TimeUnit.SECONDS.sleep(2);
        long idle = rssKb(server.process());
        RunStore store = new RunStore(workspace);
        for (int i = 0; i < 100; i++) {
            RunRecord record = new RunRecord();
            record.id = "bench_" + (1000 + i) + "_0000abcd";
            record.experiment = "bench" + (i % 5);
            record.status = RunStatus.Completed;
            record.createdAt = Instant.now();
            record.startedAt = Instant.now();
            record.endedAt = Instant.now();
            store.create(record);
        }
        for (var experiment : server.remote().treeChildren(new Protocol.TreeChildrenParams("local/experiments")).get()) {
            for (var run : server.remote().treeChildren(new Protocol.TreeChildrenParams(experiment.id())).get()) {
                server.remote().treeChildren(new Protocol.TreeChildrenParams(run.id() + "/logs")).get();
            }
        }
        long afterRuns = rssKb(server.process());
        System.out.printf("%n| resident memory | MB |%n|---|---|%n| idle after initialize | %.1f |%n| after listing 100 runs | %.1f |%n",
                idle / 1024.0, afterRuns / 1024.0);

        Files.writeString(workspace.resolve("lines.py"),
                "import time\nfor i in range(300):\n    print('t=%.6f' % time.time(), flush=True)\n    time.sleep(0.01)\n");
        server.remote().getWorkspaceService().executeCommand(new ExecuteCommandParams("azureml.submitExperiment",
                List.of(Map.of("configuration", "lines.py")))).get(60, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!server.client().status.equals("Completed") && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        TimeUnit.MILLISECONDS.sleep(200);
        List<Double> latencies = server.client().latencies.stream().map(l -> l[0]).toList();
        System.out.printf("%n| driver-log line to azureml/runLog | lines | median (ms) | p99 (ms) |%n|---|---|---|---|%n| %s | %d | %.1f | %.1f |%n",
                "container print to notification", latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.99));
        submitToFirstLine(server, workspace, starts);
        server.process().destroy();
    }

    static void submitToFirstLine(Server server, Path workspace, int runs) throws Exception {
        Files.writeString(workspace.resolve("hello.py"), "print('" + MARKER + "', flush=True)\n");
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        String image = null;
        for (int i = 0; i <= runs; i++) {
            server.client().firstLine = new CompletableFuture<>();
            server.client().status = "";
            long started = System.nanoTime();
            Object result = server.remote().getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    "azureml.submitExperiment", List.of(Map.of("configuration", "hello.py")))).get(60, TimeUnit.SECONDS);
            double millis = (server.client().firstLine.get(120, TimeUnit.SECONDS) - started) / 1e6;
            while (!server.client().status.equals("Completed")) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            String runId = result.toString().replaceAll(".*runId=([^,}]+).*", "$1");
            image = new RunStore(workspace).read(runId).image;
            if (i > 0) {
                ours.add(millis);
                bare.add(dockerRunToFirstLine(workspace, image));
            }
        }
        double oursMedian = percentile(ours, 0.5);
        double bareMedian = percentile(bare, 0.5);
        System.out.printf("%n| to the script's first line, warm image | median (ms), %d runs | all (ms) |%n|---|---|---|%n", runs);
        System.out.printf("| `docker run` (baseline) | %.0f | %s |%n", bareMedian, bare.stream().map(d -> String.format("%.0f", d)).toList());
        System.out.printf("| `azureml.submitExperiment` to `azureml/runLog` | %.0f | %s |%n", oursMedian,
                ours.stream().map(d -> String.format("%.0f", d)).toList());
        System.out.printf("%nover docker run: %+.0f ms (target: at most +150 ms); ratio %.2f%n", oursMedian - bareMedian,
                oursMedian / bareMedian);
    }

    static double dockerRunToFirstLine(Path workspace, String image) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder("docker", "run", "--rm", "--init", "-v", workspace + ":/aml/code:ro", "-w",
                "/aml/code", image, "python", "hello.py").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null && !line.contains(MARKER)) {
                // the container's first lines, until the marker
            }
        }
        double millis = (System.nanoTime() - started) / 1e6;
        process.waitFor();
        return millis;
    }
}
