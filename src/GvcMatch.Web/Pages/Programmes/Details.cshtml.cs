using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.DevelopmentProgrammes;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Programmes;

/// <summary>
/// A programme: what it is for everyone; for its runner each enrolled SME's progress with the forms
/// that enrol, set milestones, mark them and record completion; for an enrolled SME its own progress.
/// </summary>
public sealed class DetailsModel(AppDbContext db, ProgrammeService programmes, ProgrammeMentoring mentoring) : PageModel
{
    public ProgrammeDto Programme { get; private set; } = null!;
    public bool IsRunner { get; private set; }
    public IReadOnlyList<EnrolmentProgressDto> Enrolments { get; private set; } = [];
    public EnrolmentProgressDto? Mine { get; private set; }
    public IReadOnlyList<CandidateDto> Candidates { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public MilestoneInput Milestone { get; set; } = new();
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    /// <summary>Which form the errors belong to ("milestone", "enrol", "row-{enrolmentId}").</summary>
    public string? ErrorForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await programmes.PublicAsync(id, ct) is not { } programme) return false;
        Programme = programme;
        var actor = await User.GetActorAsync(db, ct);
        IsRunner = Access.IsMember(actor, programme.RunnerId);
        if (IsRunner)
        {
            var found = await programmes.RunnersAsync(actor, id, ct);
            Enrolments = await programmes.ProgressAsync(found.Value!, null, ct);
            if (!string.IsNullOrWhiteSpace(Q))
            {
                var candidates = await programmes.CandidatesAsync(actor, id, Q, ct);
                if (candidates.Refusal is { } r) { Errors = r.ForForm(); ErrorForm = "enrol"; }
                else Candidates = candidates.Value!;
            }
        }
        else if (actor?.OrganizationId is { } orgId)
            Mine = (await programmes.MineAsync(actor, orgId, ct)).Value!.FirstOrDefault(e => e.ProgrammeId == id);
        return true;
    }

    private async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, string form, CancellationToken ct, string? anchor = null)
    {
        if (outcome.Refusal is { IsNotFound: true }) return NotFound();
        if (outcome.Refusal is { IsForbidden: true }) return Forbid();
        if (outcome.Refusal is { } r)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Errors = r.ForForm();
            ErrorForm = form;
            return Page();
        }
        return Redirect($"/Programmes/{id}{anchor}");
    }

    public async Task<IActionResult> OnPostEnrolAsync(int id, int? organizationId, CancellationToken ct) =>
        await AfterAsync(id, await programmes.EnrolAsync(await User.GetActorAsync(db, ct), id, organizationId, ct), "enrol", ct, "#enrolments");

    public async Task<IActionResult> OnPostMilestoneAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await programmes.AddMilestoneAsync(await User.GetActorAsync(db, ct), id, Milestone, ct), "milestone", ct, "#enrolments");

    public async Task<IActionResult> OnPostMarkAsync(int id, int enrolmentId, int milestoneId, string? note, CancellationToken ct) =>
        await AfterAsync(id, await programmes.MarkAsync(await User.GetActorAsync(db, ct), id, enrolmentId, milestoneId, note, ct), $"row-{enrolmentId}", ct, $"#enrolment-{enrolmentId}");

    public async Task<IActionResult> OnPostCompleteAsync(int id, int enrolmentId, CancellationToken ct) =>
        await AfterAsync(id, await programmes.CompleteAsync(await User.GetActorAsync(db, ct), id, enrolmentId, ct), $"row-{enrolmentId}", ct, $"#enrolment-{enrolmentId}");

    public async Task<IActionResult> OnPostAnswerAsync(int id, int enrolmentId, bool accept, CancellationToken ct) =>
        await AfterAsync(id, await programmes.AnswerAsync(await User.GetActorAsync(db, ct), id, enrolmentId, accept, ct), $"row-{enrolmentId}", ct);

    public async Task<IActionResult> OnPostConversationAsync(int id, int enrolmentId, CancellationToken ct)
    {
        var outcome = await mentoring.OpenAsync(await User.GetActorAsync(db, ct), id, enrolmentId, ct);
        return outcome.Ok ? Redirect($"/Conversations/{outcome.Value!.ConversationId}") : await AfterAsync(id, outcome, $"row-{enrolmentId}", ct);
    }

    /// <summary>The milestone form's fields, each showing its own problems.</summary>
    private static readonly string[] MilestoneFields = ["kind", "enrolmentId", "title", "standard", "scope", "conceptId", "minimum", "unit", "period", "due"];

    public string? MilestoneErrorFor(string field) =>
        ErrorForm == "milestone" && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Problems of the milestone form that no field of it shows.</summary>
    public string? MilestoneErrorsElsewhere() =>
        ErrorForm == "milestone" && Errors.Where(e => !MilestoneFields.Contains(e.Key)).SelectMany(e => e.Value).ToList() is { Count: > 0 } rest ? string.Join(" ", rest) : null;

    public string? ErrorsOf(string form) => ErrorForm == form && Errors.Count > 0 ? string.Join(" ", Errors.Values.SelectMany(v => v)) : null;
}
