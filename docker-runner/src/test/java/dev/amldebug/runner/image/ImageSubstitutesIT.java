package dev.amldebug.runner.image;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An image that cannot be pulled runs on its substitute, says so, and is never tagged with the other's name. */
@ExtendWith(DockerResources.class)
class ImageSubstitutesIT {
    private static final String UNREACHABLE = "registry.invalid/azureml/curated:1";

    @TempDir
    Path config;

    @Test
    void anUnpullableImageRunsOnItsSubstituteAndTheLogSaysWhy() throws Exception {
        Path file = Files.writeString(config.resolve("image-substitutes"), "# ours\n" + UNREACHABLE + " = " + BASE_IMAGE + "\n");
        List<String> log = new ArrayList<>();

        ImageRef image = new EnvironmentImages(docker(), ImageSubstitutes.of(Map.of(), file))
                .ensure(EnvironmentSpec.ofImage(UNREACHABLE), ImageBuildListener.lines(log::add));

        assertThat(String.join("\n", log)).contains("Using " + BASE_IMAGE + " for " + UNREACHABLE
                + ": it could not be pulled (", file + ":2");
        assertThat(docker().inspectImageCmd(image.tag()).exec().getConfig().getLabels())
                .containsEntry(ImageLabels.BASE_IMAGE, BASE_IMAGE);
        assertThat(tagged(UNREACHABLE)).isFalse();
    }

    @Test
    void withoutASubstituteTheBuildFailsNamingTheImage() {
        List<String> log = new ArrayList<>();
        EnvironmentImages images = new EnvironmentImages(docker(), ImageSubstitutes.of(Map.of(), config.resolve("none")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> images.ensure(EnvironmentSpec.ofImage(UNREACHABLE),
                ImageBuildListener.lines(log::add))).isInstanceOf(BuildFailedException.class);
        assertThat(String.join("\n", log)).contains(UNREACHABLE + " is not present locally");
    }

    private static boolean tagged(String image) {
        try {
            docker().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
