package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-mortem module's describe(), run by this machine's python3 from the folder the jar ships it to. */
class PostMortemDescribeTest {
    @TempDir
    Path cache;

    @Test
    void anExceptionWhoseStrRaisesIsStillDescribed() throws Exception {
        assertThat(describe("class Broken(Exception):\n    def __str__(self):\n        raise RuntimeError('no')\n"
                + "print(m.describe(Broken()))")).isEqualTo("Broken: <exception str() failed>");
    }

    @Test
    void anOrdinaryExceptionReadsAsItsTracebacksLastLine() throws Exception {
        assertThat(describe("print(m.describe(ZeroDivisionError('division by zero')))"))
                .isEqualTo("ZeroDivisionError: division by zero");
    }

    private String describe(String code) throws Exception {
        Path folder = DebugShim.folder(cache);
        Process python = new ProcessBuilder("python3", "-c", "import sys\nsys.path.insert(0, '" + folder + "')\n"
                + "import aml_debug_postmortem as m\n" + code).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor()).as(output).isZero();
        return output;
    }
}
