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
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    public Features.ReferenceData.ReferenceData Reference => reference;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).Include(r => r.Versions)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null) return NotFound();
        IsMember = Access.IsMember(await User.GetActorAsync(db, ct), requirement.OrganizationId);
        if (!requirement.IsVisibleToEveryone && !IsMember) return NotFound();
        Requirement = requirement;
        Versions = VersionView.Build(requirement.Versions);
        return Page();
    }
}

/// <summary>A version with the positions of its criteria that are new or changed since the version before.</summary>
public sealed record VersionView(RequirementVersion Version, IReadOnlySet<int> Changed, IReadOnlyList<Criterion> Removed)
{
    public static IReadOnlyList<VersionView> Build(IEnumerable<RequirementVersion> versions)
    {
        var result = new List<VersionView>();
        RequirementVersion? previous = null;
        foreach (var v in versions.OrderBy(v => v.Number))
        {
            // Criteria hold lists, so records compare by reference; compare their JSON instead.
            var before = previous?.Criteria.Select(Key).ToList() ?? [];
            var now = v.Criteria.Select(Key).ToList();
            var changed = previous is null ? new HashSet<int>() : now.Select((k, i) => (k, i)).Where(x => !before.Contains(x.k)).Select(x => x.i).ToHashSet();
            var removed = previous is null ? [] : previous.Criteria.Where(c => !now.Contains(Key(c))).ToList();
            result.Add(new VersionView(v, changed, removed));
            previous = v;
        }
        result.Reverse();
        return result;
    }

    private static string Key(Criterion c) => JsonSerializer.Serialize(c);
}
