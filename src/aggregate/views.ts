/**
 * Statistics as SQL macros and the contract's views, so researchers get the same figures the
 * reports show straight from DuckDB. Formulas:
 * - Wilson score interval (Wilson 1927) for a share k/n;
 * - Newcombe's hybrid score interval for a difference of two independent shares (Newcombe 1998,
 *   method 10), from the two Wilson intervals;
 * - two-sided two-proportion z-test with pooled variance; the normal tail from erfc, computed with
 *   Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), as DuckDB has no erf;
 * - Benjamini-Hochberg adjustment across the cells of one year (all scopes and areas), so a table
 *   of 40 changes does not flag two by chance.
 */
export const Z95 = 1.959963984540054;

export const MACROS_SQL = `
CREATE OR REPLACE MACRO pulse_wilson_low(k, n) AS
  CASE WHEN n IS NULL OR n = 0 THEN NULL ELSE greatest(0.0,
    ((k / n) + ${Z95}^2 / (2 * n) - ${Z95} * sqrt((k / n) * (1 - k / n) / n + ${Z95}^2 / (4 * n * n)))
    / (1 + ${Z95}^2 / n)) END;
CREATE OR REPLACE MACRO pulse_wilson_high(k, n) AS
  CASE WHEN n IS NULL OR n = 0 THEN NULL ELSE least(1.0,
    ((k / n) + ${Z95}^2 / (2 * n) + ${Z95} * sqrt((k / n) * (1 - k / n) / n + ${Z95}^2 / (4 * n * n)))
    / (1 + ${Z95}^2 / n)) END;
CREATE OR REPLACE MACRO pulse_erfc(x) AS
  (1.0 / (1 + 0.3275911 * x)) * (0.254829592 + (1.0 / (1 + 0.3275911 * x)) * (-0.284496736
   + (1.0 / (1 + 0.3275911 * x)) * (1.421413741 + (1.0 / (1 + 0.3275911 * x)) * (-1.453152027
   + (1.0 / (1 + 0.3275911 * x)) * 1.061405429)))) * exp(-x * x);
CREATE OR REPLACE MACRO pulse_two_prop_p(k1, n1, k2, n2) AS
  CASE
    WHEN n1 IS NULL OR n2 IS NULL OR n1 = 0 OR n2 = 0 THEN NULL
    WHEN (k1 + k2) = 0 OR (k1 + k2) = (n1 + n2) THEN 1.0
    ELSE least(1.0, pulse_erfc(abs(k1 / n1 - k2 / n2)
      / sqrt(((k1 + k2) / (n1 + n2)) * (1 - (k1 + k2) / (n1 + n2)) * (1.0 / n1 + 1.0 / n2)) / sqrt(2)))
  END;
CREATE OR REPLACE MACRO pulse_newcombe_low(k1, n1, k2, n2) AS
  CASE WHEN n1 IS NULL OR n2 IS NULL OR n1 = 0 OR n2 = 0 THEN NULL ELSE
    (k1 / n1 - k2 / n2) - sqrt((k1 / n1 - pulse_wilson_low(k1, n1))^2 + (pulse_wilson_high(k2, n2) - k2 / n2)^2) END;
CREATE OR REPLACE MACRO pulse_newcombe_high(k1, n1, k2, n2) AS
  CASE WHEN n1 IS NULL OR n2 IS NULL OR n1 = 0 OR n2 = 0 THEN NULL ELSE
    (k1 / n1 - k2 / n2) + sqrt((pulse_wilson_high(k1, n1) - k1 / n1)^2 + (k2 / n2 - pulse_wilson_low(k2, n2))^2) END;
`;

export const VIEWS_SQL = `
CREATE OR REPLACE VIEW pulse_minimum_base AS
  SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'minimum_base'), 30) AS minimum_base;

CREATE OR REPLACE VIEW area_shares AS
WITH scoped AS (
  SELECT c.municipality, c.year, m.area, m.polarity, m.lexicon_version
  FROM mentions m JOIN comments c USING (comment_id)
),
totals AS (
  SELECT municipality, year, count(*) AS n_comments FROM comments GROUP BY GROUPING SETS ((municipality, year), (year))
),
g AS (
  SELECT municipality, area, year,
    count(*) AS n,
    count(*) FILTER (WHERE polarity = 'pos') AS n_pos,
    count(*) FILTER (WHERE polarity = 'neu') AS n_neu,
    count(*) FILTER (WHERE polarity = 'neg') AS n_neg,
    string_agg(DISTINCT lexicon_version, ',' ORDER BY lexicon_version) AS lexicon_versions
  FROM scoped
  GROUP BY GROUPING SETS ((municipality, area, year), (area, year))
)
SELECT g.municipality, g.area, g.year, g.n, g.n_pos, g.n_neu, g.n_neg,
  g.n_pos / g.n AS share_pos,
  g.n_neu / g.n AS share_neu,
  g.n_neg / g.n AS share_neg,
  pulse_wilson_low(g.n_pos, g.n) AS share_pos_low,
  pulse_wilson_high(g.n_pos, g.n) AS share_pos_high,
  g.n < (SELECT minimum_base FROM pulse_minimum_base) AS suppressed,
  t.n_comments,
  g.n / t.n_comments AS mention_rate,
  g.lexicon_versions
FROM g JOIN totals t ON t.year = g.year AND t.municipality IS NOT DISTINCT FROM g.municipality;

CREATE OR REPLACE VIEW area_changes AS
WITH pairs AS (
  SELECT cur.municipality, cur.area, cur.year, prev.year AS prev_year,
    cur.n, prev.n AS prev_n, cur.n_pos, prev.n_pos AS prev_n_pos,
    cur.share_pos, prev.share_pos AS prev_share_pos,
    100 * (cur.share_pos - prev.share_pos) AS pp_change,
    100 * pulse_newcombe_low(cur.n_pos, cur.n, prev.n_pos, prev.n) AS pp_low,
    100 * pulse_newcombe_high(cur.n_pos, cur.n, prev.n_pos, prev.n) AS pp_high,
    pulse_two_prop_p(cur.n_pos, cur.n, prev.n_pos, prev.n) AS p_value,
    (cur.suppressed OR coalesce(prev.suppressed, false)) AS suppressed,
    cur.n_comments, prev.n_comments AS prev_n_comments,
    cur.lexicon_versions, prev.lexicon_versions AS prev_lexicon_versions,
    (prev.lexicon_versions IS NOT NULL AND cur.lexicon_versions <> prev.lexicon_versions) AS mixed_versions
  FROM area_shares cur
  LEFT JOIN area_shares prev
    ON prev.area = cur.area AND prev.year = cur.year - 1
   AND prev.municipality IS NOT DISTINCT FROM cur.municipality
),
ranked AS (
  SELECT *,
    CASE WHEN p_value IS NOT NULL AND NOT suppressed THEN
      row_number() OVER (PARTITION BY year, (p_value IS NOT NULL AND NOT suppressed) ORDER BY p_value, municipality NULLS FIRST, area) END AS bh_rank,
    count(*) FILTER (WHERE p_value IS NOT NULL AND NOT suppressed) OVER (PARTITION BY year) AS bh_m
  FROM pairs
),
adjusted AS (
  SELECT *,
    CASE WHEN bh_rank IS NOT NULL THEN least(1.0, min(p_value * bh_m / bh_rank) OVER (
      PARTITION BY year, (bh_rank IS NOT NULL) ORDER BY p_value DESC, municipality DESC NULLS LAST, area DESC
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) END AS p_adjusted
  FROM ranked
)
SELECT municipality, area, year, prev_year, share_pos, prev_share_pos, pp_change, pp_low, pp_high,
  p_value, p_adjusted, coalesce(p_adjusted < 0.05, false) AS significant, suppressed,
  n, prev_n, n_pos, prev_n_pos, n_comments, prev_n_comments, mixed_versions,
  n_pos - prev_n_pos AS n_pos_change,
  (n - prev_n) * prev_share_pos AS volume_effect,
  n * (share_pos - prev_share_pos) AS share_effect
FROM adjusted;

CREATE OR REPLACE VIEW area_benchmarks AS
WITH own AS (SELECT * FROM area_shares WHERE municipality IS NOT NULL),
allm AS (SELECT area, year, n, n_pos FROM area_shares WHERE municipality IS NULL),
peers AS (
  SELECT p.peer_group, s.area, s.year, sum(s.n) AS n, sum(s.n_pos) AS n_pos
  FROM area_shares s JOIN peer_groups p ON p.municipality = s.municipality
  GROUP BY ALL
),
b AS (
  SELECT o.municipality, o.area, o.year, o.n, o.n_pos, o.share_pos, o.suppressed,
    a.n - o.n AS rest_n, a.n_pos - o.n_pos AS rest_n_pos,
    pg.peer_group,
    pe.n - o.n AS peer_n, pe.n_pos - o.n_pos AS peer_n_pos
  FROM own o
  JOIN allm a ON a.area = o.area AND a.year = o.year
  LEFT JOIN peer_groups pg ON pg.municipality = o.municipality
  LEFT JOIN peers pe ON pe.peer_group = pg.peer_group AND pe.area = o.area AND pe.year = o.year
)
SELECT municipality, area, year, n, share_pos,
  rest_n, CASE WHEN rest_n > 0 THEN rest_n_pos / rest_n END AS rest_share_pos,
  CASE WHEN rest_n > 0 THEN 100 * (share_pos - rest_n_pos / rest_n) END AS pp_vs_rest,
  100 * pulse_newcombe_low(n_pos, n, rest_n_pos, rest_n) AS pp_vs_rest_low,
  100 * pulse_newcombe_high(n_pos, n, rest_n_pos, rest_n) AS pp_vs_rest_high,
  pulse_two_prop_p(n_pos, n, rest_n_pos, rest_n) AS p_vs_rest,
  peer_group, peer_n,
  CASE WHEN peer_n > 0 THEN peer_n_pos / peer_n END AS peer_share_pos,
  CASE WHEN peer_n > 0 THEN 100 * (share_pos - peer_n_pos / peer_n) END AS pp_vs_peers,
  100 * pulse_newcombe_low(n_pos, n, peer_n_pos, peer_n) AS pp_vs_peers_low,
  100 * pulse_newcombe_high(n_pos, n, peer_n_pos, peer_n) AS pp_vs_peers_high,
  pulse_two_prop_p(n_pos, n, peer_n_pos, peer_n) AS p_vs_peers,
  suppressed OR rest_n < (SELECT minimum_base FROM pulse_minimum_base) AS suppressed
FROM b;
`;
