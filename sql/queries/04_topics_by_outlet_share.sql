-- What does each outlet cover? Each outlet's three largest topics by share of its articles.
WITH latest AS (SELECT max(run_date) AS d FROM topic_outlets),
ranked AS (
  SELECT o.outlet, o.topic_id, t.label, o.n_articles, o.share_of_outlet,
         row_number() OVER (PARTITION BY o.outlet ORDER BY o.share_of_outlet DESC, o.topic_id) AS rank_in_outlet
  FROM topic_outlets o
  JOIN topics t ON t.topic_id = o.topic_id AND t.run_date = o.run_date
  WHERE o.run_date = (SELECT d FROM latest))
SELECT outlet, rank_in_outlet, topic_id, label, n_articles, round(share_of_outlet, 3) AS share_of_outlet
FROM ranked
WHERE rank_in_outlet <= 3
ORDER BY outlet, rank_in_outlet;
