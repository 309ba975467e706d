package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.docker.ExtraLabels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The user an image runs as (its {@code USER}), as numbers, so that the run's writable folders can be handed to it:
 * an image with {@code USER mluser} must write its outputs and its working folder even when aml-debug runs as root.
 * A name is looked up in the image's own {@code /etc/passwd}, read from a container that is created, never started.
 */
public final class ImageUser {
    /** uid and gid. */
    record Ids(int uid, int gid) {
    }

    private final DockerClient docker;

    public ImageUser(DockerClient docker) {
        this.docker = docker;
    }

    /** The image's user, or empty when it runs as root. */
    Optional<Ids> of(String image) {
        InspectImageResponse inspected = docker.inspectImageCmd(image).exec();
        String user = inspected.getConfig() == null ? null : inspected.getConfig().getUser();
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        String group = user.contains(":") ? user.substring(user.indexOf(':') + 1) : null;
        Ids ids = isNumber(name) ? new Ids(Integer.parseInt(name), group != null && isNumber(group)
                ? Integer.parseInt(group) : Integer.parseInt(name)) : lookUp(image, name);
        return ids.uid() == 0 ? Optional.empty() : Optional.of(ids);
    }

    /** Hands {@code folders}, and everything in them, to the image's user; only root can, and only root needs to. */
    public void handOver(String image, List<Path> folders) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        Optional<Ids> ids = of(image);
        if (ids.isEmpty()) {
            return;
        }
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Files.setAttribute(path, "unix:uid", ids.get().uid(), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:gid", ids.get().gid(), LinkOption.NOFOLLOW_LINKS);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot hand " + folder + " to the image's user", e);
            }
        }
    }

    private Ids lookUp(String image, String name) {
        String id = docker.createContainerCmd(image).withEntrypoint("/bin/true").withCmd(List.of())
                .withLabels(ExtraLabels.with(Map.of(ContainerLabels.MANAGED, "true"))).exec().getId();
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, "/etc/passwd").exec();
             TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            entries.getNextEntry();
            String passwd = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
            return passwd.lines().map(line -> line.split(":"))
                    .filter(fields -> fields.length > 3 && fields[0].equals(name)).findFirst()
                    .map(fields -> new Ids(Integer.parseInt(fields[2]), Integer.parseInt(fields[3])))
                    .orElseThrow(() -> AmlDebugException.badInput("The image " + image + " runs as user '" + name + "', which its /etc/passwd does not"
                            + " list: give USER as a number (USER 1000) or add the user to the image."));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /etc/passwd of image " + image, e);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
