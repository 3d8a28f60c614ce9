-- Related stories: two stories linked by verified pairs across them. A partial pair is shared
-- content (quotes, a paragraph) between two different stories; a copy pair across two stories is a
-- new article that copies an earlier story it was not put in (scheduled runs never merge two earlier
-- stories: the article joins the one it copies most closely; docs/incremental.md). Most linked first.
WITH story_of AS (SELECT DISTINCT article_id, story_id FROM articles),
latest AS (SELECT story_id, title FROM stories
           QUALIFY row_number() OVER (PARTITION BY story_id ORDER BY run_date DESC) = 1),
links AS (
  SELECT least(a.story_id, b.story_id) AS story_a, greatest(a.story_id, b.story_id) AS story_b, p.relation
  FROM syndication_pairs p
  JOIN story_of a ON a.article_id = p.article_id_a
  JOIN story_of b ON b.article_id = p.article_id_b
  WHERE a.story_id <> b.story_id)
SELECT l.story_a, ta.title AS title_a, l.story_b, tb.title AS title_b, count(*) AS linking_pairs,
       count(*) FILTER (WHERE l.relation = 'copy') AS copy_pairs
FROM links l LEFT JOIN latest ta ON ta.story_id = l.story_a LEFT JOIN latest tb ON tb.story_id = l.story_b
GROUP BY ALL
ORDER BY linking_pairs DESC, l.story_a, l.story_b
LIMIT 20;
