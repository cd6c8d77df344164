package dev.evalgate.store;

import dev.evalgate.error.ConfigException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The ways a store setting can point at something that is not a usable database, each worded as one line with
 * the reason and the fix; they are the user's to fix, so they are {@link ConfigException}s.
 */
final class StoreProblems {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String WHERE = " (--store, the suite's 'store' key or the EVALGATE_STORE environment"
            + " variable)";

    private StoreProblems() {
    }

    /** Checks, before SQLite opens it, that {@code path} can be a store file; SQLite's own errors say less. */
    static void checkSqliteFile(Path path) {
        for (Path folder = path.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder)) {
                throw new ConfigException("store " + path + ": " + folder + " is a file, not a folder, so the store"
                        + " cannot be created inside it. Move that file, or set the store to another path" + WHERE);
            }
        }
        if (Files.isDirectory(path)) {
            throw new ConfigException("store " + path + ": is a folder, not a SQLite file. Set the store to a file"
                    + " in it, e.g. " + path.resolve("evalgate.db") + WHERE);
        }
        if (!Files.isRegularFile(path)) {
            return; // a new store
        }
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(100);
            size = Files.size(path);
        } catch (IOException e) {
            throw new ConfigException("store " + path + ": cannot read the file: " + e.getMessage() + ". Check its"
                    + " permissions, or set the store to another path" + WHERE);
        }
        if (size == 0) {
            return; // SQLite makes an empty file a new database
        }
        if (head.length < SQLITE_HEADER.length
                || !Arrays.equals(Arrays.copyOf(head, SQLITE_HEADER.length), SQLITE_HEADER)) {
            throw new ConfigException("store " + path + ": is not a SQLite database. Set the store to another file"
                    + WHERE + ", or move this one away and a new store is created");
        }
        if (head.length < 100 || (!hasWal(path) && size < expectedSize(head))) {
            throw damaged(path.toString());
        }
    }

    /**
     * The size the header promises: page size times page count, when the count is valid (its change counter
     * matches). While a write-ahead log exists the file may lag behind it, so the caller skips the check then.
     */
    private static long expectedSize(byte[] head) {
        int pageSize = ((head[16] & 0xFF) << 8) | (head[17] & 0xFF);
        long bytesPerPage = pageSize == 1 ? 65_536 : pageSize;
        long pages = readInt(head, 28);
        boolean countValid = readInt(head, 24) == readInt(head, 92) && pages > 0;
        return countValid ? bytesPerPage * pages : 0;
    }

    private static long readInt(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    private static boolean hasWal(Path path) {
        Path wal = path.resolveSibling(path.getFileName() + "-wal");
        try {
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static ConfigException damaged(String store) {
        return new ConfigException("store " + store + ": the SQLite file is truncated or damaged. Restore it from a"
                + " backup, or move it away and a new store is created");
    }

    /**
     * The user's problem behind a failure to use the store, when it is one: a damaged or foreign SQLite file, a
     * read-only one, or a PostgreSQL server that cannot be reached or refuses the login. Null otherwise.
     */
    static ConfigException userProblem(String store, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return sqliteProblem(store, sqlite.getResultCode());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                ConfigException problem = postgresProblem(store, sql);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static ConfigException sqliteProblem(String store, SQLiteErrorCode code) {
        int primary = code.code & 0xFF;
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new ConfigException("store " + store + ": is not a SQLite database. Set the store to another file"
                    + WHERE + ", or move this one away and a new store is created");
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return damaged(store);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return new ConfigException("store " + store + ": the database cannot be written. Make the file and its"
                    + " folder writable, or set the store to another path" + WHERE);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new ConfigException("store " + store + ": the database file cannot be opened. Check that its"
                    + " folder exists and is writable, or set the store to another path" + WHERE);
        }
        return null;
    }

    private static ConfigException postgresProblem(String store, SQLException e) {
        String state = e.getSQLState();
        String reason = firstLine(e.getMessage());
        if (state.startsWith("08")) {
            return new ConfigException("store " + store + ": cannot connect: " + reason + ". Check the host and port"
                    + " and that PostgreSQL is running, or set the store to a reachable database" + WHERE);
        }
        if (state.startsWith("28")) {
            return new ConfigException("store " + store + ": the login was refused: " + reason + ". Check the user"
                    + " and password in the URL" + WHERE);
        }
        if (state.equals("3D000")) {
            return new ConfigException("store " + store + ": " + reason + ". Create the database (createdb) or name"
                    + " an existing one in the URL" + WHERE);
        }
        return null;
    }

    /** The first line of a message, without a trailing period: database drivers and Flyway add whole blocks. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
