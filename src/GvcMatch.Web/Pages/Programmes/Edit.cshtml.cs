using GvcMatch.Web.Data;
using GvcMatch.Web.Features.DevelopmentProgrammes;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Programmes;

/// <summary>The runner's form for a programme: title, aim, dates and sector codes.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, ProgrammeService programmes, TimeProvider clock) : PageModel
{
    public sealed class Form
    {
        public string? Title { get; set; }
        public string? Aim { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        /// <summary>ISIC classes and HS headings, separated by commas or spaces.</summary>
        public string? IsicCodes { get; set; }
        public string? HsCodes { get; set; }

        public ProgrammeInput ToInput() => new() { Title = Title, Aim = Aim, StartsOn = StartsOn, EndsOn = EndsOn, IsicCodes = Split(IsicCodes), HsCodes = Split(HsCodes) };

        private static List<string> Split(string? codes) => (codes ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    [BindProperty] public Form Input { get; set; } = new();
    public int? Id { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (ProgrammeService.CanRun(actor) is not null) return Forbid();
        Id = id;
        if (id is null)
        {
            Input = new Form { StartsOn = clock.Today(), EndsOn = clock.Today().AddMonths(6) };
            return Page();
        }
        var found = await programmes.RunnersAsync(actor, id.Value, ct);
        if (found.Refusal is { } r) return r.IsNotFound ? NotFound() : Forbid();
        var p = found.Value!;
        Input = new Form { Title = p.Title, Aim = p.Aim, StartsOn = p.StartsOn, EndsOn = p.EndsOn, IsicCodes = string.Join(", ", p.IsicCodes), HsCodes = string.Join(", ", p.HsCodes) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        Id = id;
        var outcome = id is null ? await programmes.CreateAsync(actor, Input.ToInput(), ct) : await programmes.UpdateAsync(actor, id.Value, Input.ToInput(), ct);
        switch (outcome.Refusal)
        {
            case null: return Redirect($"/Programmes/{outcome.Value!.Id}");
            case { IsInvalid: true } r: Errors = r.ForForm(); return Page();
            case { IsNotFound: true }: return NotFound();
            default: return Forbid();
        }
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
