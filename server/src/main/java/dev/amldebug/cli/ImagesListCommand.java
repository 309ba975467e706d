package dev.amldebug.cli;

import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.image.ImageInventory;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.image.ManagedImage;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = {"List the environment images aml-debug built, last used first."},
        footer = {"",
                "Examples:",
                "  # The images, last used first",
                "  aml-debug images list",
                "  # Their tags and sizes as JSON",
                "  aml-debug images list -o json"})
final class ImagesListCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<ManagedImage> images = new ImageInventory(DockerConnection.open(), ImageUsage.inUserCache()).list();
        if (images.isEmpty()) {
            out.println("No aml-debug images. They are built by the first run of each environment.");
            return 0;
        }
        out.printf("%-30s %10s %-16s %-6s %s%n", "IMAGE", "SIZE", "LAST USED", "IN USE", "ENVIRONMENT");
        for (ManagedImage image : images) {
            out.printf("%-30s %10s %-16s %-6s %s%n", image.tag(), ByteSizes.format(image.sizeBytes()),
                    TIME.format(image.lastUsed()), image.inUse() ? "yes" : "no", image.environment());
        }
        return 0;
    }
}
