namespace GvcMatch.Matching.Composition;

/// <summary>The composer's limits and its one ranking constant. The defaults are what the API uses.</summary>
public sealed record ComposerOptions
{
    /// <summary>Largest set proposed (2 to 4).</summary>
    public int MaxMembers { get; init; } = 4;

    /// <summary>How many proposals (and sole suppliers) to return.</summary>
    public int Top { get; init; } = 5;

    /// <summary>
    /// Suppliers that offer the same mandatory keywords are interchangeable for coverage; of each such
    /// class only this many (best by their own weighted score) are tried, plus the largest capacity and
    /// the best exporter of the class when those are mandatory.
    /// </summary>
    public int RepresentativesPerClass { get; init; } = 4;

    /// <summary>When a covering set lacks capacity or export experience, the suppliers tried to complete it.</summary>
    public int ExtensionPool { get; init; } = 8;

    /// <summary>Budget of concrete sets checked; the answer says when it ran out.</summary>
    public long MaxSetsExamined { get; init; } = 200_000;

    /// <summary>
    /// Points (out of 100) each member beyond the second costs in the ranking: a valid 3-set outranks a
    /// valid 2-set only when its weighted total is more than this much higher.
    /// </summary>
    public double PointsPerExtraMember { get; init; } = 15;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMembers, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxMembers, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(Top, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RepresentativesPerClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ExtensionPool, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSetsExamined, 1);
    }
}
