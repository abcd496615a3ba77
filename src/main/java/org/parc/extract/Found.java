package org.parc.extract;

/** An extracted value with the evidence for it. */
public record Found<T>(T value, Evidence evidence) {
    public static <T> Found<T> of(T value, String method, String detail) {
        return new Found<>(value, new Evidence(method, detail));
    }
}
