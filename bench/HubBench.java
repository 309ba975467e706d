/*
 * The debug hub against direct listen-mode sessions, side by side in one run. Each round starts two sets of the
 * same 4 processes (2 containers of the base image on a network of the bench's own, 2 processes in each, with the
 * rank environment of a distributed run, each under the debug shim) and attaches an in-process DapBridge session
 * with a small DAP client to every rank:
 *
 *   hub      the shim in connect mode: every process dials one DebugHub on the network's gateway, and each rank's
 *            session takes its connection (hub.target(...)), as the console and `aml-debug dap` do
 *   direct   the shim in listen mode: each process's debugpy listens on the container's address (5678 + LOCAL_RANK),
 *            and 4 sessions (BridgeTarget.of) dial them, retrying every 100 ms until debugpy listens
 *
 * 1. Time to all 4 ranks stopped: from just before the first container's start (both are created beforehand, and
 *    the hub listens already) to the 4th `stopped` event at the clients. Each session does initialize, attach,
 *    setBreakpoints (a line of the script, by its local path), configurationDone, and waits for `stopped`.
 * 2. Added latency per request: with both sets paused, `threads` and then `stackTrace` requests to rank 0, alternating
 *    request by request between its hub session and its direct session.
 * The order of the two sets alternates from round to round; one round is a warm-up and is not counted. Run from the
 * repository root after `mvn -B -q -o -pl server -am package -DskipTests`, with Docker up:
 *
 *   java -cp server/target/aml-debug.jar bench/HubBench.java [rounds] [requests] [NODESxPROCESSES]
 *
 * Defaults: 5 rounds, 200 requests of each kind per path and round, 2x2 (1x1: one rank, the paths' own cost without
 * 8 Python processes starting at once on the machine's cores). Every container and the network carry the label
 * dev.amldebug.bench=<this run's id> and are removed at the end, also on Ctrl-C, with the temporary project.
 * AML_DEBUG_BASE_IMAGE picks another image with python3 and debugpy.
 */
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.hub.HubShim;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import dev.amldebug.runner.debug.DebugShim;
import dev.amldebug.runner.docker.DockerConnection;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

public class HubBench {
    static final String SCRIPT = "import os\n\nrank = int(os.environ['RANK'])\nvalue = rank * 10\n"
            + "print('rank', rank, value)\n";
    static final int BREAK_LINE = 4;
    static final int LISTEN_PORT = 5678;
    static final String CODE = "/aml/code";
    static final String IMAGE = System.getenv().getOrDefault("AML_DEBUG_BASE_IMAGE", "aml-debug/python:bookworm");
    static final String[] REQUESTS = {"threads", "stackTrace"};
    static final String[] PATHS = {"direct", "hub"};
    static final long WAIT_SECONDS = 90;

    private final DockerClient docker = DockerConnection.open();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, String> label = Map.of("dev.amldebug.bench",
            "hub-" + UUID.randomUUID().toString().substring(0, 8));
    private final AtomicBoolean removed = new AtomicBoolean();
    private final Path project;
    private final int nodes;
    private final int perNode;
    private final Path shim;
    private final String network;
    private final String gateway;

    HubBench(Path project, int nodes, int perNode) {
        this.project = project;
        this.nodes = nodes;
        this.perNode = perNode;
        this.shim = DebugShim.folder(project.resolve(".cache"));
        this.network = docker.createNetworkCmd().withName("aml-debug-" + label.get("dev.amldebug.bench"))
                .withLabels(label).exec().getId();
        this.gateway = docker.inspectNetworkCmd().withNetworkId(network).exec().getIpam().getConfig().get(0).getGateway();
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String[] layout = (args.length > 2 ? args[2] : "2x2").split("x");
        Path project = Files.createTempDirectory("aml-debug-hub-bench");
        Files.writeString(project.resolve("train.py"), SCRIPT);
        HubBench bench = new HubBench(project, Integer.parseInt(layout[0]), Integer.parseInt(layout[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::removeAll));
        try {
            bench.round(true, requests);
            List<Round> counted = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                counted.add(bench.round(i % 2 == 1, requests));
                System.out.println("round " + (i + 1) + ": " + counted.get(i));
            }
            report(counted, requests, bench.nodes * bench.perNode);
        } finally {
            bench.removeAll();
        }
    }

    /** Both sets, one after the other, then the requests with both paused; everything of the round goes at its end. */
    Round round(boolean hubFirst, int requests) throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try (DebugHub hub = DebugHub.start(InetAddress.getByName(gateway), 0, executor)) {
            Started first = hubFirst ? throughHub(hub, open) : direct(open);
            Started second = hubFirst ? direct(open) : throughHub(hub, open);
            Started viaHub = hubFirst ? first : second;
            Started direct = hubFirst ? second : first;
            Map<String, Map<String, List<Double>>> latencies = compare(direct.rankZero(), viaHub.rankZero(), requests);
            return new Round(direct, viaHub, latencies);
        } finally {
            Collections.reverse(open);
            for (AutoCloseable closeable : open) {
                closeable.close();
            }
        }
    }

    /** Every process dials the hub; a session per rank as it joins. */
    Started throughHub(DebugHub hub, List<AutoCloseable> open) throws Exception {
        BlockingQueue<CompletableFuture<Session>> sessions = new LinkedBlockingQueue<>();
        hub.addListener(debuggee -> sessions.add(attachAsync(hub.target(debuggee, mappings(), true), debuggee.rank())));
        List<String> containers = createNodes(HubShim.connectArguments(gateway, hub.address().getPort()),
                HubShim.environment(hub), open);
        long started = System.nanoTime();
        containers.forEach(id -> docker.startContainerCmd(id).exec());
        List<CompletableFuture<Session>> all = new ArrayList<>();
        for (int i = 0; i < nodes * perNode; i++) {
            CompletableFuture<Session> session = sessions.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (session == null) {
                throw new IllegalStateException("only " + i + " ranks joined the hub; see `docker logs` of " + containers);
            }
            all.add(session);
        }
        return Started.of(started, all, open);
    }

    /** Every process's debugpy listens on its container's address; a session per rank dials it. */
    Started direct(List<AutoCloseable> open) throws Exception {
        List<String> containers = createNodes(List.of("--listen", "0.0.0.0:" + LISTEN_PORT), Map.of(), open);
        long started = System.nanoTime();
        List<CompletableFuture<Session>> all = new ArrayList<>();
        containers.forEach(id -> docker.startContainerCmd(id).exec());
        for (int node = 0; node < nodes; node++) {
            String address = docker.inspectContainerCmd(containers.get(node)).exec().getNetworkSettings().getNetworks()
                    .values().iterator().next().getIpAddress();
            for (int local = 0; local < perNode; local++) {
                all.add(attachAsync(BridgeTarget.of(address, LISTEN_PORT + local, mappings()), node * perNode + local));
            }
        }
        return Started.of(started, all, open);
    }

    List<PathMapping> mappings() {
        return List.of(new PathMapping(project.toString(), CODE));
    }

    /** Created, not started: perNode processes of the script in each, under the shim with these arguments. */
    List<String> createNodes(List<String> shimArguments, Map<String, String> environment, List<AutoCloseable> open) {
        List<String> ids = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            StringBuilder command = new StringBuilder();
            for (int local = 0; local < perNode; local++) {
                command.append("RANK=").append(node * perNode + local).append(" LOCAL_RANK=").append(local)
                        .append(" python3 /aml/debug/").append(DebugShim.FILE_NAME).append(' ')
                        .append(String.join(" ", shimArguments)).append(" -- ").append(CODE).append("/train.py & ");
            }
            List<String> env = new ArrayList<>(List.of("NODE_RANK=" + node, "AML_DEBUG_RUN_ID=hub-bench"));
            environment.forEach((name, value) -> env.add(name + "=" + value));
            String id = docker.createContainerCmd(IMAGE).withLabels(label).withEnv(env)
                    .withCmd("sh", "-c", command + "wait")
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network).withBinds(
                            new Bind(shim.toString(), new Volume("/aml/debug"), AccessMode.ro),
                            new Bind(project.toString(), new Volume(CODE), AccessMode.ro)))
                    .exec().getId();
            open.add(() -> docker.removeContainerCmd(id).withForce(true).exec());
            ids.add(id);
        }
        return ids;
    }

    CompletableFuture<Session> attachAsync(BridgeTarget target, int rank) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return attach(target, rank);
            } catch (Exception e) {
                throw new IllegalStateException("rank " + rank + " did not stop: " + e.getMessage(), e);
            }
        }, executor);
    }

    /** An in-process bridge session and its client, stopped at the breakpoint. */
    Session attach(BridgeTarget target, int rank) throws Exception {
        LoopbackPair pair = LoopbackPair.open();
        DapBridge bridge = new DapBridge(target, DapTrace.NONE, executor);
        java.io.InputStream fromClient = pair.right().getInputStream();
        java.io.OutputStream toClient = pair.right().getOutputStream();
        executor.execute(() -> {
            try {
                bridge.run(fromClient, toClient);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Client client = new Client(pair.left());
        client.call("initialize", "{\"adapterID\":\"azureml\",\"linesStartAt1\":true,\"pathFormat\":\"path\"}");
        long answered = System.nanoTime();
        client.send("attach", "{}");
        client.next(m -> m.isEvent("initialized"));
        client.call("setBreakpoints", "{\"source\":{\"path\":\"" + project.resolve("train.py")
                + "\"},\"breakpoints\":[{\"line\":" + BREAK_LINE + "}]}");
        client.call("configurationDone", "{}");
        DapMessage stopped = client.next(m -> m.isEvent("stopped"));
        return new Session(rank, client, stopped.get("body").get("threadId").asInt(), answered, System.nanoTime(), pair);
    }

    /** Milliseconds per request kind and path, alternating between the two sessions request by request. */
    static Map<String, Map<String, List<Double>>> compare(Session direct, Session viaHub, int requests) throws Exception {
        Map<String, Map<String, List<Double>>> byRequest = new LinkedHashMap<>();
        for (String request : REQUESTS) {
            Map<String, List<Double>> byPath = new LinkedHashMap<>();
            for (int i = 0; i < requests; i++) {
                for (Session session : i % 2 == 0 ? List.of(direct, viaHub) : List.of(viaHub, direct)) {
                    String path = session == direct ? "direct" : "hub";
                    byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(session.time(request));
                }
            }
            byRequest.put(request, byPath);
        }
        return byRequest;
    }

    void removeAll() {
        if (!removed.compareAndSet(false, true)) {
            return;
        }
        List<String> labels = label.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        docker.removeNetworkCmd(network).exec();
        executor.shutdownNow();
        try (java.util.stream.Stream<Path> files = Files.walk(project)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not remove " + project + ": " + e.getMessage());
        }
    }

    static void report(List<Round> rounds, int requests, int ranks) {
        System.out.printf("%n| %d ranks, from the containers' start | path | median (s), %d rounds | all rounds (s) |%n"
                + "|---|---|---|---|%n", ranks, rounds.size());
        startRows("to the last `initialize` response", rounds, Started::answered);
        startRows("to the last `stopped` (all stopped)", rounds, Started::seconds);
        System.out.println();
        System.out.printf("| request to a paused rank, %d per path and round | path | median of the rounds' medians (ms) "
                + "| p99 of all (ms) | each round's median (ms) |%n|---|---|---|---|---|%n", requests);
        for (String request : REQUESTS) {
            Map<String, Double> medians = new LinkedHashMap<>();
            for (String path : PATHS) {
                List<Double> each = rounds.stream().map(r -> median(r.latencies().get(request).get(path))).toList();
                List<Double> all = rounds.stream().flatMap(r -> r.latencies().get(request).get(path).stream()).toList();
                medians.put(path, median(each));
                System.out.printf("| %s | %s | %.3f | %.3f | %s |%n", request, path, median(each), percentile(all, 0.99),
                        list(each, "%.3f"));
            }
            System.out.printf("| %s | hub - direct | %+.3f | | ratio %.2f |%n", request,
                    medians.get("hub") - medians.get("direct"), medians.get("hub") / medians.get("direct"));
        }
    }

    static void startRows(String measure, List<Round> rounds, java.util.function.ToDoubleFunction<Started> seconds) {
        List<Double> direct = rounds.stream().map(r -> seconds.applyAsDouble(r.direct())).toList();
        List<Double> viaHub = rounds.stream().map(r -> seconds.applyAsDouble(r.viaHub())).toList();
        System.out.printf("| %s | direct: listen mode (baseline) | %.3f | %s |%n", measure, median(direct),
                list(direct, "%.2f"));
        System.out.printf("| %s | hub: connect mode | %.3f | %s |%n", measure, median(viaHub), list(viaHub, "%.2f"));
        List<Double> ratios = rounds.stream()
                .map(r -> seconds.applyAsDouble(r.viaHub()) / seconds.applyAsDouble(r.direct())).toList();
        System.out.printf("| %s | hub / direct | %.2f (%+.3f s); median of the rounds' ratios %.2f | %s |%n", measure,
                median(viaHub) / median(direct), median(viaHub) - median(direct), median(ratios), list(ratios, "%.2f"));
    }

    static String list(List<Double> values, String format) {
        return String.join(" ", values.stream().map(v -> String.format(format, v)).toList());
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    /** One round's two sets, and its request times by request kind and path. */
    record Round(Started direct, Started viaHub, Map<String, Map<String, List<Double>>> latencies) {
        @Override
        public String toString() {
            return String.format("to all answered initialize direct %.3f s, hub %.3f s; to all stopped direct %.3f s, "
                    + "hub %.3f s; stackTrace median direct %.3f, hub %.3f ms", direct.answered, viaHub.answered,
                    direct.seconds, viaHub.seconds, median(latencies.get("stackTrace").get("direct")),
                    median(latencies.get("stackTrace").get("hub")));
        }
    }

    /** A set of stopped ranks; from its start to the last one's `initialize` response, and to the last one's stop. */
    record Started(double answered, double seconds, List<Session> sessions) {
        static Started of(long startedNanos, List<CompletableFuture<Session>> futures, List<AutoCloseable> open)
                throws Exception {
            List<Session> sessions = new ArrayList<>();
            for (CompletableFuture<Session> future : futures) {
                Session session = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
                open.add(session.pair());
                sessions.add(session);
            }
            long answered = sessions.stream().mapToLong(Session::answeredNanos).max().orElseThrow();
            long stopped = sessions.stream().mapToLong(Session::stoppedNanos).max().orElseThrow();
            return new Started((answered - startedNanos) / 1e9, (stopped - startedNanos) / 1e9, sessions);
        }

        Session rankZero() {
            return sessions.stream().min(Comparator.comparingInt(Session::rank)).orElseThrow();
        }
    }

    /** @param answeredNanos when debugpy's adapter answered `initialize`, through the bridge */
    record Session(int rank, Client client, int thread, long answeredNanos, long stoppedNanos, LoopbackPair pair) {
        /** One request and its response, in milliseconds. */
        double time(String request) throws Exception {
            String arguments = request.equals("threads") ? "{}"
                    : "{\"threadId\":" + thread + ",\"startFrame\":0,\"levels\":20}";
            long started = System.nanoTime();
            DapMessage response = client.call(request, arguments);
            double millis = (System.nanoTime() - started) / 1e6;
            if (!response.get("success").asBoolean()) {
                throw new IllegalStateException(request + " failed on rank " + rank + ": " + response);
            }
            return millis;
        }
    }

    /** A synchronous DAP client on one connection: what arrives before the wanted message waits for a later next(). */
    static final class Client {
        private final DapReader reader;
        private final DapWriter writer;
        private final List<DapMessage> early = new ArrayList<>();
        private int seq;

        Client(java.net.Socket socket) throws java.io.IOException {
            this.reader = new DapReader(socket.getInputStream());
            this.writer = new DapWriter(socket.getOutputStream());
        }

        int send(String command, String arguments) throws Exception {
            writer.write(("{\"seq\":" + ++seq + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":"
                    + arguments + "}").getBytes(StandardCharsets.UTF_8));
            return seq;
        }

        DapMessage call(String command, String arguments) throws Exception {
            int sent = send(command, arguments);
            return next(m -> m.isResponse() && m.get("request_seq").asInt() == sent);
        }

        DapMessage next(Predicate<DapMessage> wanted) throws Exception {
            for (int i = 0; i < early.size(); i++) {
                if (wanted.test(early.get(i))) {
                    return early.remove(i);
                }
            }
            while (true) {
                byte[] body = reader.read();
                if (body == null) {
                    throw new java.io.EOFException("the session ended");
                }
                DapMessage message = DapMessage.parse(body);
                if (wanted.test(message)) {
                    return message;
                }
                early.add(message);
            }
        }
    }
}
