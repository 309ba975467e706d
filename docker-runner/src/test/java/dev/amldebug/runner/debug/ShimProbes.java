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
     * ran, and "ROLE faststop True" where pydevd's paused threads wait on an event (aml_debug_faststop.py).
     * The script also prints "adapter runs the startup folder: True" when debugpy's adapter
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
                wait = type(get_global_debugger())._do_wait_suspend
                print(role, 'faststop', getattr(wait.__globals__['time'], 'aml_debug_faststop', False), flush=True)

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
            lines.add(role + " faststop True");
        }
        return lines.toArray(String[]::new);
    }

    /**
     * Hands aml_debug_faststop.patch_pydevd modules that are not the pydevd it knows, and prints "CASE left
     * alone, unchanged" for each one it leaves as it was; "like pydevd patched" for a fake that has every part
     * it replaces, so that the fakes are shown to be able to be patched.
     */
    static final String FASTSTOP_UNKNOWN_PYDEVD = """
            import sys, time, types
            faststop = sys.modules['aml_debug_faststop']
            LIFECYCLE = '_pydevd_bundle.pydevd_thread_lifecycle'

            class Polls:
                def _do_wait_suspend(self):
                    time.sleep(0.01)
                def post_internal_command(self, int_cmd, thread_id):
                    pass
                def get_internal_queue(self, thread_id):
                    pass

            class WaitsOtherwise(Polls):
                def _do_wait_suspend(self):
                    pass

            def fake(**changes):
                parts = dict(PyDB=type('PyDB', (Polls,), {}), time=time, STATE_SUSPEND=2,
                             get_global_debugger=lambda: None, get_current_thread_id=lambda thread: '')
                parts.update(changes)
                module = types.ModuleType('pydevd')
                module.__dict__.update({name: part for name, part in parts.items() if part is not None})
                return module

            def state(module, lifecycle):
                db = getattr(module, 'PyDB', None)
                return dict(module.__dict__), db and dict(db.__dict__), dict(lifecycle.__dict__)

            cases = {
                'no PyDB': (fake(PyDB=None), True),
                'a wait that does not sleep': (fake(PyDB=type('PyDB', (WaitsOtherwise,), {})), True),
                'another time module': (fake(time=types.SimpleNamespace(sleep=time.sleep)), True),
                'no STATE_SUSPEND': (fake(STATE_SUSPEND=None), True),
                'no internal_run_thread': (fake(), False),
                'like pydevd': (fake(), True),
            }
            real_lifecycle = sys.modules[LIFECYCLE]
            try:
                for case, (module, runs_threads) in cases.items():
                    lifecycle = types.ModuleType(LIFECYCLE)
                    if runs_threads:
                        lifecycle.internal_run_thread = lambda thread, set_additional_thread_info: None
                    sys.modules[LIFECYCLE] = lifecycle
                    before = state(module, lifecycle)
                    patched = faststop.patch_pydevd(module)
                    print(case, 'patched' if patched else 'left alone',
                          'unchanged' if state(module, lifecycle) == before else 'changed', flush=True)
            finally:
                sys.modules[LIFECYCLE] = real_lifecycle
            """;

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
