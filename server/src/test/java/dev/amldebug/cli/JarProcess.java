package dev.amldebug.cli;

import dev.amldebug.runner.testing.DockerResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real aml-debug jar in its own process, with its output collected. */
final class JarProcess {
    final Process process;
    private final StringBuilder output = new StringBuilder();

    private JarProcess(Process process, boolean collect) {
        this.process = process;
        if (collect) {
            Thread reader = new Thread(() -> copy(process.getInputStream()), "jar-output");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** stdout and stderr together, collected as they come; stdin closed. */
    static JarProcess start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /** With {@code environment} added to this process's. */
    static JarProcess start(Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = builder(args).redirectErrorStream(true);
        builder.environment().putAll(environment);
        JarProcess jar = new JarProcess(builder.start(), true);
        jar.process.getOutputStream().close();
        return jar;
    }

    /** In the folder {@code directory} (the current folder of the command), with {@code environment} added. */
    static JarProcess startIn(java.nio.file.Path directory, Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = builder(args).redirectErrorStream(true).directory(directory.toFile());
        builder.environment().putAll(environment);
        JarProcess jar = new JarProcess(builder.start(), true);
        jar.process.getOutputStream().close();
        return jar;
    }

    /** stdin and stdout left to the caller (a DAP client), stderr collected by the OS into the void. */
    static JarProcess startPiped(String... args) throws IOException {
        ProcessBuilder builder = builder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
        return new JarProcess(builder.start(), false);
    }

    /**
     * The jar with {@code args}, not started; its environment carries the running test's Docker labels
     * ({@link DockerResources#childEnvironment}), so that the test's clean-up finds what the process creates.
     */
    static ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar",
                java.nio.file.Path.of("target/aml-debug.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(DockerResources.childEnvironment());
        return builder;
    }

    /**
     * The jar under a real pseudo-terminal that util-linux's {@code script} opens (its stdin, stdout and stderr),
     * started, with {@code typed} already sent: the terminal holds it until the command reads it. {@code TERM} is a
     * colour terminal and NO_COLOR unset, unless {@code environment} says otherwise.
     */
    static Process underTerminal(Map<String, String> environment, String typed, String... args) throws IOException {
        ProcessBuilder jar = builder(args);
        String command = String.join(" ", jar.command().stream().map(word -> "'" + word.replace("'", "'\\''") + "'").toList());
        ProcessBuilder script = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        script.environment().putAll(jar.environment());
        script.environment().put("TERM", "xterm-256color");
        script.environment().remove("NO_COLOR");
        script.environment().putAll(environment);
        Process process = script.start();
        process.getOutputStream().write(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        return process;
    }

    private void copy(InputStream in) {
        try {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aml-debug did not end within " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    InputStream stdout() {
        return process.getInputStream();
    }
}
