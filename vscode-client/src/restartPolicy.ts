// How often a server that stops is started again: at most 5 restarts in any 3 minutes, as vscode-java
// allows. A server that stops more often than that stays stopped, and the user is told why.

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy {
    /** When each restart within the window happened, oldest first. */
    private readonly restarts: number[] = [];

    constructor(private readonly now: () => number = Date.now,
        readonly maxRestarts = MAX_RESTARTS, readonly windowMs = RESTART_WINDOW_MS) {}

    /** Called each time the server stops: true (and counted) to restart it, false once the window is full. */
    shouldRestart(): boolean {
        const now = this.now();
        while (this.restarts.length > 0 && now - this.restarts[0] >= this.windowMs) {
            this.restarts.shift();
        }
        if (this.restarts.length >= this.maxRestarts) {
            return false;
        }
        this.restarts.push(now);
        return true;
    }

    /** Restarts counted in the current window, the one just granted included. */
    get recentRestarts(): number {
        return this.restarts.length;
    }

    /** What to tell the user when the server stays stopped. */
    get stoppedMessage(): string {
        return `The Azure ML server stopped again after ${this.maxRestarts} restarts within ${this.windowMs / 60000} minutes, `
            + 'so it will not be restarted. Its log is the "Azure ML server" output (Azure ML: Show server log); '
            + 'fix what it reports, then reload the window to start the server again.';
    }
}
