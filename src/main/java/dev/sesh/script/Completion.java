package dev.sesh.script;

/**
 * One completion candidate: {@code value} replaces the word being completed (the identifier after
 * the last dot), {@code description} is a signature such as {@code info() -> BoardInfo}, and
 * {@code complete} is false when the user still has to type (a method that takes arguments ends in "(").
 */
public record Completion(String value, String description, boolean complete) {}
