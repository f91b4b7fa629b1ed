namespace GvcMatch.Matching.Composition;

/// <summary>The composer's limits. The defaults are what the API uses.</summary>
public sealed record ComposerOptions
{
    /// <summary>Largest set proposed (2 to 4).</summary>
    public int MaxMembers { get; init; } = 4;

    /// <summary>How many proposals (and sole suppliers) to return.</summary>
    public int Top { get; init; } = 5;

    /// <summary>
    /// Suppliers that offer the same pieces of work are interchangeable for coverage; of each such
    /// class only this many (best by their own weighted score) are tried, plus the largest capacity and
    /// its best holder of each fact one member must bring.
    /// </summary>
    public int RepresentativesPerClass { get; init; } = 4;

    /// <summary>When a set lacks capacity or a fact one member must bring, the suppliers tried to complete it.</summary>
    public int ExtensionPool { get; init; } = 8;

    /// <summary>Budget of concrete sets checked; the answer says when it ran out.</summary>
    public long MaxSetsExamined { get; init; } = 200_000;

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
