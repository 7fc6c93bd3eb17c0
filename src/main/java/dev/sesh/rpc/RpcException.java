package dev.sesh.rpc;

import dev.sesh.SeshException;

/**
 * Why an RPC call did not return a result: no answer in time, an error reply, or a dead channel.
 * These are {@link SeshException}s, so they carry a one-line message, a hint and an exit code.
 */
public abstract sealed class RpcException extends SeshException
        permits RpcTimeoutException, RpcRemoteException, RpcChannelClosedException {
    RpcException(String message, String hint, int exitCode, Throwable cause) {
        super(message, hint, exitCode, cause);
    }
}
