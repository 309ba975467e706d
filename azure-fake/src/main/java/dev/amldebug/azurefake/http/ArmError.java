package dev.amldebug.azurefake.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An ARM error as Resource Manager writes it: {@code {"error": {"code", "message"}}} with an HTTP status. */
public record ArmError(int status, String code, String message) {

    public static ArmError notFound(String what) {
        return new ArmError(404, "ResourceNotFound", "The Resource '" + what + "' was not found.");
    }

    public static ArmError badRequest(String code, String message) {
        return new ArmError(400, code, message);
    }

    public Response response() {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        Response response = Response.json(status, body).header("x-ms-failure-cause", status >= 500 ? "service" : "gateway");
        return status == 401 ? response.header("WWW-Authenticate",
                "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\", error_description=\"" + message + "\"")
                : response;
    }
}
