namespace GvcMatch.Web.Tests.Matching;

/// <summary>Normalised discounted cumulative gain with exponential gain (2^label − 1), the usual graded-relevance measure.</summary>
public static class Ndcg
{
    /// <param name="k">Cut-off.</param>
    /// <param name="rankedLabels">The labels of the returned items, in rank order.</param>
    /// <param name="allLabels">The labels of every item that could have been returned (for the ideal ordering).</param>
    public static double At(int k, IReadOnlyList<int> rankedLabels, IReadOnlyList<int> allLabels)
    {
        var ideal = Dcg(allLabels.OrderByDescending(l => l).Take(k).ToList());
        return ideal == 0 ? 1 : Dcg(rankedLabels.Take(k).ToList()) / ideal;
    }

    private static double Dcg(IReadOnlyList<int> labels) =>
        labels.Select((label, i) => (Math.Pow(2, label) - 1) / Math.Log2(i + 2)).Sum();
}
