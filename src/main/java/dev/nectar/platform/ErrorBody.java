package dev.nectar.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's error format: {"error":{"code","message","field"}}. */
public record ErrorBody(Error error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String field) {
    }

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(new Error(code, message, field));
    }
}
