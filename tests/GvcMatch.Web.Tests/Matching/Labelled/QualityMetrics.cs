namespace GvcMatch.Web.Tests.Matching.Labelled;

/// <summary>A share with its counts, so a table shows "0.750 (3/4)" and an empty denominator is visible as such.</summary>
public readonly record struct Share(int Found, int Total)
{
    /// <summary>Nothing to find counts as everything found: a set without such cases cannot fail on them.</summary>
    public double Value => Total == 0 ? 1 : Found / (double)Total;

    public override string ToString() => $"{Value:0.000} ({Found}/{Total})";
}

/// <summary>One ranking's figures for one requirement.</summary>
public sealed record CaseResult(string Requirement, double NdcgAt10, double PrecisionAt5, IReadOnlyList<string> Top10);

/// <summary>
/// The quality figures of one ranker over the labelled set. nDCG@10 and P@5 are means over
/// requirements; the recalls are pooled over all (requirement, supplier) pairs, because most
/// requirements have only one or two paraphrased or non-English relevant suppliers and a mean of
/// 0-or-1 values per requirement would swing wildly. Stuffers and violations are counts.
/// </summary>
public sealed record QualityMetrics(
    double MeanNdcgAt10, double PrecisionAt5, Share ParaphraseRecall, Share NonEnglishRecall, int StuffersInTop10, int ViolationsInTop10,
    IReadOnlyList<CaseResult> Cases, IReadOnlyList<string> Offenders)
{
    public const int K = 10;

    /// <param name="top10">Each requirement's ranked supplier keys, best first (only the first ten are read).</param>
    public static QualityMetrics Of(LabelledCorpus corpus, IReadOnlyDictionary<string, IReadOnlyList<string>> top10)
    {
        var cases = new List<CaseResult>();
        int paraphraseFound = 0, paraphraseTotal = 0, foreignFound = 0, foreignTotal = 0, stuffers = 0, violations = 0;
        var offenders = new List<string>();
        foreach (var c in corpus.Cases)
        {
            var ranked = top10.GetValueOrDefault(c.Key, []).Take(K).ToList();
            var grades = ranked.Select(c.Grade).ToList();
            var ndcg = Ndcg.At(K, grades, c.Grades.Values.ToList());
            var precision = grades.Take(5).Count(g => g >= LabelledCorpus.Relevant) / 5.0;
            cases.Add(new CaseResult(c.Key, ndcg, precision, ranked));

            foreach (var (supplier, grade) in c.Grades.Where(g => g.Value >= LabelledCorpus.Relevant))
            {
                var found = ranked.Contains(supplier) ? 1 : 0;
                if (corpus.Has(supplier, SupplierTraits.Paraphrase)) (paraphraseFound, paraphraseTotal) = (paraphraseFound + found, paraphraseTotal + 1);
                if (corpus.Has(supplier, SupplierTraits.NonEnglish)) (foreignFound, foreignTotal) = (foreignFound + found, foreignTotal + 1);
                if (found == 0 && (corpus.Has(supplier, SupplierTraits.Paraphrase) || corpus.Has(supplier, SupplierTraits.NonEnglish)))
                    offenders.Add($"{c.Key}: {supplier} (graded {grade}) is not in the top {K}");
            }
            foreach (var (supplier, rank) in ranked.Select((s, i) => (s, i + 1)))
            {
                if (corpus.Has(supplier, SupplierTraits.Stuffer) && c.Grade(supplier) < LabelledCorpus.Relevant)
                {
                    stuffers++;
                    offenders.Add($"{c.Key}: stuffer {supplier} (graded {c.Grade(supplier)}) ranked {rank}");
                }
                if (c.FailMandatory.Contains(supplier))
                {
                    violations++;
                    offenders.Add($"{c.Key}: {supplier} fails a mandatory criterion and is ranked {rank}");
                }
            }
        }
        return new QualityMetrics(
            cases.Count == 0 ? 0 : cases.Average(c => c.NdcgAt10), cases.Count == 0 ? 0 : cases.Average(c => c.PrecisionAt5),
            new Share(paraphraseFound, paraphraseTotal), new Share(foreignFound, foreignTotal), stuffers, violations, cases, offenders);
    }

    /// <summary>The table the test prints: metric | matcher | baseline.</summary>
    public static IEnumerable<string> Table(QualityMetrics matcher, QualityMetrics baseline)
    {
        const string format = "| {0,-32} | {1,-15} | {2,-15} |";
        yield return string.Format(format, "metric", "matcher", "baseline");
        yield return string.Format(format, new string('-', 32), new string('-', 15), new string('-', 15));
        yield return string.Format(format, "mean nDCG@10", $"{matcher.MeanNdcgAt10:0.000}", $"{baseline.MeanNdcgAt10:0.000}");
        yield return string.Format(format, "P@5 (graded >= 2)", $"{matcher.PrecisionAt5:0.000}", $"{baseline.PrecisionAt5:0.000}");
        yield return string.Format(format, "paraphrase recall@10", matcher.ParaphraseRecall, baseline.ParaphraseRecall);
        yield return string.Format(format, "non-English recall@10", matcher.NonEnglishRecall, baseline.NonEnglishRecall);
        yield return string.Format(format, "stuffers in the top 10", matcher.StuffersInTop10, baseline.StuffersInTop10);
        yield return string.Format(format, "mandatory violations in top 10", matcher.ViolationsInTop10, baseline.ViolationsInTop10);
    }
}
