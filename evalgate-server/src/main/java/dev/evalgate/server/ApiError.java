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

    /** The request is fine but the server's files do not allow it, e.g. a labels folder that is not writable. */
    static ApiError conflict(String message) {
        return new ApiError(HttpStatus.CONFLICT, message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(HttpStatus.FORBIDDEN, message);
    }

    static ApiError unsupportedMediaType(String message) {
        return new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message);
    }

    HttpStatus status() {
        return status;
    }
}
