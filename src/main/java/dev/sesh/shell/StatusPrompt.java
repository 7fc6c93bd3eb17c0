package dev.sesh.shell;

import dev.sesh.device.Board;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Optional;

/**
 * The prompt: {@code sesh [PORT ...]>}, naming the connection and, once known, the chip and its
 * zone locks (e.g. {@code sesh [ttyUSB0 ATECC508A cfg:locked data:open]>}). Plain text when colours
 * are off (NO_COLOR or not a terminal); with colours an open zone is yellow (it can still change)
 * and a locked one green.
 */
public final class StatusPrompt {
    private final boolean colour;

    public StatusPrompt(boolean colour) { this.colour = colour; }

    public String render(Session session) { return render(session.currentBoard(), session.chip()); }

    public String render(Optional<Board> board, Optional<ChipSummary> chip) {
        String port = board.map(Board::statusLine).orElse("not connected");
        if (!colour) return "sesh [" + port + chip.map(c -> " " + c.text()).orElse("") + "]> ";
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.style(AttributedStyle.BOLD).append("sesh").style(AttributedStyle.DEFAULT).append(" [");
        sb.style(AttributedStyle.DEFAULT.foreground(board.isPresent() ? AttributedStyle.CYAN : AttributedStyle.YELLOW)).append(port);
        chip.ifPresent(c -> {
            sb.style(AttributedStyle.DEFAULT).append(" " + c.model());
            zone(sb, " cfg:", c.configLocked());
            zone(sb, " data:", c.dataLocked());
        });
        sb.style(AttributedStyle.DEFAULT).append("]> ");
        return sb.toAnsi();
    }

    private static void zone(AttributedStringBuilder sb, String label, boolean locked) {
        sb.style(AttributedStyle.DEFAULT).append(label);
        sb.style(AttributedStyle.DEFAULT.foreground(locked ? AttributedStyle.GREEN : AttributedStyle.YELLOW)).append(locked ? "locked" : "open");
    }
}
