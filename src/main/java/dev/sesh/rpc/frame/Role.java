package dev.sesh.rpc.frame;

/**
 * Which side of the stream a {@link StreamFramer} parses for (design.md 5.5).
 * {@link #DEVICE} reproduces the firmware's parser with its quirks (mos-rpc.md 1.3);
 * {@link #HOST} is the tolerant client rule of mos-rpc.md 1.6.
 */
public enum Role { HOST, DEVICE }
