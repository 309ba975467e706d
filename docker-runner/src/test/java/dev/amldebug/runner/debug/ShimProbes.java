package dev.amldebug.runner.debug;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Python scripts that report, from inside the debugged processes, what the shim set up there. */
final class ShimProbes {
    /**
     * Prints "ROLE nodelay N" (TCP_NODELAY on pydevd's own socket) in the script, a Python
     * subprocess and its own subprocess, and forked and spawned multiprocessing children; and
     * "ROLE sitecustomize ran" where a sitecustomize that sets sys.image_sitecustomize ran.
     */
    static final String NODELAY_FAMILY = """
            import multiprocessing, os, socket, subprocess, sys
            from _pydevd_bundle.pydevd_constants import get_global_debugger

            def report(role):
                sock = get_global_debugger().writer.sock
                print(role, 'nodelay', sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY), flush=True)
                print(role, 'sitecustomize', getattr(sys, 'image_sitecustomize', 'did not run'), flush=True)

            def start(role):
                subprocess.run([sys.executable, sys.argv[0]], env=dict(os.environ, PROBE_ROLE=role), check=True)

            if __name__ == '__main__':
                role = os.environ.get('PROBE_ROLE', 'script')
                report(role)
                if role == 'script':
                    start('subprocess')
                    for method in ('fork', 'spawn'):
                        child = multiprocessing.get_context(method).Process(target=report, args=(method + ' child',))
                        child.start()
                        child.join()
                elif role == 'subprocess':
                    start('grandchild')
            """;

    /** The sitecustomize an image might have: it must still run in debug runs. */
    static final String IMAGE_SITECUSTOMIZE = "import sys\nsys.image_sitecustomize = 'ran'\n";

    private ShimProbes() {
    }

    /** "name path:line" for each frame of a stackTrace response. */
    static List<String> frames(JsonNode stackTrace) {
        List<String> frames = new ArrayList<>();
        for (JsonNode frame : stackTrace.path("body").path("stackFrames")) {
            frames.add(frame.path("name").asText() + " " + frame.path("source").path("path").asText() + ":"
                    + frame.path("line").asInt());
        }
        return frames;
    }
}
