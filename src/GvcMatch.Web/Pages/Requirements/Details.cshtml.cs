using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Requirements;

/// <summary>A requirement in full: every criterion and every published version, so suppliers see how they are judged.</summary>
[Authorize]
public sealed class DetailsModel(AppDbContext db, Features.ReferenceData.ReferenceData reference) : PageModel
{
    public Requirement Requirement { get; private set; } = null!;
    public bool IsMember { get; private set; }

    /// <summary>An SME may open a conversation with the buyer of a published requirement.</summary>
    public bool CanAskBuyer { get; private set; }
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    public Features.ReferenceData.ReferenceData Reference => reference;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).Include(r => r.Versions)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null) return NotFound();
        var actor = await User.GetActorAsync(db, ct);
        IsMember = Access.IsMember(actor, requirement.OrganizationId);
        CanAskBuyer = actor?.IsSme == true && requirement.Status == RequirementStatus.Published;
        if (!requirement.IsVisibleToEveryone && !IsMember) return NotFound();
        Requirement = requirement;
        Versions = VersionView.Build(requirement.Versions);
        return Page();
    }
}

/// <summary>
/// A version with what differs from the version before: criteria are paired by kind and their order
/// within that kind, so an edited criterion shows as changed rather than as removed and added.
/// </summary>
public sealed record VersionView(RequirementVersion Version, IReadOnlyDictionary<int, string> Marks, IReadOnlyList<Criterion> Removed)
{
    public static IReadOnlyList<VersionView> Build(IEnumerable<RequirementVersion> versions)
    {
        var result = new List<VersionView>();
        RequirementVersion? previous = null;
        foreach (var v in versions.OrderBy(v => v.Number))
        {
            var marks = new Dictionary<int, string>();
            var removed = new List<Criterion>();
            if (previous is not null)
            {
                var beforeKeys = Pair(previous.Criteria);
                var before = beforeKeys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => previous.Criteria[x.i]);
                var now = Pair(v.Criteria);
                for (var i = 0; i < v.Criteria.Count; i++)
                {
                    if (!before.TryGetValue(now[i], out var old)) marks[i] = "new";
                    else if (Key(old) != Key(v.Criteria[i])) marks[i] = "changed";
                }
                var kept = now.ToHashSet();
                removed = previous.Criteria.Where((_, i) => !kept.Contains(beforeKeys[i])).ToList();
            }
            result.Add(new VersionView(v, marks, removed));
            previous = v;
        }
        result.Reverse();
        return result;
    }

    /// <summary>"LeadTimeAtMost#0", "CapabilityFit#1": each criterion's kind and its order among criteria of that kind.</summary>
    private static List<string> Pair(IReadOnlyList<Criterion> criteria)
    {
        var seen = new Dictionary<CriterionKind, int>();
        return criteria.Select(c =>
        {
            var n = seen.GetValueOrDefault(c.Kind);
            seen[c.Kind] = n + 1;
            return $"{c.Kind}#{n}";
        }).ToList();
    }

    // Criteria hold lists, so records compare by reference; compare their JSON instead.
    private static string Key(Criterion c) => JsonSerializer.Serialize(c);
}
