using GvcMatch.Benchmarks.Generation;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Benchmarks.Composition;

/// <summary>
/// Requirements that no single generated supplier can meet: four mandatory capability groups, each
/// one or two capabilities of a different sector (a generated supplier belongs to one sector), so
/// every answer is a consortium of four. Some add a mandatory ISO 9001 (for every member, or for
/// the partner doing one role), a mandatory region or a mandatory summed capacity; all carry weighted capacity, lead time, verification and export.
/// Deterministic: requirement n depends only on n.
/// </summary>
public static class ConsortiumRequirements
{
    private static readonly string[] Europe = ["DE", "IT", "ES", "FR", "PL", "CZ", "PT", "AT", "NL", "GB", "TR"];

    public static List<Requirement> Create(int count) => Enumerable.Range(0, count).Select(One).ToList();

    private static Requirement One(int n)
    {
        var r = new Random(4_000 + n);
        // Sectors that share a unit, so a mandatory capacity can add up over the members.
        var sectors = Sectors.All.Where(s => s.Unit == "pieces").OrderBy(_ => r.Next()).Take(4).ToList();
        // Every fourth requirement takes two groups from one sector, so that sets of three compete with sets of four.
        if (n % 4 == 3) sectors[3] = sectors[2];
        var words = sectors.Distinct().ToDictionary(s => s, s => new Queue<string>(s.Capabilities.OrderBy(_ => r.Next())));
        var criteria = sectors.Select(s => new Criterion
        {
            Kind = CriterionKind.CapabilityFit,
            Mandatory = true,
            Keywords = Enumerable.Range(0, r.Next(1, 3)).Select(_ => words[s].Dequeue()).ToList(),
        }).ToList();
        if (n % 2 == 0) criteria.Add(new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" });
        // Every fourth (from the second) asks ISO 9001 only of the partner doing the first group's work, as a named role.
        if (n % 4 == 1)
        {
            criteria[0] = criteria[0] with { Role = "lead process" };
            criteria.Add(new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001", Role = "lead process" });
        }
        if (n % 3 == 0) criteria.Add(new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = Europe });
        if (n % 4 == 1) criteria.Add(new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 150_000, Unit = "pieces" });
        criteria.AddRange(
        [
            new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 30, Minimum = 40_000, Unit = "pieces" },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 30 },
            new Criterion { Kind = CriterionKind.VerifiedSupplier, Weight = 20 },
            new Criterion { Kind = CriterionKind.ExportExperience, Weight = 20, Countries = ["US", "JP"] },
        ]);
        var title = $"Assembly needing {string.Join(" + ", sectors.Select(s => s.Name).Distinct())}";
        return new Requirement
        {
            Id = n + 1,
            Key = $"bench-consortium-{n + 1}",
            Title = title,
            Description = title,
            Criteria = criteria,
            Status = RequirementStatus.Published,
            Version = 1,
        };
    }
}
