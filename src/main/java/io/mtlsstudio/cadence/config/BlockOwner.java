package io.mtlsstudio.cadence.config;

/** Owner of a TLS block: a service's RPC endpoint, or a cluster of the cluster group. */
public sealed interface BlockOwner permits BlockOwner.Service, BlockOwner.Cluster {

    String name();

    /**
     * A service under {@code services.<name>.rpc}. Its TLS block configures the service's inbound
     * gRPC port, and is also the client configuration that other Cadence services use when they
     * dial this one (history and matching).
     *
     * @param grpcPort        {@code rpc.grpcPort}, or null when unset or not a number
     * @param bindOnLocalHost {@code rpc.bindOnLocalHost}
     * @param bindOnIp        {@code rpc.bindOnIP}, or empty
     */
    record Service(String name, Integer grpcPort, boolean bindOnLocalHost, String bindOnIp) implements BlockOwner {
    }

    /**
     * A cluster under {@code clusterGroupMetadata.clusterGroup.<name>}. Its TLS block is the client
     * configuration the server uses to dial that cluster's frontend (replication, and the worker
     * service for the current cluster), and only with {@code rpcTransport: grpc}.
     *
     * @param enabled      the cluster's {@code enabled}
     * @param rpcAddress   {@code host:port} of that cluster's frontend, or empty
     * @param rpcTransport {@code grpc} or {@code tchannel}; Cadence's default is tchannel
     * @param current      whether it is {@code currentClusterName}, the cluster this configuration runs
     */
    record Cluster(String name, boolean enabled, String rpcAddress, String rpcTransport, boolean current) implements BlockOwner {

        /** Returns the host part of {@code rpcAddress}, without brackets; empty when unset. */
        public String rpcHost() {
            return hostOf(rpcAddress);
        }

        public boolean usesGrpc() {
            return "grpc".equals(rpcTransport);
        }
    }

    /** Returns the host of {@code host:port}, {@code [ipv6]:port} or a bare host, without brackets. */
    static String hostOf(String address) {
        String text = address.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close > 0 ? text.substring(1, close) : text;
        }
        int colon = text.lastIndexOf(':');
        return colon > 0 && text.indexOf(':') == colon ? text.substring(0, colon) : text;
    }
}
