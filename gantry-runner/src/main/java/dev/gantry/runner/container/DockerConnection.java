package dev.gantry.runner.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The two clients of one engine: {@code control} for short calls (create, inspect, list, remove),
 * whose responses must come within {@link #CONTROL_TIMEOUT} so that a hung engine cannot hang a
 * job or a shutdown hook; and {@code streams} for calls that stream for as long as the work takes
 * (exec output, pull, build, copies, logs), without a response timeout.
 *
 * <p>The engine is found as the Docker CLI finds it: {@code DOCKER_HOST} ({@code unix://} or
 * {@code tcp://}), with {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} for TLS, else
 * {@code unix:///var/run/docker.sock} (docs.docker.com "Use the Docker command line",
 * "Environment variables"). The environment is passed in, not read from the process.
 */
final class DockerConnection implements AutoCloseable {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    final String host;
    final DockerClient control;
    final DockerClient streams;

    private DockerConnection(String host, DockerClient control, DockerClient streams) {
        this.host = host;
        this.control = control;
        this.streams = streams;
    }

    static DockerConnection open(Map<String, String> environment) {
        String host = environment.getOrDefault("DOCKER_HOST", "").isBlank()
                ? DEFAULT_HOST : environment.get("DOCKER_HOST").strip();
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder().withDockerHost(host);
        String tlsVerify = environment.getOrDefault("DOCKER_TLS_VERIFY", "");
        if (!tlsVerify.isBlank() && !tlsVerify.equals("0")) {
            builder.withDockerTlsVerify(true);
            String certPath = environment.get("DOCKER_CERT_PATH");
            builder.withDockerCertPath(certPath != null && !certPath.isBlank() ? certPath
                    : Path.of(environment.getOrDefault("HOME", "/root"), ".docker").toString());
        }
        DockerClientConfig config = builder.build();
        return new DockerConnection(host, client(config, CONTROL_TIMEOUT), client(config, null));
    }

    private static DockerClient client(DockerClientConfig config, Duration responseTimeout) {
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    /** Whether the engine answers, with a reason a user can act on when it does not. */
    Availability availability() {
        URI uri = URI.create(host);
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            String where = host.equals(DEFAULT_HOST) ? " (DOCKER_HOST is not set)" : " (from DOCKER_HOST)";
            if (!Files.exists(socket)) {
                return Availability.unavailable("no Docker engine: the socket " + socket + " does not exist" + where
                        + "; start dockerd or point DOCKER_HOST at a running engine");
            }
            if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
                return Availability.unavailable("permission denied on the Docker socket " + socket + where
                        + "; add this user to the socket's group (usually 'docker') or use another DOCKER_HOST");
            }
        }
        try {
            control.pingCmd().exec();
            String version = control.versionCmd().exec().getVersion();
            return Availability.ready("Docker " + version + " at " + host);
        } catch (RuntimeException e) {
            return Availability.unavailable("the Docker engine at " + host + " does not answer: "
                    + DockerErrors.engineMessage(e));
        }
    }

    @Override
    public void close() {
        closeQuietly(control);
        closeQuietly(streams);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing is left to release
        }
    }
}
