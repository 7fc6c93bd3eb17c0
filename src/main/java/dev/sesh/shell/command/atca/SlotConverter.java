package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli's converter for a SLOT argument: decimal or 0x-hex, 0-15. Its {@code SeshException}
 * ("slot 16 does not exist", "slot 'x' is not a number") reaches the user as it is: the console's
 * parameter-exception handler reports a converter's own error instead of picocli's wrapping.
 */
final class SlotConverter implements ITypeConverter<Slot> {
    @Override public Slot convert(String text) {
        return Slot.of(AtcaCli.number(text, "slot"), text);
    }
}
