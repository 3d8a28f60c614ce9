package io.wiretrace.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB over JDBC: the independent BI reader of wiretrace's Parquet outputs. */
public final class DuckDb implements AutoCloseable {

    private final Connection conn;

    public DuckDb() throws SQLException {
        conn = DriverManager.getConnection("jdbc:duckdb:");
    }

    /**
     * All run dates of one table, {@code read_parquet('DIR/TABLE/*}{@code /*.parquet')} with the
     * {@code run_date} partition column, for use in SQL.
     */
    public static String table(String outputDir, String table) {
        String dir = outputDir.startsWith("file:") ? outputDir.substring(5) : outputDir;
        return "read_parquet('" + dir + "/" + table + "/*/*.parquet', hive_partitioning = true,"
                + " hive_types = {'run_date': 'VARCHAR'})";
    }

    /** Runs each statement of a SQL script (statements end with ';' at the end of a line). */
    public void script(String sql) throws SQLException {
        for (String stmt : sql.split(";\\s*\\n")) {
            String body = stmt.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
            if (!body.isEmpty()) {
                try (Statement st = conn.createStatement()) {
                    st.execute(body.endsWith(";") ? body.substring(0, body.length() - 1) : body);
                }
            }
        }
    }

    public List<Map<String, Object>> query(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    public long count(String sql) throws SQLException {
        return ((Number) query(sql).get(0).values().iterator().next()).longValue();
    }

    /** Column name → DuckDB type, from DESCRIBE. */
    public Map<String, String> types(String relation) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> r : query("DESCRIBE SELECT * FROM " + relation)) {
            out.put((String) r.get("column_name"), (String) r.get("column_type"));
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
