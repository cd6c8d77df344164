package dev.evalgate.store;

import dev.evalgate.error.ConfigException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One store database as a source of connections, with what differs between SQLite and PostgreSQL kept here.
 */
final class Database {

    enum Vendor { SQLITE, POSTGRES }

    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    // Long enough for another run's batch to commit; a batch takes milliseconds.
    private static final int BUSY_TIMEOUT_MS = 30_000;
    // Flyway reports every check at INFO through java.util.logging; a CLI run should print only problems.
    // Held in a field: java.util.logging forgets the level of a logger nobody references.
    private static final Logger FLYWAY_LOG = quiet(Logger.getLogger("org.flywaydb"));

    private final Vendor vendor;
    private final DataSource dataSource;
    private final String displayUrl;

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    private Database(Vendor vendor, DataSource dataSource, String displayUrl) {
        this.vendor = vendor;
        this.dataSource = dataSource;
        this.displayUrl = displayUrl;
    }

    /** The database a store setting names: a file path, a {@code jdbc:sqlite:} or a {@code jdbc:postgresql:} URL. */
    static Database of(String jdbcUrlOrPath) {
        if (jdbcUrlOrPath == null || jdbcUrlOrPath.isBlank()) {
            throw invalid("an empty store setting");
        }
        String value = jdbcUrlOrPath.strip();
        if (value.startsWith(POSTGRES_PREFIX)) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(value);
            return new Database(Vendor.POSTGRES, pg, withoutPassword(value));
        }
        if (value.startsWith(SQLITE_PREFIX)) {
            return sqlite(value.substring(SQLITE_PREFIX.length()));
        }
        if (value.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") && !value.matches("^[A-Za-z]:[\\\\/].*")) {
            throw invalid("\"" + withoutPassword(value) + "\"");
        }
        return sqlite(value);
    }

    private static Database sqlite(String file) {
        if (file.isBlank() || file.contains(":memory:") || file.startsWith("file:")) {
            throw invalid("the SQLite location \"" + file + "\" (the store must be a file on disk)");
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        StoreProblems.checkSqliteFile(path);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the store directory " + path.getParent() + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // Writers take the write lock when their transaction begins, so two runs queue on busy_timeout
        // instead of failing with SQLITE_BUSY when a read lock is upgraded.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(SQLITE_PREFIX + path);
        return new Database(Vendor.SQLITE, source, SQLITE_PREFIX + path);
    }

    private static ConfigException invalid(String what) {
        return new ConfigException("store: cannot use " + what + " as the store; accepted forms are a file path "
                + "(e.g. .evalgate/evalgate.db), jdbc:sqlite:<file> or jdbc:postgresql://host:port/db?user=...; "
                + "set it with the suite's store key or the EVALGATE_STORE environment variable");
    }

    /** The URL with any password parameter or user-info password masked, safe for messages. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
    }

    /** Brings the schema to the newest version; a no-op when it already is. Returns migrations applied. */
    int migrate() {
        try {
            return Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            ConfigException problem = StoreProblems.userProblem(displayUrl, e);
            if (problem != null) {
                throw problem;
            }
            throw new StoreException("store " + displayUrl + ": cannot migrate the schema: "
                    + StoreProblems.firstLine(e.getMessage()), e);
        }
    }

    /** A connection for writing, in auto-commit mode; group statements with {@link #transaction}. */
    Connection writeConnection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Work on a connection that runs in one transaction. */
    interface Work {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs the work in one transaction on a connection in auto-commit mode. It commits by returning to
     * auto-commit rather than with {@code commit()}: sqlite-jdbc begins the next transaction right after a
     * commit, and with IMMEDIATE transactions an idle writer would then hold the write lock and block every other.
     */
    static void transaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run(c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        c.setAutoCommit(true);
    }

    /**
     * A connection for reading. PostgreSQL streams a result with a fetch size only inside a transaction;
     * SQLite reads in auto-commit, since its transactions here take the write lock.
     */
    Connection readConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(vendor == Vendor.SQLITE);
        return connection;
    }

    Vendor vendor() {
        return vendor;
    }

    String displayUrl() {
        return displayUrl;
    }

    /** A failure while {@code doing} something: the user's to fix when it is one (see {@link StoreProblems}). */
    RuntimeException failure(String doing, Exception e) {
        ConfigException problem = StoreProblems.userProblem(displayUrl, e);
        return problem != null ? problem
                : new StoreException("store " + displayUrl + ": cannot " + doing + ": " + e.getMessage(), e);
    }
}
