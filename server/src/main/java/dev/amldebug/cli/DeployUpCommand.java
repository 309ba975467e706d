package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.server.run.deployment.DeploymentRequest;
import dev.amldebug.server.run.RunService;
import dev.amldebug.runner.run.SubmittedRun;
import java.io.PrintWriter;
import dev.amldebug.bridge.DapTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start a local deployment and stream its log; Ctrl-C brings it down (logs are kept).",
                "Takes a managed online deployment YAML, or --score with --model and --env or --image."},
        footer = {"",
                "Examples:",
                "  # A deployment YAML, under the debugger, waiting for it to be healthy",
                "  aml-debug deploy up deployment.yml --debug --wait",
                "  # A scoring script and a registered model's file, on port 8001",
                "  aml-debug deploy up --score score.py --model ../digits/outputs/model.pkl:digits:1 --port 8001",
                "  # If init() raises, the debugger shows where",
                "  aml-debug deploy up deployment.yml --post-mortem"})
final class DeployUpCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DEPLOYMENT_YAML", description = "A managed online deployment YAML.")
    Path deployment;

    @Option(names = "--score", paramLabel = "SCRIPT", description = "The scoring script (instead of a YAML).")
    Path score;

    @Option(names = "--env", paramLabel = "ENV_YAML", description = "With --score: an environment YAML.")
    Path environment;

    @Option(names = "--image", paramLabel = "IMAGE", description = "With --score: an image to run in (default: the base image).")
    String image;

    @Option(names = "--model", paramLabel = "PATH[:NAME:VERSION]", description = "With --score: the model file or folder.")
    String model;

    @Option(names = "--port", paramLabel = "N", description = "Publish scoring on 127.0.0.1:N (default 8000, or a free port).")
    Integer port;

    @Option(names = "--debug", description = "Run the server under debugpy, published on 127.0.0.1 at a free port.")
    boolean debug;

    @Option(names = "--wait", description = "With --debug: wait for the debugger before init() (to stop in init()).")
    boolean waitForDebugger;

    @Option(names = "--detach", description = "Start it and return; bring it down with 'deploy down RUN'.")
    boolean detach;

    @Mixin
    PostMortemFlags postMortem;

    @Mixin
    BaseImageOption baseImage;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    ProgressDisplay progressDisplay;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if ((deployment == null) == (score == null)) {
            throw AmlDebugException.badInput("Give a deployment YAML, or --score score.py with --model (not both).");
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        RunService runs = workspace.runs(baseImage.image);
        DebugOptions options = postMortem.adding(!debug ? null
                : waitForDebugger ? DebugOptions.defaults() : new DebugOptions(0, false, true));
        // init() raising under --post-mortem: the console debugger shows where, unless detached.
        PostMortemAttach failures = new PostMortemAttach(err, runId -> ConsoleAttach.onRun(runs, runId, List.of(),
                DapTrace.NONE, workspace.threads().blocking(), new Object(), err, CliContext.of(command).terminal()));
        SubmittedRun run = runs.deploy(new DeploymentRequest(absolute(deployment), absolute(score), absolute(environment),
                image, model, port, options, detach), new ConsoleListener(out, err, progressDisplay.progress(), failures::on));
        out.println("run: " + run.id());
        out.flush();
        RunRecord started = run.awaitStarted();
        out.println("scoring: " + started.deployment().scoringUri());
        if (started.debugEndpoint != null) {
            out.println("debugpy: " + started.debugEndpoint + "   attach: aml-debug attach " + run.id());
        } else if (started.deployment().scriptDebugEndpoint() != null) {
            String scriptEndpoint = started.deployment().scriptDebugEndpoint();
            String port = scriptEndpoint.substring(scriptEndpoint.lastIndexOf(':') + 1);
            out.println("port 5678 (for a score.py that calls debugpy.listen itself): " + scriptEndpoint
                    + "   attach: aml-debug attach --host 127.0.0.1 --port " + port + " --path-mapping "
                    + started.codeDir + "=/var/azureml-app");
        }
        out.flush();
        if (detach) {
            err.println("Detached. Bring it down with: aml-debug deploy down " + run.id());
            return 0;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread bringDown = new Thread(() -> bringDown(runs, run.id(), finished));
        Runtime.getRuntime().addShutdownHook(bringDown);
        RunRecord ended = run.awaitEnded();
        finished.countDown();
        failures.awaitSessions();
        err.println("deployment " + ended.id + " " + ended.deployment().health()
                + (ended.error == null ? "" : ": " + ended.error));
        return ended.status == RunStatus.Canceled ? 0 : 1;
    }

    /** On Ctrl-C: bring the deployment down, and give the follower time to record it. */
    private static void bringDown(RunService runs, String runId, CountDownLatch finished) {
        try {
            if (runs.store().read(runId).isActive()) {
                runs.cancel(runId);
                finished.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path absolute(Path path) {
        return path == null ? null : path.toAbsolutePath();
    }
}
