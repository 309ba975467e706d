package dev.amldebug.runner.debug;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.testing.Crc;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.TorchImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text of the shim's aml_debug_fingerprint for plain values, numpy arrays and pandas frames under the base
 * image's Python (numpy and pandas come with it), and for torch tensors under the distributed example's image. One
 * container per image for every case.
 */
@ExtendWith(DockerResources.class)
class FingerprintIT {
    private static final String CASES = """
            import numpy as np, pandas as pd
            import aml_debug_fingerprint as f
            class Bad:
                def __repr__(self): raise ValueError('no repr')
            class Lines:
                def __repr__(self): return 'a\\nb'
            a = np.arange(6, dtype=np.float32).reshape(2, 3)
            frame = pd.DataFrame({'x': [1, 2, 3], 'y': [0.5, 1.5, 2.5]})
            cases = [('int', 3), ('dict', {'lr': 0.001}), ('long', 'x' * 500), ('lines', Lines()), ('bad', Bad()),
                     ('array', a), ('transposed', a.T), ('copy', np.ascontiguousarray(a.T)),
                     ('single', np.array(0.25, dtype=np.float32)), ('objects', np.array([1, 'a'], dtype=object)),
                     ('frame', frame), ('same frame', frame.copy()), ('renamed', frame.rename(columns={'x': 'z'})),
                     ('series', frame['x'])]
            f.EXACT_BYTES, f.SAMPLE_BYTES = 1000, 100
            big = np.arange(10000, dtype=np.float32).reshape(100, 100)
            unseen = big.copy()
            unseen[1, 1] = -1
            cases += [('sampled', big), ('unseen', unseen)]
            for name, value in cases:
                print(name + ': ' + repr(f.of(value)))
            """;
    private static final String TENSORS = """
            import torch
            import aml_debug_fingerprint as f
            w = torch.arange(6, dtype=torch.float32).reshape(2, 3)
            c = torch.tensor([1 + 2j], dtype=torch.complex64)
            cases = [('tensor', w), ('transposed', w.t()), ('copy', w.t().contiguous()),
                     ('grad', w.clone().requires_grad_()), ('parameter', torch.nn.Parameter(w.clone())),
                     ('conj', c.conj()), ('resolved', c.conj().resolve_conj()), ('bfloat16', torch.ones(2, dtype=torch.bfloat16)),
                     ('single', torch.tensor(0.25)), ('meta', torch.empty(3, device='meta'))]
            f.EXACT_BYTES, f.SAMPLE_BYTES = 1000, 100
            cases += [('sampled', torch.arange(10000, dtype=torch.float32).reshape(100, 100))]
            for name, value in cases:
                print(name + ': ' + repr(f.of(value)))
            """;
    private static Map<String, String> printed;
    private static Map<String, String> tensors;

    @TempDir
    static Path cache;

    @BeforeAll
    static void run() {
        printed = printed(BASE_IMAGE, CASES);
        tensors = printed(TorchImage.tag(), TENSORS);
    }

    /** Each line {@code name: text} that {@code script} prints, by name. */
    private static Map<String, String> printed(String image, String script) {
        Path startup = DebugShim.folder(cache).resolve("startup");
        String id = docker().createContainerCmd(image).withLabels(DockerResources.labels())
                .withEnv("PYTHONPATH=/startup").withCmd("python3", "-c", script)
                .withHostConfig(HostConfig.newHostConfig().withBinds(
                        new Bind(startup.toString(), new Volume("/startup"), AccessMode.ro))).exec().getId();
        try {
            docker().startContainerCmd(id).exec();
            int exit = docker().waitContainerCmd(id).start().awaitStatusCode(120, TimeUnit.SECONDS);
            String out = new String(new RunContainers(docker()).logs(id), StandardCharsets.UTF_8);
            assertThat(exit).as(out).isZero();
            Map<String, String> lines = new LinkedHashMap<>();
            out.lines().map(line -> line.split(": ", 2)).forEach(parts -> lines.put(parts[0], parts[1]));
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            new RunContainers(docker()).remove(id);
        }
    }

    @Test
    void anythingElseIsItsReprOnOneLineCutWithTheWholeLengthAndCrc() {
        String repr = "'" + "x".repeat(500) + "'";
        assertThat(printed).containsEntry("int", "3").containsEntry("dict", "{'lr': 0.001}")
                .containsEntry("long", repr.substring(0, 200) + "... (502 characters, crc="
                        + Crc.of(repr.getBytes(StandardCharsets.UTF_8)) + ")")
                .containsEntry("lines", "a\\nb").containsEntry("bad", "<repr failed: ValueError: no repr>");
    }

    @Test
    void anArrayIsItsShapeDtypeAndTheCrcOfItsElementsInRowMajorOrderWhateverItsStrides() {
        assertThat(printed).containsEntry("array", "ndarray[2, 3] float32 crc=" + Crc.ofFloats(0, 1, 2, 3, 4, 5))
                .containsEntry("transposed", "ndarray[3, 2] float32 crc=" + Crc.ofFloats(0, 3, 1, 4, 2, 5))
                .containsEntry("copy", printed.get("transposed"))
                .containsEntry("single", "ndarray[] float32 value=0.25 crc=" + Crc.ofFloats(0.25f));
        assertThat(printed.get("objects")).startsWith("ndarray[2] object repr-crc~=");
    }

    @Test
    void aBigArrayIsComparedByAnEvenlySpacedSampleAndSaysSo() {
        // 10,000 elements, 25 kept: the first row (a step of 100 rows), every 4th column.
        float[] sample = new float[25];
        IntStream.range(0, 25).forEach(i -> sample[i] = i * 4);
        assertThat(printed).containsEntry("sampled", "ndarray[100, 100] float32 crc~=" + Crc.ofFloats(sample))
                .containsEntry("unseen", printed.get("sampled"));
    }

    @Test
    void aTensorIsItsShapeDtypeDeviceAndTheCrcOfItsElementsWhateverItsStridesGradOrLazyConjugation() {
        String tensor = "Tensor[2, 3] float32 cpu crc=" + Crc.ofFloats(0, 1, 2, 3, 4, 5);
        assertThat(tensors).containsEntry("tensor", tensor).containsEntry("grad", tensor).containsEntry("parameter", tensor)
                .containsEntry("transposed", "Tensor[3, 2] float32 cpu crc=" + Crc.ofFloats(0, 3, 1, 4, 2, 5))
                .containsEntry("copy", tensors.get("transposed"))
                .containsEntry("conj", "Tensor[1] complex64 cpu value=(1-2j) crc=" + Crc.ofFloats(1, -2))
                .containsEntry("resolved", tensors.get("conj"))
                .containsEntry("bfloat16", "Tensor[2] bfloat16 cpu crc=" + Crc.of(new byte[] {(byte) 0x80, 0x3f, (byte) 0x80, 0x3f}))
                .containsEntry("single", "Tensor[] float32 cpu value=0.25 crc=" + Crc.ofFloats(0.25f))
                .containsEntry("meta", "Tensor[3] float32 meta (no data to compare)")
                .containsEntry("sampled", printed.get("sampled").replace("ndarray", "Tensor").replace(" float32 ", " float32 cpu "));
    }

    @Test
    void framesCompareByTheirValuesAndTheirColumnNames() {
        assertThat(printed.get("frame")).matches("DataFrame\\[3 x 2] crc=[0-9a-f]{8}");
        assertThat(printed).containsEntry("same frame", printed.get("frame"));
        assertThat(printed.get("renamed")).startsWith("DataFrame[3 x 2] crc=").isNotEqualTo(printed.get("frame"));
        assertThat(printed.get("series")).matches("Series\\[3] int64 crc=[0-9a-f]{8}");
    }
}
