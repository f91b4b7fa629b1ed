using GvcMatch.Web.Data;
using GvcMatch.Web.Features.SupportProgrammes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.SupportProgrammes;

/// <summary>The support-programme directory for everyone: by words, country (with international programmes) and kind.</summary>
public sealed class IndexModel(AppDbContext db, Features.ReferenceData.ReferenceData reference) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<SupportProgramme> Programmes { get; private set; } = [];
    public string? Q { get; private set; }
    public string? Country { get; private set; }
    public ProgrammeKind? Kind { get; private set; }

    public async Task OnGetAsync(string? q, string? country, string? kind, CancellationToken ct)
    {
        Q = q;
        // Unknown filters are dropped rather than refused: this is a page of links, not an API.
        Country = !string.IsNullOrWhiteSpace(country) && reference.IsCountry(country) ? country.ToUpperInvariant() : null;
        Kind = Enum.TryParse<ProgrammeKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        Programmes = await ProgrammeDirectory.Search(db, q, Country, Kind)
            .OrderBy(p => p.Country == null).ThenBy(p => p.Country).ThenBy(p => p.Name).Take(Shown).ToListAsync(ct);
    }

    public IEnumerable<string> Countries() =>
        (reference.List("countries") ?? []).Select(c => c.Code);
}
