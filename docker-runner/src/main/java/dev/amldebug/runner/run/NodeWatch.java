package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.WaitResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * Waits for the node containers of a distributed run, as Azure ML runs them: when one exits with a failure, the
 * others are stopped (they would wait in a collective call for the failed rank forever).
 */
public final class NodeWatch {
    private final DockerClient docker;
    private final RunContainers containers;

    public NodeWatch(DockerClient docker) {
        this.docker = docker;
        this.containers = new RunContainers(docker);
    }

    /** @return the exit code of the node that failed first, or 0 when every node exited 0 */
    public int await(List<String> containerIds, ControlLog log) throws InterruptedException {
        List<CompletableFuture<Integer>> exits = new ArrayList<>();
        containerIds.forEach(id -> exits.add(exitOf(id)));
        int firstFailure = 0;
        List<Integer> left = new ArrayList<>(IntStream.range(0, exits.size()).boxed().toList());
        while (!left.isEmpty()) {
            CompletableFuture.anyOf(left.stream().map(exits::get).toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .join();
            for (Integer node : List.copyOf(left)) {
                if (exits.get(node).isDone()) {
                    left.remove(node);
                    int code = codeOf(exits.get(node));
                    if (code != 0 && firstFailure == 0) {
                        firstFailure = code;
                        log.line("Node " + node + " exited with code " + code + (left.isEmpty() ? "."
                                : "; stopping the other nodes, as Azure ML does when a process fails."));
                        containers.stopAll(left.stream().map(containerIds::get).toList());
                    }
                }
            }
        }
        return firstFailure;
    }

    private CompletableFuture<Integer> exitOf(String containerId) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        try {
            docker.waitContainerCmd(containerId).exec(new ResultCallback.Adapter<WaitResponse>() {
                @Override
                public void onNext(WaitResponse response) {
                    exit.complete(response.getStatusCode());
                }

                @Override
                public void onError(Throwable error) {
                    exit.completeExceptionally(error);
                }

                @Override
                public void onComplete() {
                    exit.completeExceptionally(new IllegalStateException("Docker said nothing of how the node exited"));
                }
            });
        } catch (NotFoundException e) {
            exit.completeExceptionally(e);
        }
        return exit;
    }

    /** A node whose end Docker cannot tell (removed meanwhile) counts as failed. */
    private int codeOf(CompletableFuture<Integer> exit) throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            return -1;
        }
    }
}
