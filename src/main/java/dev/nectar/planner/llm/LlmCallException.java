package dev.nectar.planner.llm;

/**
 * The model did not answer. Grouped by what a caller can do: {@link #retriable()} failures (429, 5xx, a refused
 * connection, all before any text was streamed) may be tried again; the rest (timeouts, 4xx, a stream broken
 * midway) go straight to the fallback.
 */
public class LlmCallException extends RuntimeException {
    private final boolean retriable;
    private final String kind;

    public LlmCallException(String kind, String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retriable = retriable;
    }

    public LlmCallException(String kind, String message) {
        this(kind, message, false, null);
    }

    public boolean retriable() {
        return retriable;
    }

    /** A short label for metrics and logs: timeout, rate_limited, server_error, connection, rejected, invalid_answer. */
    public String kind() {
        return kind;
    }
}
