package dev.sesh.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The ways a byte stream can arrive: whole, one byte at a time, and split in two at every offset.
 * A streaming parser must give the same result for each (style.md rule 3).
 */
public final class ByteFeeds {
    /** One way of cutting {@code data} into reads; {@code name} says which, for assertion messages. */
    public record Feed(String name, List<byte[]> chunks) {}

    private ByteFeeds() {}

    public static List<Feed> of(byte[] data) {
        List<Feed> feeds = new ArrayList<>();
        feeds.add(new Feed("whole", List.of(data.clone())));
        List<byte[]> singles = new ArrayList<>();
        for (byte b : data) singles.add(new byte[]{b});
        feeds.add(new Feed("byte-at-a-time", singles));
        for (int i = 1; i < data.length; i++) {
            feeds.add(new Feed("split@" + i, List.of(Arrays.copyOfRange(data, 0, i), Arrays.copyOfRange(data, i, data.length))));
        }
        return feeds;
    }

    public static List<Feed> of(String latin1) { return of(latin1.getBytes(StandardCharsets.ISO_8859_1)); }

    /** Runs a fresh consumer over each chunk of a feed and concatenates what it returns. */
    public static <E> List<E> collect(Feed feed, Function<byte[], List<E>> consumer) {
        List<E> out = new ArrayList<>();
        for (byte[] c : feed.chunks()) out.addAll(consumer.apply(c));
        return out;
    }
}
