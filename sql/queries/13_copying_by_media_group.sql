-- Media groups (owners in the outlet registry, conf/outlets.csv): their outlets, articles, and the
-- share of those articles that copy another outlet's story — group-wide syndication such as a
-- station owner's "must-run" segments shows up as a high copy share across many outlets.
SELECT coalesce(outlet_owner, '(not in the outlet registry)') AS owner,
       count(DISTINCT outlet) AS outlets,
       sum(n_articles) AS articles,
       round(sum(copies) / sum(n_articles), 3) AS copy_share,
       round(sum(originals) / sum(n_articles), 3) AS original_share
FROM outlet_summary
WHERE run_date = (SELECT max(run_date) FROM outlet_summary)
GROUP BY 1
ORDER BY articles DESC, owner;
