using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consolidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Buyers;

/// <summary>A buyer's public page: its consolidation notices and its public record (payments, decisions, notice periods, complaints).</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public BuyerRecordDto Record { get; private set; } = null!;
    public IReadOnlyList<ConsolidationNotice> Notices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await BuyerRecord.ForAsync(db, id, clock, ct) is not { } record) return NotFound();
        Record = record;
        Notices = await db.ConsolidationNotices.AsNoTracking()
            .Where(n => n.OrganizationId == id && n.Status == NoticeStatus.Published).OrderByDescending(n => n.PublishedAt).Take(50).ToListAsync(ct);
        return Page();
    }
}
