package fr.atelier.server;

import fr.atelier.server.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Plain JDBC reads of what the server archived, for assertions. */
public final class Pg {
    private final Database.JdbcTarget target;

    public Pg(String url) {
        this.target = Database.JdbcTarget.parse(url);
    }

    public List<List<Object>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public Object value(String sql, Object... params) {
        List<List<Object>> r = rows(sql, params);
        return r.isEmpty() ? null : r.get(0).get(0);
    }

    /** Polls until the query's first value satisfies the condition. */
    public Object await(Predicate<Object> condition, String sql, Object... params) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Object v = null;
        while (System.nanoTime() < deadline) {
            v = value(sql, params);
            if (condition.test(v)) {
                return v;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("never true: " + sql + " last value " + v);
    }
}
