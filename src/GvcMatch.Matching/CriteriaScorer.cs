using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching;

/// <summary>
/// A requirement's criteria prepared for <see cref="Scorer"/>: summaries, and for capability
/// criteria the keywords' words, concepts and vectors, depend only on the requirement, so they are
/// made once rather than for every candidate.
/// </summary>
public sealed class CriteriaScorer
{
    /// <summary>Share of a capability criterion's score that comes from the processes the description names.</summary>
    public const double DescriptionShare = 0.15;

    private readonly IReadOnlyList<Criterion> _criteria;
    private readonly string[] _summaries;
    private readonly CapabilityReader?[] _readers;
    private readonly Certifications.CertificationRequirement?[] _certificates;
    private readonly Places.MarketCheck?[] _markets;
    private readonly CapabilityReader? _description;
    private readonly MatchContext _context;

    internal CriteriaScorer(IReadOnlyList<Criterion> criteria, MatchContext context)
    {
        _criteria = criteria;
        context = context with { SeeksIntermediary = SeeksIntermediary(criteria, context.Vocabulary) };
        _context = context;
        _summaries = criteria.Select(c => c.Summary()).ToArray();
        _readers = criteria.Select(c => c.Kind == CriterionKind.CapabilityFit && c.Keywords is { Count: > 0 } k ? new CapabilityReader(k, context) : null).ToArray();
        _description = DescriptionReader(context, _readers);
        _certificates = criteria.Select(c => c.Kind == CriterionKind.CertificationHeld ? Certifications.CertificationRequirement.From(c) : null).ToArray();
        _markets = criteria.Select(c => c.Kind is CriterionKind.LocationIn or CriterionKind.ExportExperience ? new Places.MarketCheck(c) : null).ToArray();
    }

    /// <summary>The readers of the capability criteria (null for other kinds), for retrieval and the composer.</summary>
    public IReadOnlyList<CapabilityReader?> Readers => _readers;

    public MatchContext Context => _context;

    public MatchResult Score(SupplierFacts s, DateOnly today) => Score(s, today, explain: true);

    /// <summary>
    /// Without <paramref name="explain"/>, the same scores with the evidence left empty (capability, certificates, markets, capacity, lead time):
    /// ranking hundreds of candidates needs their totals, and only the page shown needs the reasons.
    /// </summary>
    public MatchResult Score(SupplierFacts s, DateOnly today, bool explain)
    {
        if (_readers.Any(r => r is not null)) s = ProfileReading.Ensure(s, _context.Vocabulary);
        var scores = new List<CriterionScore>(_criteria.Count);
        var anyWeighted = false;
        for (var i = 0; i < _criteria.Count; i++)
        {
            var c = _criteria[i];
            var (score, met, evidence) = c.Kind switch
            {
                CriterionKind.CapabilityFit => Capability(_readers[i], s, explain),
                CriterionKind.CertificationHeld => _certificates[i]!.Evaluate(s.Certifications, today, explain),
                CriterionKind.LocationIn => _markets[i]!.Location(s, explain),
                // Being located in a market counts as experience there.
                CriterionKind.ExportExperience => _markets[i]!.Exports(s.ExportMarkets, [s.Country], explain),
                _ => Scorer.Evaluate(c, s, today, explain),
            };
            var weight = c.Mandatory ? 0 : c.Weight ?? 0;
            anyWeighted |= weight > 0;
            scores.Add(new CriterionScore(i, c.Kind, c.Mandatory, weight, score, met, Math.Round(weight * score, 2), _summaries[i], evidence));
        }
        var qualified = scores.All(x => !x.Mandatory || x.Met);
        var total = anyWeighted ? Math.Round(scores.Sum(x => x.Weight * x.Score), 2) : qualified ? 100 : 0;
        return new MatchResult(s.OrganizationId, total, qualified, scores);
    }

    private (double, bool, string) Capability(CapabilityReader? reader, SupplierFacts s, bool explain)
    {
        if (reader is null) return (0, false, Say.Text("no capabilities listed"));
        var fits = reader.Assess(s, explain);
        var score = fits.Average(f => f.Score);
        var met = fits.Count(f => f.Met) >= Scorer.CapabilityPass * fits.Length;
        var evidence = explain ? Scorer.Explain(fits) : "";
        if (_description is not null)
        {
            var named = _description.Assess(s, explain);
            score = (1 - DescriptionShare) * score + DescriptionShare * named.Average(f => f.Score);
            if (explain) evidence += Say.Text("; ") + Say.Format("offers {0} of {1} processes the description names", named.Count(f => f.Met), named.Length);
        }
        return (Math.Round(score, 4), met, evidence);
    }

    /// <summary>Whether a capability keyword names an intermediary's trade ("distributor", "sourcing agent") or one below it.</summary>
    private static bool SeeksIntermediary(IReadOnlyList<Criterion> criteria, CapabilityVocabulary vocabulary) =>
        criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? [])
            .SelectMany(k => vocabulary.Tag(k))
            .Any(m => vocabulary.Find(m.ConceptId) is { } found && (found.Intermediary || vocabulary.AncestorsOf(found.Id).Any(a => vocabulary.Find(a)?.Intermediary == true)));

    /// <summary>
    /// What a description can ask of a supplier beyond its keywords: processes, services and
    /// materials. Products ("housings", "brackets") say what is made, which a shop with the right
    /// processes can make; sectors are too broad to tell suppliers apart.
    /// </summary>
    private static readonly HashSet<string?> DescribedKinds = ["process", "service", "material"];

    /// <summary>Concepts the requirement's description names beyond its keywords; they add a little to capability fit.</summary>
    private static CapabilityReader? DescriptionReader(MatchContext context, CapabilityReader?[] readers)
    {
        if (string.IsNullOrWhiteSpace(context.RequirementText) || readers.All(r => r is null)) return null;
        // What the keywords already ask, and everything above it ("milled" in a description of a CNC milling job).
        var sought = readers.Where(r => r is not null).SelectMany(r => r!.SoughtConcepts).ToHashSet(StringComparer.Ordinal);
        sought.UnionWith(sought.SelectMany(context.Vocabulary.AncestorsOf).ToList());
        var named = context.Vocabulary.Tag(context.RequirementText)
            .Where(m => !sought.Contains(m.ConceptId) && DescribedKinds.Contains(context.Vocabulary.Find(m.ConceptId)?.Kind))
            .DistinctBy(m => m.ConceptId).Select(m => m.Surface).ToList();
        return named.Count == 0 ? null : new CapabilityReader(named, context with { Phrases = null, RequirementText = null });
    }
}
