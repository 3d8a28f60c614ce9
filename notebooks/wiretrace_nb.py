"""Read wiretrace's published Parquet tables from a notebook.

Debian 12 ships no Python Parquet reader (no pyarrow, duckdb or fastparquet), so the tables are
queried with DuckDB through its JDBC driver, in an embedded JVM (JPype). The driver is the jar
Maven already fetched for the tests (or any duckdb_jdbc jar: set WIRETRACE_DUCKDB_JAR).

    import wiretrace_nb as wt
    db = wt.connect()                  # WIRETRACE_OUTPUT, default ../out/sample (the sample run)
    df = db.query("SELECT * FROM stories ORDER BY n_outlets DESC LIMIT 10")

Every table is a view (sql/duckdb/views.sql) over all run dates, with a run_date column;
db.latest is the newest run date.
"""
import glob
import os

import jpype
import jpype.imports  # noqa: F401  (enables Java imports)
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def _duckdb_jar():
    jar = os.environ.get("WIRETRACE_DUCKDB_JAR")
    if jar:
        return jar
    m2 = os.environ.get("MAVEN_REPOSITORY", os.path.expanduser("~/.m2/repository"))
    jars = sorted(glob.glob(os.path.join(m2, "org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar")),
                  key=lambda p: [int(x) if x.isdigit() else x for x in os.path.basename(os.path.dirname(p)).split(".")])
    if not jars:
        raise RuntimeError("Cannot find the DuckDB JDBC driver: run `mvn -B -ntp verify` once (it fetches it) "
                           "or set WIRETRACE_DUCKDB_JAR")
    return jars[-1]


def output_dir():
    """The run directory: WIRETRACE_OUTPUT, else the bundled sample run (out/sample)."""
    return os.path.abspath(os.environ.get("WIRETRACE_OUTPUT", os.path.join(ROOT, "out", "sample")))


class Db:
    def __init__(self, out):
        from java.sql import DriverManager  # noqa: E402  (after the JVM starts)
        if not os.path.exists(os.path.join(out, "_manifest.json")):
            raise RuntimeError(f"Cannot read {out}: no _manifest.json (run scripts/wiretrace run --output {out})")
        self.out = out
        self.conn = DriverManager.getConnection("jdbc:duckdb:")
        self.execute("SET VARIABLE wiretrace_output = '%s'" % out.replace("'", "''"))
        with open(os.path.join(ROOT, "sql", "duckdb", "views.sql"), encoding="utf-8") as f:
            for stmt in f.read().split(";\n"):
                body = "\n".join(l for l in stmt.splitlines() if not l.strip().startswith("--")).strip()
                if body:
                    self.execute(body)
        self.latest = self.query("SELECT max(run_date) AS d FROM articles")["d"][0]

    def execute(self, sql):
        st = self.conn.createStatement()
        try:
            st.execute(sql)
        finally:
            st.close()

    def query(self, sql):
        """Runs SQL, returns a pandas DataFrame (timestamps as pandas Timestamps, lists as lists)."""
        st = self.conn.createStatement()
        try:
            rs = st.executeQuery(sql)
            md = rs.getMetaData()
            cols = [str(md.getColumnLabel(i + 1)) for i in range(md.getColumnCount())]
            types = [str(md.getColumnTypeName(i + 1)) for i in range(md.getColumnCount())]
            rows = []
            while rs.next():
                rows.append([_py(rs.getObject(i + 1), types[i]) for i in range(len(cols))])
            df = pd.DataFrame(rows, columns=cols)
            for c, t in zip(cols, types):
                if t.startswith("TIMESTAMP"):
                    df[c] = pd.to_datetime(df[c], utc=True)
            return df
        finally:
            st.close()


def _py(v, type_name):
    if v is None:
        return None
    if type_name.startswith("TIMESTAMP"):
        return str(v.toString())
    if type_name.endswith("[]"):
        return [_py(x, type_name[:-2]) for x in v.getArray()]
    if isinstance(v, (jpype.JBoolean,)) or type_name == "BOOLEAN":
        return bool(v)
    if type_name in ("INTEGER", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT"):
        return int(v)
    if type_name in ("DOUBLE", "FLOAT", "DECIMAL") or type_name.startswith("DECIMAL"):
        return float(v)
    return str(v)


def connect(out=None):
    """Starts the JVM once and opens DuckDB over the run's tables."""
    if not jpype.isJVMStarted():
        classpath = [_duckdb_jar()]
        # Debian installs JPype's own support jar outside the Python package, where JPype does not look.
        classpath += [j for j in ("/usr/share/java/org.jpype.jar",) if os.path.exists(j)]
        jpype.startJVM(classpath=classpath, convertStrings=False)
    return Db(out or output_dir())
