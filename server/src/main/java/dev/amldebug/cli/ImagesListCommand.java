package dev.amldebug.cli;

import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.image.ImageInventory;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.image.ManagedImage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.amldebug.cli.output.OutputOptions;
import dev.amldebug.cli.output.Table;
import dev.amldebug.cli.output.Table.Column;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        List<ManagedImage> images = new ImageInventory(DockerConnection.open(), ImageUsage.inUserCache()).list();
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        images.forEach(image -> json.addObject()
                .put("tag", image.tag())
                .put("id", image.id())
                .put("sizeBytes", image.sizeBytes())
                .put("createdAt", RunJson.time(image.created()))
                .put("lastUsedAt", RunJson.time(image.lastUsed()))
                .put("inUse", image.inUse())
                .put("environment", image.environment()));
        output.printList(json, (out, colour) -> {
            Table table = new Table(Column.left("IMAGE", 30), Column.right("SIZE", 10), Column.left("LAST USED", 16),
                    Column.left("IN USE", 6), Column.left("ENVIRONMENT", 0));
            images.forEach(image -> table.row(image.tag(), ByteSizes.format(image.sizeBytes()),
                    TIME.format(image.lastUsed()), image.inUse() ? "yes" : "no", image.environment()));
            table.print(out, colour);
        }, "No aml-debug images. They are built by the first run of each environment.", command.commandLine().getOut(),
                command.commandLine().getErr());
        return 0;
    }
}
