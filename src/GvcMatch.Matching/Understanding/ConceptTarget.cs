namespace GvcMatch.Matching.Understanding;

/// <summary>How a supplier's concept stands to the one sought.</summary>
public enum Relation { Same, Narrower, Broader, Related }

/// <summary>
/// A concept a buyer asks for, with the credit each concept of a supplier earns against it:
/// the concept itself or a narrower one (a kind of it) earns full credit; a broader one earns
/// part, less the further up it is; one beside it (under the same broader concept) a little.
/// </summary>
internal sealed class ConceptTarget
{
    public const double Parent = 0.5, Grandparent = 0.35, Ancestor = 0.2, Sibling = 0.3;

    private readonly Dictionary<string, (double Credit, Relation Relation)> _credits = new(StringComparer.Ordinal);

    public ConceptTarget(CapabilityVocabulary v, string id)
    {
        Id = id;
        Label = v.Find(id)?.PreferredLabel() ?? id;
        var parents = v.Find(id)?.Broader ?? [];
        foreach (var p in parents)
        {
            foreach (var child in v.DescendantsOf(p))
            {
                if (v.Find(child)?.Broader.Contains(p) == true) Offer(child, Sibling, Relation.Related);
            }
        }
        var level = parents.ToList();
        for (var depth = 1; level.Count > 0 && depth < 16; depth++)
        {
            var credit = depth switch { 1 => Parent, 2 => Grandparent, _ => Ancestor };
            foreach (var a in level) Offer(a, credit, Relation.Broader);
            level = level.SelectMany(a => v.Find(a)?.Broader ?? []).Distinct().ToList();
        }
        foreach (var d in v.DescendantsOf(id)) Offer(d, 1, Relation.Narrower);
        _credits[id] = (1, Relation.Same);
    }

    public string Id { get; }
    public string Label { get; }

    public bool TryCredit(string conceptId, out double credit, out Relation relation)
    {
        if (_credits.TryGetValue(conceptId, out var c)) { (credit, relation) = c; return true; }
        (credit, relation) = (0, Relation.Related);
        return false;
    }

    private void Offer(string id, double credit, Relation relation)
    {
        if (!_credits.TryGetValue(id, out var had) || had.Credit < credit) _credits[id] = (credit, relation);
    }
}
