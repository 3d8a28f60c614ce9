package io.wiretrace.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on loopback, launched from the Spark jars Maven fetched (there
 * is no Spark distribution here): one {@code Master} and N {@code Worker} processes, each a
 * separate JVM, on free ports; the Workers on loopback addresses of their own (127.0.0.2, ...). Workers get a {@code SPARK_HOME} whose {@code jars/} links the Spark
 * jars, which is where they build executor class paths from. {@link #close} stops every process
 * and the executors the Workers started.
 */
public final class StandaloneCluster implements AutoCloseable {

    private final List<ChildJvm> processes = new ArrayList<>();
    private final List<ChildJvm> workers = new ArrayList<>();
    private final int masterPort;
    private final int masterUiPort;

    public StandaloneCluster(Path dir, int workerCount, int coresPerWorker, String memoryPerWorker) throws Exception {
        String classpath = sparkClasspath();
        Path sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        for (String jar : classpath.split(java.io.File.pathSeparator)) {
            Path j = Path.of(jar);
            Path link = sparkHome.resolve("jars").resolve(j.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, j);
            }
        }
        Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13");
        masterPort = freePort();
        masterUiPort = freePort();
        try {
            processes.add(ChildJvm.start(ChildJvm.command(classpath, List.of("-Xmx512m"),
                            List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                                    "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort))),
                    dir.resolve("master.log"), env));
            awaitAliveWorkers(0, processes.get(0));
            for (int i = 0; i < workerCount; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                // Each Worker on its own loopback address, so that Spark sees two hosts: it never
                // runs a speculative copy on the host of the attempt it duplicates.
                String host = "127.0.0." + (2 + i);
                Map<String, String> workerEnv = new java.util.HashMap<>(env);
                workerEnv.put("SPARK_LOCAL_IP", host);
                ChildJvm w = ChildJvm.start(ChildJvm.command(classpath, List.of("-Xmx512m"),
                                List.of("org.apache.spark.deploy.worker.Worker", "--host", host,
                                        "--cores", Integer.toString(coresPerWorker), "--memory", memoryPerWorker,
                                        "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString(),
                                        masterUrl())),
                        dir.resolve("worker-" + i + ".log"), workerEnv);
                processes.add(w);
                workers.add(w);
            }
            awaitAliveWorkers(workerCount, processes.get(0));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The Spark jars (Spark, Hadoop, Scala) as written by the build into target/spark.classpath. */
    public static String sparkClasspath() throws IOException {
        Path file = ChildJvm.projectDir().resolve("target/spark.classpath");
        if (!Files.exists(file)) {
            throw new IllegalStateException("Cannot start a cluster: " + file + " is missing (run mvn package first)");
        }
        return Files.readString(file).trim();
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Executor processes currently running under the Workers. */
    public List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (ChildJvm w : workers) {
            w.process().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                    .forEach(out::add);
        }
        return out;
    }

    /** The Master's view (its web UI's JSON), e.g. to count alive workers or finished applications. */
    public String masterState() throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + masterUiPort + "/json/").toURL()
                .openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        try (var in = c.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private void awaitAliveWorkers(int n, ChildJvm master) throws Exception {
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + 120_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!master.process().isAlive()) {
                throw new IllegalStateException("Cannot start the cluster: the Master exited:\n" + master.output());
            }
            try {
                last = masterState();
                Matcher m = alive.matcher(last);
                if (m.find() && Integer.parseInt(m.group(1)) >= n) {
                    return;
                }
            } catch (IOException notYet) {
                // The UI is not up yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Cannot start the cluster: " + n + " workers did not register in 120 s: " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        // Workers first (and their executors), then the Master.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
