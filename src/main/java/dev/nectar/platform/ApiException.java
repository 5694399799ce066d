package dev.nectar.platform;

/** A failure a client can act on; rendered by {@link ErrorMapper} as the contract's error body. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String code, String message, String field) {
        return new ApiException(400, code, message, field);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "INVALID_FIELD", message, field);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "UNAUTHORIZED", "missing or invalid credentials", null);
    }

    public static ApiException forbidden() {
        return new ApiException(403, "FORBIDDEN", "these credentials belong to another merchant", null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " not found", null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, null);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "TOO_LARGE", message, null);
    }

    public static ApiException unsupported(String message) {
        return new ApiException(415, "UNSUPPORTED_TYPE", message, null);
    }

    public static ApiException rateLimited() {
        return new ApiException(429, "RATE_LIMITED", "too many requests, slow down", null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
