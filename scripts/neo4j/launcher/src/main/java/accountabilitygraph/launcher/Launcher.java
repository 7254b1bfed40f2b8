package accountabilitygraph.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community (embedded, from Maven Central) as a local server that only speaks Bolt on the
 * loopback interface. The standalone server tarball is not on Maven Central, so this is how the
 * project gets a real Neo4j without any other download.
 *
 * <p>Configuration (arguments win over environment):
 * <ul>
 *   <li>{@code --home <dir>} / {@code NEO4J_LAUNCHER_HOME}: instance folder (data/ and logs/ go inside)
 *   <li>{@code --bolt-port <n>} / {@code NEO4J_LAUNCHER_BOLT_PORT}: Bolt port on 127.0.0.1 (default 7687)
 *   <li>{@code NEO4J_LAUNCHER_PASSWORD}: password of the {@code neo4j} user (environment only, so it
 *       never shows up in a process list)
 *   <li>{@code NEO4J_LAUNCHER_TX_TIMEOUT}: transaction timeout, e.g. {@code 30s} (default 30s)
 *   <li>{@code NEO4J_LAUNCHER_PAGECACHE}: page cache size, e.g. {@code 512m} (default 512m)
 *   <li>{@code NEO4J_LAUNCHER_IMPORT_DIR}: if set, {@code LOAD CSV} may read {@code file:///} URLs from
 *       this folder only (the benchmarks compare the loader with it); unset, file URLs stay refused
 * </ul>
 *
 * <p>Prints {@code READY bolt://127.0.0.1:<port>} on its own line once Bolt accepts logins, and
 * shuts the database down cleanly on SIGTERM/SIGINT.
 */
public final class Launcher {
  private static final String USER = "neo4j";
  /**
   * The start-up statements compile Cypher for the first time; on a busy machine that alone can pass
   * the 30 s transaction timeout meant for queries, and the launcher would die before READY.
   */
  private static final Duration STARTUP_TX_TIMEOUT = Duration.ofMinutes(10);

  private Launcher() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable error) {
      // Exit instead of lingering: Neo4j's non-daemon threads would otherwise keep a half-started JVM
      // alive. System.exit runs the shutdown hook, so a database that did start is closed cleanly.
      System.err.println("FAILED " + error);
      error.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path home = Path.of(option(args, "--home", env.get("NEO4J_LAUNCHER_HOME"), null)).toAbsolutePath();
    int boltPort = Integer.parseInt(option(args, "--bolt-port", env.get("NEO4J_LAUNCHER_BOLT_PORT"), "7687"));
    String password = env.get("NEO4J_LAUNCHER_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("NEO4J_LAUNCHER_PASSWORD must be set");
    }
    Duration txTimeout = SettingValueParsers.DURATION.parse(env.getOrDefault("NEO4J_LAUNCHER_TX_TIMEOUT", "30s"));
    long pageCache = SettingValueParsers.BYTES.parse(env.getOrDefault("NEO4J_LAUNCHER_PAGECACHE", "512m"));

    String importDir = env.get("NEO4J_LAUNCHER_IMPORT_DIR");

    Files.createDirectories(home);
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
        .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
        // LOAD CSV may neither read local files (unless an import folder is named) nor reach any network address.
        .setConfig(GraphDatabaseSettings.allow_file_urls, importDir != null && !importDir.isEmpty())
        .setConfig(
            GraphDatabaseInternalSettings.cypher_ip_blocklist,
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        // Netty waits a 5 s quiet period per event loop group on shutdown (10 s in all); nothing talks
        // to a local dev database while it stops, so skip the wait.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
        .setConfig(
            GraphDatabaseSettings.load_csv_file_url_root,
            importDir != null && !importDir.isEmpty() ? Path.of(importDir).toAbsolutePath() : home.resolve("import"))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("STOPPING");
      dbms.shutdown();
      System.out.println("STOPPED");
      System.out.flush();
      stopped.countDown();
    }, "neo4j-launcher-shutdown"));

    ensurePassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
        .executeTransactionally("RETURN 1", Map.of(), result -> null, STARTUP_TX_TIMEOUT);

    System.out.println("READY bolt://127.0.0.1:" + boltPort);
    System.out.flush();
    stopped.await();
  }

  /**
   * Makes the neo4j user's password the given one, without forcing a change at first login. Runs on
   * every start so that a changed password takes effect; Neo4j rejects setting the current password
   * again, so the password is first checked with a real login and only changed when that fails.
   */
  private static void ensurePassword(GraphDatabaseService system, String password) throws Exception {
    AuthManager auth = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
    LoginContext login = auth.login(
        AuthToken.newBasicAuthToken(USER, password.getBytes(StandardCharsets.UTF_8)),
        ClientConnectionInfo.EMBEDDED_CONNECTION);
    if (login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS) {
      return;
    }
    system.executeTransactionally(
        "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
        Map.of("password", password),
        result -> null,
        STARTUP_TX_TIMEOUT);
    System.out.println("Password of user '" + USER + "' set");
  }

  private static String option(String[] args, String name, String fromEnv, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    if (fallback == null) {
      throw new IllegalArgumentException(name + " (or its environment variable) is required");
    }
    return fallback;
  }
}
