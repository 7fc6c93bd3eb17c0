package dev.sesh.shell.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code i2c scan} grid, laid out as i2cdetect prints it: a hex column header, rows
 * {@code 00:} to {@code 70:}, found addresses as two hex digits, silent ones as {@code --}. The
 * reserved addresses 0x00-0x07 are blank and 0x78-0x7f are left out, because they are never probed.
 */
public final class I2cGrid {
    static final int FIRST = 0x08;
    static final int LAST = 0x77;

    private I2cGrid() {}

    /** The grid for the 7-bit addresses in {@code found}, each line ending in {@code \n}. */
    public static String render(Collection<Integer> found) {
        StringBuilder out = new StringBuilder("     0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f\n");
        for (int row = 0; row <= 0x70; row += 0x10) {
            out.append(String.format("%02x:", row));
            for (int col = 0; col < 16; col++) {
                int addr = row + col;
                if (addr > LAST) break;
                if (addr < FIRST) out.append("   ");
                else out.append(found.contains(addr) ? String.format(" %02x", addr) : " --");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** E.g. {@code 3 devices: 0x48 (register device?), 0x50 (EEPROM?), 0x60 (ATECC508A/608A?)}, or {@code no devices}. */
    public static String summary(Collection<Integer> found) {
        TreeSet<Integer> sorted = new TreeSet<>(found);
        if (sorted.isEmpty()) return "no devices";
        List<String> parts = new ArrayList<>();
        for (int addr : sorted) {
            String guess = guess(addr);
            parts.add(String.format("0x%02x", addr) + (guess.isEmpty() ? "" : " (" + guess + ")"));
        }
        return sorted.size() + (sorted.size() == 1 ? " device: " : " devices: ") + String.join(", ", parts);
    }

    /** What usually sits at 7-bit {@code addr}, with a question mark, or "" (also Tab's description). */
    // Common default addresses only; a question mark because any part may sit anywhere.
    public static String guess(int addr) {
        if (addr == 0x60) return "ATECC508A/608A?";
        if (addr == 0x35 || addr == 0x36) return "ATECC608 TrustFLEX/TNG?";
        if (addr >= 0x50 && addr <= 0x57) return "EEPROM?";
        if (addr >= 0x48 && addr <= 0x4f) return "register device?";
        if (addr == 0x68) return "RTC or IMU?";
        if (addr == 0x3c || addr == 0x3d) return "OLED display?";
        if (addr == 0x76 || addr == 0x77) return "pressure sensor?";
        return "";
    }
}
