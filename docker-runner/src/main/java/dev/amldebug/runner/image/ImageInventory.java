package dev.amldebug.runner.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Lists and prunes the images aml-debug built, and only those (found by their labels). */
public final class ImageInventory {
    private final DockerClient docker;
    private final ImageUsage usage;
    private final Map<String, String> labelFilter;

    public ImageInventory(DockerClient docker, ImageUsage usage) {
        this(docker, usage, Map.of(ImageLabels.MANAGED, "true"));
    }

    /** @param labelFilter which images count; always at least our managed label */
    public ImageInventory(DockerClient docker, ImageUsage usage, Map<String, String> labelFilter) {
        this.docker = docker;
        this.usage = usage;
        this.labelFilter = labelFilter;
    }

    /** Newest use first. */
    public List<ManagedImage> list() {
        Set<String> inUse = docker.listContainersCmd().exec().stream()
                .map(Container::getImageId).collect(Collectors.toSet());
        List<ManagedImage> images = new ArrayList<>();
        for (Image image : docker.listImagesCmd().withLabelFilter(labelFilter).exec()) {
            Map<String, String> labels = image.getLabels() == null ? Map.of() : image.getLabels();
            String hash = labels.getOrDefault(ImageLabels.ENV_HASH, "");
            Instant created = Instant.ofEpochSecond(image.getCreated());
            String tag = image.getRepoTags() == null || image.getRepoTags().length == 0 ? image.getId() : image.getRepoTags()[0];
            images.add(new ManagedImage(image.getId(), tag, hash, labels.getOrDefault(ImageLabels.DESCRIPTION, ""),
                    image.getSize(), created, usage.lastUse(hash).orElse(created), inUse.contains(image.getId())));
        }
        images.sort(Comparator.comparing(ManagedImage::lastUsed).reversed());
        return images;
    }

    /**
     * Removes images last used longer ago than {@code olderThan}, or every image with {@code all}.
     * An image a running container uses is always kept.
     */
    public PruneResult prune(Duration olderThan, boolean all) {
        Instant cutoff = Instant.now().minus(olderThan);
        List<ManagedImage> removed = new ArrayList<>();
        List<ManagedImage> kept = new ArrayList<>();
        long freed = 0;
        // Derived images go before the "-base" images they are built on.
        List<ManagedImage> candidates = list().stream()
                .filter(image -> all || image.lastUsed().isBefore(cutoff))
                .sorted(Comparator.comparing((ManagedImage image) -> image.tag().endsWith("-base")))
                .toList();
        for (ManagedImage image : candidates) {
            if (image.inUse() || !remove(image)) {
                kept.add(image);
                continue;
            }
            removed.add(image);
            freed += image.sizeBytes();
            if (!image.tag().endsWith("-base")) {
                usage.forget(image.hash());
            }
        }
        return new PruneResult(removed, kept, freed);
    }

    /** False when Docker refuses because a (stopped) container still refers to the image. */
    private boolean remove(ManagedImage image) {
        try {
            docker.removeImageCmd(image.id()).withForce(false).exec();
            return true;
        } catch (ConflictException e) {
            return false;
        } catch (NotFoundException e) {
            return true;
        }
    }
}
