import * as assert from 'assert';
import { RestartPolicy } from '../src/restartPolicy';

class FakeClock {
    time = 1_000_000;
    readonly now = (): number => this.time;
    advance(seconds: number): void {
        this.time += seconds * 1000;
    }
}

describe('restartPolicy: how often a stopped server restarts', () => {
    it('restarts five times within three minutes, then stops', () => {
        const clock = new FakeClock();
        const policy = new RestartPolicy(clock.now);
        for (let i = 1; i <= 5; i++) {
            assert.strictEqual(policy.shouldRestart(), true, `restart ${i}`);
            assert.strictEqual(policy.recentRestarts, i);
            clock.advance(30);
        }
        assert.strictEqual(policy.shouldRestart(), false);
        assert.strictEqual(policy.shouldRestart(), false, 'stays stopped');
    });

    it('forgets restarts older than three minutes', () => {
        const clock = new FakeClock();
        const policy = new RestartPolicy(clock.now);
        for (let i = 0; i < 5; i++) {
            assert.ok(policy.shouldRestart());
            clock.advance(10);
        }
        clock.advance(180 - 50);    // the first restart is now exactly three minutes old
        assert.strictEqual(policy.shouldRestart(), true);
        assert.strictEqual(policy.recentRestarts, 5);
        assert.strictEqual(policy.shouldRestart(), false, 'the other four are still within the window');
    });

    it('keeps restarting a server that stops now and then, however often in total', () => {
        const clock = new FakeClock();
        const policy = new RestartPolicy(clock.now);
        for (let i = 0; i < 50; i++) {
            assert.strictEqual(policy.shouldRestart(), true, `restart ${i + 1}`);
            clock.advance(40);
        }
    });

    it('names the server log when it gives up', () => {
        const policy = new RestartPolicy(() => 0);
        assert.match(policy.stoppedMessage, /5 restarts within 3 minutes/);
        assert.match(policy.stoppedMessage, /"Azure ML server" output \(Azure ML: Show server log\)/);
    });

    it('takes other limits', () => {
        const clock = new FakeClock();
        const policy = new RestartPolicy(clock.now, 2, 10_000);
        assert.ok(policy.shouldRestart());
        assert.ok(policy.shouldRestart());
        assert.strictEqual(policy.shouldRestart(), false);
        clock.advance(10);
        assert.ok(policy.shouldRestart());
    });
});
