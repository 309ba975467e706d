package dev.amldebug.cli;

import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.image.ImageInventory;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.image.ManagedImage;
import dev.amldebug.runner.image.PruneResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove environment images not used for a while (default: 7 days), or all with --all.",
                "Images that a running container uses are always kept. Only images aml-debug built are touched."},
        footer = {"",
                "Examples:",
                "  # Images not used for a week",
                "  aml-debug images prune",
                "  # Images not used for 12 hours",
                "  aml-debug images prune --older-than 12h",
                "  # Every image aml-debug built that no container uses",
                "  aml-debug images prune --all"})
final class ImagesPruneCommand implements Callable<Integer> {
    @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "7d",
            description = "Remove images last used longer ago than this: 30m, 12h, 7d (default: ${DEFAULT-VALUE}).")
    String olderThan;

    @Option(names = "--all", description = "Remove every aml-debug image that no running container uses.")
    boolean all;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Duration age = Ages.parse("--older-than", olderThan);
        PruneResult result = new ImageInventory(DockerConnection.open(), ImageUsage.inUserCache()).prune(age, all);
        for (ManagedImage image : result.removed()) {
            out.println("removed " + image.tag() + " (" + ByteSizes.format(image.sizeBytes()) + ")");
        }
        for (ManagedImage image : result.keptInUse()) {
            out.println("kept    " + image.tag() + " (a container uses it)");
        }
        out.println("Removed " + result.removed().size() + " image(s), freed " + ByteSizes.format(result.bytesFreed())
                + ".");
        return 0;
    }

}
