package dev.sesh.shell;

import dev.sesh.device.Board;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Optional;

/**
 * The prompt: {@code sesh [PORT ...]>}, naming the connection and, once known, the chip and its
 * zone locks (e.g. {@code sesh [ttyUSB0 ATECC508A cfg:locked data:open]>}). Plain text when colours
 * are off (NO_COLOR or not a terminal).
 */
public final class StatusPrompt {
    private final boolean colour;

    public StatusPrompt(boolean colour) { this.colour = colour; }

    public String render(Optional<Board> board) {
        String inside = board.map(Board::statusLine).orElse("not connected");
        if (!colour) return "sesh [" + inside + "]> ";
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.style(AttributedStyle.BOLD).append("sesh").style(AttributedStyle.DEFAULT).append(" [");
        sb.style(AttributedStyle.DEFAULT.foreground(board.isPresent() ? AttributedStyle.CYAN : AttributedStyle.YELLOW)).append(inside);
        sb.style(AttributedStyle.DEFAULT).append("]> ");
        return sb.toAnsi();
    }
}
