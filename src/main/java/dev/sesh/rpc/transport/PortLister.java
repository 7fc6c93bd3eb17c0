package dev.sesh.rpc.transport;

import java.util.List;

/** Lists the serial ports present now. An interface so port choice is tested with fake lists (ptys are not listed). */
@FunctionalInterface
public interface PortLister {
    List<SerialPortInfo> list();
}
