using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Roadmaps;

/// <summary>
/// Road-map items the reader may see (network-only items only for the buyer's network), searchable
/// by words; an SME also sees the items it fits, a buyer its own items in every state.
/// </summary>
public sealed class IndexModel(AppDbContext db, RoadmapMatching matching) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<RoadmapItem> Items { get; private set; } = [];
    public IReadOnlyList<RoadmapItem> Mine { get; private set; } = [];
    public IReadOnlyList<RoadmapFit> Fits { get; private set; } = [];
    public bool IsBuyer { get; private set; }
    public bool IsSme { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var visible = (await RoadmapAccess.VisibleAsync(db, actor, ct)).AsNoTracking().Include(i => i.Organization);
        var words = (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Searched in memory over what the reader may see: nothing invisible can ever match.
        Items = (await visible.Where(i => i.Status == RoadmapStatus.Published).OrderByDescending(i => i.Id).Take(500).ToListAsync(ct))
            .Where(i => words.All(w => i.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || i.Description.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Take(200).ToList();
        if (actor is { IsMne: true, OrganizationId: { } buyer })
        {
            IsBuyer = true;
            Mine = await visible.Where(i => i.OrganizationId == buyer).OrderByDescending(i => i.UpdatedAt).ToListAsync(ct);
        }
        else if (actor is { IsSme: true, OrganizationId: { } org })
        {
            IsSme = true;
            if (await SupplierDocuments.LoadOwnFactsAsync(db, org, ct) is { } facts) Fits = await matching.ItemsForAsync(actor, facts, 10, ct);
        }
    }
}
