package org.erratum.infrastructure;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address everything a local run starts listens on (broker, store, services), and the host its clients use to
 * reach it from this machine.
 *
 * @param address an IPv4 address: loopback (this machine only), the wildcard {@code 0.0.0.0} (every interface), or
 *                one of this machine's own addresses
 */
public record Binding(InetAddress address) {

    /** This machine only: the local run's default, and every test's. */
    public static final Binding LOOPBACK = parse("127.0.0.1");

    public Binding {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
    }

    public static Binding parse(String address) {
        try {
            return new Binding(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown address: " + address, e);
        }
    }

    /** A loopback port nothing listens on right now, for starting a process beside a running system. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a listener binds to. */
    public String listenHost() {
        return address.getHostAddress();
    }

    /** What a client on this machine connects to: the address itself, or loopback when that is every interface. */
    public String clientHost() {
        return address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    }

    /**
     * The host in the services' URLs: {@code localhost} wherever that reaches them, because it is the origin the
     * article page and the feedback API expect of each other.
     */
    public String urlHost() {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() ? "localhost" : address.getHostAddress();
    }
}
