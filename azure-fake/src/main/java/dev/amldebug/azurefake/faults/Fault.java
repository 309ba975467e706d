package dev.amldebug.azurefake.faults;

import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Response;

/** A failure the fake answers once, instead of the real answer. */
public sealed interface Fault {
    Response response();

    /** 429 with Retry-After, as ARM throttles. */
    record Throttle(int retryAfterSeconds) implements Fault {
        @Override
        public Response response() {
            return new ArmError(429, "TooManyRequests", "The request is being throttled. Please retry after " + retryAfterSeconds + " seconds.")
                    .response().header("Retry-After", Integer.toString(retryAfterSeconds));
        }
    }

    /** 503, as a service that is briefly down answers. */
    record Unavailable() implements Fault {
        @Override
        public Response response() {
            return new ArmError(503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later.").response();
        }
    }

    /** The connection closes with no answer at all. */
    record Reset() implements Fault {
        @Override
        public Response response() {
            return Response.connectionReset();
        }
    }

    /** Any ARM error: status, code and message. */
    record Arm(ArmError error) implements Fault {
        @Override
        public Response response() {
            return error.response();
        }
    }

    static Fault throttle(int retryAfterSeconds) {
        return new Throttle(retryAfterSeconds);
    }

    static Fault unavailable() {
        return new Unavailable();
    }

    static Fault reset() {
        return new Reset();
    }

    static Fault arm(int status, String code, String message) {
        return new Arm(new ArmError(status, code, message));
    }
}
