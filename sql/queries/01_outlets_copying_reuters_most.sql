-- Which outlets copy Reuters most? Articles that credit Reuters, or copy a story Reuters published
-- first, per outlet (latest run date), with the share of the outlet's output they make up.
WITH latest AS (SELECT max(run_date) AS d FROM articles),
a AS (SELECT * FROM articles WHERE run_date = (SELECT d FROM latest)),
s AS (SELECT story_id, origin_outlet FROM stories WHERE run_date = (SELECT d FROM latest))
SELECT a.outlet,
       count(*) FILTER (WHERE a.wire_credit = 'Reuters'
                        OR (s.origin_outlet LIKE 'reuters%' AND NOT a.is_origin)) AS reuters_copies,
       count(*) AS articles,
       round(reuters_copies / count(*), 3) AS share_of_output
FROM a LEFT JOIN s USING (story_id)
WHERE a.outlet NOT LIKE 'reuters%'
GROUP BY a.outlet
HAVING reuters_copies > 0
ORDER BY reuters_copies DESC, a.outlet
LIMIT 20;
