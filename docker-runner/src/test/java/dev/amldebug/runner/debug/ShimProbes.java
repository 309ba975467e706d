package dev.amldebug.runner.debug;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.StackFrame;

/** Python scripts that report, from inside the debugged processes, what the shim set up there. */
final class ShimProbes {
    /**
     * In the script, a Python subprocess and its own, and forked and spawned multiprocessing
     * children, prints "ROLE pydevd nodelay N" (TCP_NODELAY on pydevd's own socket), "ROLE
     * adapter sockets nodelay N" (on sockets made as debugpy's adapter makes them, in this
     * process) and "ROLE sitecustomize ran" where a sitecustomize that sets sys.image_sitecustomize
     * ran. The script also prints "adapter runs the startup folder: True" when debugpy's adapter
     * process (the other end of pydevd's socket) has the shim's startup folder first on PYTHONPATH.
     */
    static final String NODELAY_FAMILY = """
            import multiprocessing, os, socket, struct, subprocess, sys
            from _pydevd_bundle.pydevd_constants import get_global_debugger

            def nodelay(sock):
                return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)

            def adapter_sockets():
                from debugpy.common import sockets
                listener = sockets.create_server('127.0.0.1', 0)
                client = sockets.create_client()
                client.connect(listener.getsockname())
                accepted = listener.accept()[0]
                return min(nodelay(listener), nodelay(client), nodelay(accepted))

            def report(role):
                print(role, 'pydevd nodelay', nodelay(get_global_debugger().writer.sock), flush=True)
                print(role, 'adapter sockets nodelay', adapter_sockets(), flush=True)
                print(role, 'sitecustomize', getattr(sys, 'image_sitecustomize', 'did not run'), flush=True)

            def proc_address(address):
                return '%08X:%04X' % (struct.unpack('<I', socket.inet_aton(address[0]))[0], address[1])

            def peer_environment(sock):
                # The environment of the process at the other end of sock, found through /proc.
                ends = (proc_address(sock.getpeername()), proc_address(sock.getsockname()))
                inodes = [line.split()[9] for line in open('/proc/net/tcp').readlines()[1:]
                          if tuple(line.split()[1:3]) == ends]
                for pid in filter(str.isdigit, os.listdir('/proc')):
                    try:
                        links = [os.readlink('/proc/%s/fd/%s' % (pid, fd)) for fd in os.listdir('/proc/%s/fd' % pid)]
                    except OSError:
                        continue
                    if any(link == 'socket:[%s]' % inode for inode in inodes for link in links):
                        raw = open('/proc/%s/environ' % pid, 'rb').read().decode()
                        return dict(entry.split('=', 1) for entry in raw.split('\\0') if '=' in entry)
                return {}

            def start(role):
                subprocess.run([sys.executable, sys.argv[0]], env=dict(os.environ, PROBE_ROLE=role), check=True)

            if __name__ == '__main__':
                role = os.environ.get('PROBE_ROLE', 'script')
                report(role)
                if role == 'script':
                    shim = sys.modules.get('aml_debug_nodelay')
                    startup = shim and os.path.join(os.path.dirname(shim.__file__), 'startup')
                    adapter = peer_environment(get_global_debugger().writer.sock)
                    print('adapter runs the startup folder:', adapter.get('PYTHONPATH', '').split(os.pathsep)[0] == startup)
                    start('subprocess')
                    for method in ('fork', 'spawn'):
                        child = multiprocessing.get_context(method).Process(target=report, args=(method + ' child',))
                        child.start()
                        child.join()
                elif role == 'subprocess':
                    start('grandchild')
            """;

    /** What {@link #NODELAY_FAMILY} prints when every process and the adapter have TCP_NODELAY. */
    static final String[] NODELAY_EVERYWHERE = nodelayEverywhere();

    private static String[] nodelayEverywhere() {
        List<String> lines = new ArrayList<>(List.of("adapter runs the startup folder: True"));
        for (String role : List.of("script", "subprocess", "grandchild", "fork child", "spawn child")) {
            lines.add(role + " pydevd nodelay 1");
            lines.add(role + " adapter sockets nodelay 1");
        }
        return lines.toArray(String[]::new);
    }

    /** The sitecustomize an image might have: it must still run in debug runs. */
    static final String IMAGE_SITECUSTOMIZE = "import sys\nsys.image_sitecustomize = 'ran'\n";

    private ShimProbes() {
    }

    /** "name path:line" for each frame of a stackTrace response. */
    static List<String> frames(StackFrame[] stackTrace) {
        List<String> frames = new ArrayList<>();
        for (StackFrame frame : stackTrace) {
            frames.add(frame.getName() + " " + frame.getSource().getPath() + ":" + frame.getLine());
        }
        return frames;
    }
}
