package dev.evalgate.server;

import io.javalin.http.HttpStatus;

/** A request the server cannot answer as asked, with the status and a message that says what to change. */
final class ApiError extends RuntimeException {

    private final HttpStatus status;

    private ApiError(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static ApiError notFound(String message) {
        return new ApiError(HttpStatus.NOT_FOUND, message);
    }

    static ApiError badRequest(String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, message);
    }

    HttpStatus status() {
        return status;
    }
}
