-- Volume per run date: input records, articles, exact duplicates, stories and the share of
-- articles that are copies of another outlet's story.
SELECT a.run_date,
       (SELECT count(*) FROM lineage l WHERE l.run_date = a.run_date) AS records_in,
       count(*) AS articles,
       (SELECT count(*) FROM lineage l WHERE l.run_date = a.run_date AND l.status = 'exact_duplicate') AS exact_duplicates,
       count(DISTINCT a.story_id) AS stories,
       round(count(*) FILTER (WHERE NOT a.is_origin) / count(*), 3) AS copy_share
FROM articles a
GROUP BY a.run_date
ORDER BY a.run_date;
