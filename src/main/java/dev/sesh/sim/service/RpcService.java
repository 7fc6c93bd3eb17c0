package dev.sesh.sim.service;

import java.util.List;

/** RPC.List, RPC.Describe and RPC.Ping (rpc-common; mos-rpc.md 4.1, mos-captures README 6.1). */
public final class RpcService implements SimService {
    @Override public List<SimMethod> init(SimContext ctx) {
        return List.of(
                new SimMethod("RPC.List", "", RpcService::list),
                new SimMethod("RPC.Describe", "{name: %T}", RpcService::describe),
                new SimMethod("RPC.Ping", "", RpcService::ping));
    }

    static SimReply list(SimRequest req, SimContext ctx) {
        StringBuilder sb = new StringBuilder("[");
        for (SimMethod m : ctx.methods()) sb.append(sb.length() > 1 ? "," : "").append(DeviceJsonOut.quoted(m.name()));
        return SimReply.result(sb.append(']').toString());
    }

    // The name is the raw token: escapes are not decoded, and the match is case-sensitive.
    static SimReply describe(SimRequest req, SimContext ctx) {
        var name = req.args().token("name");
        if (name.isEmpty()) return SimReply.error(400, "name is required");
        for (SimMethod m : ctx.methods()) {
            if (m.name().equals(name.get().text())) {
                return SimReply.result("{\"name\": " + DeviceJsonOut.quoted(m.name())
                        + ", \"args_fmt\": " + DeviceJsonOut.quoted(m.argsFmt()) + "}");
            }
        }
        return SimReply.error(404, "name not found");
    }

    static SimReply ping(SimRequest req, SimContext ctx) {
        return SimReply.result("{\"channel_info\": " + DeviceJsonOut.quoted(ctx.channelInfo()) + "}");
    }
}
