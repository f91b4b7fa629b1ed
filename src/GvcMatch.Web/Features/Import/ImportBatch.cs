namespace GvcMatch.Web.Features.Import;

/// <summary>One batch of an import about to be committed: what kind of rows, and what it writes.</summary>
public sealed record ImportBatch(string Kind, int Created, int Updated, int Unchanged, int Rejected)
{
    /// <summary>True when the batch writes a row (created or updated); a batch of unchanged or rejected rows writes nothing.</summary>
    public bool Writes => Created + Updated > 0;

    internal static ImportBatch Of(string kind, IEnumerable<RowOutcome> outcomes)
    {
        var counts = new KindCounts();
        foreach (var outcome in outcomes) counts.Count(outcome);
        return new ImportBatch(kind, counts.Created, counts.Updated, counts.Unchanged, counts.Rejected);
    }

    public override string ToString() =>
        $"{Kind.ToLowerInvariant()}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected";
}
