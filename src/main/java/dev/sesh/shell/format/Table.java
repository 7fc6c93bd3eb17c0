package dev.sesh.shell.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for humans: a header row and aligned columns two spaces apart, no borders and no
 * trailing spaces. Columns are left-aligned unless marked with {@link #alignRight}.
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] right;

    private Table(List<String> header) {
        this.header = header;
        this.right = new boolean[header.size()];
    }

    public static Table of(String... header) {
        if (header.length == 0) throw new IllegalArgumentException("a table has at least one column");
        return new Table(List.of(header));
    }

    /** Adds a row; {@code cells} are printed with {@code String.valueOf}, one per column. */
    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) row.add(String.valueOf(c));
        rows.add(row);
        return this;
    }

    /** Right-aligns the given zero-based columns (numbers, sizes). */
    public Table alignRight(int... columns) {
        for (int c : columns) right[c] = true;
        return this;
    }

    public int size() { return rows.size(); }

    /** Plain text, each line ending in {@code \n}. */
    public String render() { return render(Style.plain()); }

    /** As {@link #render()}, the header in bold when {@code style} allows colours. */
    public String render(Style style) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int c = 0; c < width.length; c++) width[c] = Math.max(width[c], row.get(c).length());
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            String line = line(all.get(r), width);
            out.append(r == 0 ? style.bold(line) : line).append('\n');
        }
        return out.toString();
    }

    private String line(List<String> row, int[] width) {
        String[] cells = new String[width.length];
        for (int c = 0; c < width.length; c++) {
            String cell = row.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            cells[c] = right[c] ? pad + cell : cell + pad;
        }
        return String.join("  ", Arrays.asList(cells)).stripTrailing();
    }
}
