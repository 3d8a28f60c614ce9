-- Data quality per run date: rejected input records by reason, against everything read.
SELECT l.run_date, coalesce(l.reason, '(accepted)') AS reason, count(*) AS records,
       round(count(*) / sum(count(*)) OVER (PARTITION BY l.run_date), 4) AS share
FROM lineage l
GROUP BY l.run_date, l.reason
ORDER BY l.run_date, records DESC, reason;
