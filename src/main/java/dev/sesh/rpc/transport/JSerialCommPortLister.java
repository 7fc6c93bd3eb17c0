package dev.sesh.rpc.transport;

import com.fazecast.jSerialComm.SerialPort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The ports jSerialComm enumerates, sorted by path. It does not list ptys (platform-facts.md). */
public final class JSerialCommPortLister implements PortLister {
    @Override public List<SerialPortInfo> list() {
        List<SerialPortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            int vid = p.getVendorID();
            int pid = p.getProductID();
            boolean usb = vid >= 0 && pid >= 0;
            out.add(new SerialPortInfo(p.getSystemPortPath(), p.getPortDescription(),
                    usb ? vid : SerialPortInfo.NO_ID, usb ? pid : SerialPortInfo.NO_ID,
                    p.getSerialNumber(), p.getManufacturer()));
        }
        out.sort(Comparator.comparing(SerialPortInfo::path));
        return out;
    }
}
