using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Consolidation;

/// <summary>Published consolidation notices for everyone (never naming suppliers); a buyer also sees its own drafts here.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ConsolidationNotice> Published { get; private set; } = [];
    public IReadOnlyList<ConsolidationNotice> MyDrafts { get; private set; } = [];
    public bool IsBuyer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Published = await db.ConsolidationNotices.AsNoTracking().Include(n => n.Organization)
            .Where(n => n.Status == NoticeStatus.Published).OrderBy(n => n.DecisionDate).ThenBy(n => n.Id).Take(200).ToListAsync(ct);
        var actor = await User.GetActorAsync(db, ct);
        if (actor is { IsMne: true, OrganizationId: { } buyer })
        {
            IsBuyer = true;
            MyDrafts = await db.ConsolidationNotices.AsNoTracking().Include(n => n.Organization)
                .Where(n => n.OrganizationId == buyer && n.Status == NoticeStatus.Draft).OrderByDescending(n => n.UpdatedAt).ToListAsync(ct);
        }
    }
}
